"""Attach provenance to articles and pages on every build."""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals

from pelita.core.registries import load_opd, registry_paths, site_channels
from pelita.core.settings import PROVENANCE, merge_settings

from .sources import history_url, provenance_of

logger = logging.getLogger(__name__)


def channel_names(settings: dict[str, Any]) -> dict[str, str]:
    """Channel id -> display name from the channel registry."""
    return site_channels(settings, who="provenance").names()


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
