"""Attach provenance to articles and pages on every build."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml
from pelican import signals

from pelita.core.registries import load_opd, load_yaml_text, registry_paths
from pelita.core.settings import PROVENANCE, merge_settings

from .sources import history_url, provenance_of

logger = logging.getLogger(__name__)


def channel_names(settings: dict[str, Any]) -> dict[str, str]:
    """Channel id -> display name from the importer's channel registry."""
    path = Path((settings.get("IMPORTER") or {}).get("channels_file") or "")
    if not path.is_file():
        return {}
    try:
        data = load_yaml_text(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        logger.warning("provenance: cannot read channel names from %s: %s", path, error)
        return {}
    channels = data.get("channels") if isinstance(data, dict) else None
    return {
        str(c["id"]): str(c["name"])
        for c in channels or []
        if isinstance(c, dict) and c.get("id") and c.get("name")
    }


def _annotate(items: list[Any], settings: dict[str, Any]) -> None:
    options = merge_settings(settings, PROVENANCE)
    opds = load_opd(registry_paths(settings)["opd"])
    names = channel_names(settings)

    def opd_name(value: Any) -> str:
        found = opds.find(str(value))
        return found.nama if found else str(value)

    for item in items:
        link = history_url(
            settings.get("REPOSITORY_URL"),
            settings.get("REPOSITORY_BRANCH") or "main",
            options["content_path"],
            item.relative_source_path,
            options["untracked"],
        )
        found = provenance_of(item, opd_name, link, names)
        item.source_name = found.source_name
        item.source_url = found.source_url
        item.history_url = found.history_url


def annotate_articles(generator: Any) -> None:
    """Provenance for every published, hidden and draft article."""
    _annotate(
        [*generator.articles, *generator.hidden_articles, *generator.drafts],
        generator.settings,
    )


def annotate_pages(generator: Any) -> None:
    """Provenance (history link) for static pages too."""
    _annotate([*generator.pages, *generator.hidden_pages], generator.settings)


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_finalized.connect(annotate_articles)
    signals.page_generator_finalized.connect(annotate_pages)
