"""Clean every hand-written article and page once per build."""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals

from pelita.build.imported.plugin import imported_folders, is_imported
from pelita.core.htmlsafety import sanitize_admin
from pelita.core.schema import URL_KEYS
from pelita.core.urlsafety import blank_unsafe_addresses

logger = logging.getLogger(__name__)

_ARTICLE_GROUPS = ("articles", "translations", "drafts", "drafts_translations",
                   "hidden_articles", "hidden_translations")  # fmt: skip
_PAGE_GROUPS = ("pages", "translations", "hidden_pages", "hidden_translations",
                "draft_pages", "draft_translations")  # fmt: skip


def _clean(items: list[Any], folders: tuple[Any, ...]) -> None:
    for item in items:
        if is_imported(item, folders):
            continue  # the importer plugin cleans these with its stricter list
        before = item._content or ""
        after = sanitize_admin(before)
        if after != before:
            logger.debug("adminhtml: cleaned raw HTML in %s", item.source_path)
        item._content = after
        summary = getattr(item, "_summary", None)
        if isinstance(summary, str):
            item._summary = sanitize_admin(summary)
        for key in blank_unsafe_addresses(item, URL_KEYS):
            logger.debug("adminhtml: unsafe %s left out of %s", key, item.source_path)


def on_articles(generator: Any) -> None:
    """Sanitize admin articles (runs on every build, cache hit or not)."""
    folders = imported_folders(generator)
    for group in _ARTICLE_GROUPS:
        _clean(getattr(generator, group, []), folders)


def on_pages(generator: Any) -> None:
    """Sanitize pages."""
    folders = imported_folders(generator)
    for group in _PAGE_GROUPS:
        _clean(getattr(generator, group, []), folders)


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_pretaxonomy.connect(on_articles)
    signals.page_generator_finalized.connect(on_pages)
