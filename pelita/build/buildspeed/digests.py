"""Digests of the build-wide context values an article page may read.

A cached page records the context names its templates read and a digest of
each; it is reused only while every digest is unchanged. By default the
digest is the whole value (:func:`.fingerprint.stable`), which is always
safe. Some values change every night only in parts no article page shows,
so they have narrower digests here, each stating what pages may read:

``nav_categories``
    (category, post count) pairs: article pages show the names and links,
    not the counts, which change with every new post.
``opd_pages_by_id``
    OPD pages by id: article pages link to the page and name the office;
    the page's list of posts changes nightly.
``_responsive_images``
    the images plugin's plan of every photo: a page shows only its own
    photos, which are in its key already (by file hash); the options are
    all that is shared.

Whole-site lists (``articles``, ``dates``...) change with every post; a page
that reads one is never cached, and its digest is not computed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from .fingerprint import FileHashes, stable

NEVER_CACHED = frozenset(
    {
        "articles",
        "all_articles",
        "dates",
        "drafts",
        "hidden_articles",
        "period_archives",
        "tags",
        "authors",
        "pages",
        "hidden_pages",
        "draft_pages",
    }
)


def _nav_categories(value: Any) -> Any:
    return [(getattr(c, "name", c), getattr(c, "url", "")) for c, *_ in value or []]


def _opd_pages(value: Any) -> Any:
    return {
        key: (getattr(page, "url", ""), getattr(page, "opd", None))
        for key, page in (value or {}).items()
    }


def _responsive_images(value: Any) -> Any:
    return getattr(value, "options", None)


NARROW: dict[str, Callable[[Any], Any]] = {
    "nav_categories": _nav_categories,
    "opd_pages_by_id": _opd_pages,
    "_responsive_images": _responsive_images,
}


class ContextDigests:
    """Digests of context values, each computed at most once per build."""

    def __init__(self, context: dict[str, Any], hashes: FileHashes) -> None:
        self.context = context
        self.hashes = hashes
        self._known: dict[str, str] = {}

    def of(self, name: str) -> str:
        """The digest of the context value ``name`` (the same within a build)."""
        if name not in self._known:
            value = self.context.get(name)
            narrow = NARROW.get(name)
            text = stable(narrow(value) if narrow else value, self.hashes)
            self._known[name] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self._known[name]

    def of_all(self, names: set[str]) -> dict[str, str]:
        """Digests of ``names``, by name."""
        return {name: self.of(name) for name in sorted(names)}
