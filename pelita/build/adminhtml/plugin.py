"""Clean every hand-written article and page once per build."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from pelican import signals

from pelita.build.buildspeed.memo import PostMemo
from pelita.build.imported.plugin import imported_folders, is_imported
from pelita.core.htmlsafety import sanitize_admin
from pelita.core.schema import URL_KEYS
from pelita.core.urlsafety import blank_unsafe_addresses

logger = logging.getLogger(__name__)

_ARTICLE_GROUPS = ("articles", "translations", "drafts", "drafts_translations",
                   "hidden_articles", "hidden_translations")  # fmt: skip
_PAGE_GROUPS = ("pages", "translations", "hidden_pages", "hidden_translations",
                "draft_pages", "draft_translations")  # fmt: skip


def _sanitized(item: Any) -> tuple[str, str | None]:
    """The item's content and summary with raw HTML made safe."""
    summary = getattr(item, "_summary", None)
    return (
        sanitize_admin(item._content or ""),
        sanitize_admin(summary) if isinstance(summary, str) else None,
    )


def _clean(items: list[Any], folders: tuple[Any, ...], memo: PostMemo) -> None:
    for item in items:
        if is_imported(item, folders):
            continue  # the importer plugin cleans these with its stricter list
        content, summary = memo.get(item, partial(_sanitized, item))
        if content != (item._content or ""):
            logger.debug("adminhtml: cleaned raw HTML in %s", item.source_path)
        item._content = content
        if summary is not None:
            item._summary = summary
        for key in blank_unsafe_addresses(item, URL_KEYS):
            logger.debug("adminhtml: unsafe %s left out of %s", key, item.source_path)


def _clean_groups(generator: Any, groups: tuple[str, ...], name: str) -> None:
    folders = imported_folders(generator)
    memo = PostMemo(generator.settings, name)
    for group in groups:
        _clean(getattr(generator, group, []), folders, memo)
    memo.save()


def on_articles(generator: Any) -> None:
    """Sanitize admin articles (runs on every build, cache hit or not)."""
    _clean_groups(generator, _ARTICLE_GROUPS, "adminhtml-articles")


def on_pages(generator: Any) -> None:
    """Sanitize pages."""
    _clean_groups(generator, _PAGE_GROUPS, "adminhtml-pages")


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_pretaxonomy.connect(on_articles)
    signals.page_generator_finalized.connect(on_pages)
