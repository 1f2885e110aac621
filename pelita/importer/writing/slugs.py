"""Slugs and file names: unique across the whole content tree, safe everywhere.

Pelican writes an article to ``/{category}/{slug}/`` and aborts on two
articles with one output path, so an imported slug must differ from every
slug in the content tree (admins' posts included: a post without ``Slug``
gets Pelican's slug of its title, computed here the same way). A slug is
ASCII (transliterated with Unidecode, as Pelican does), at most 80
characters, never a reserved device name, never digits only (``/berita/2/``
is a pagination page); a collision gets ``-2``, ``-3``... The file name is
the slug plus ``.md``: safe on every file system, at most 100 characters,
whatever the title (path traversal, emoji-only, right-to-left text).
"""

from __future__ import annotations

import html
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from unidecode import unidecode

from pelita.core.slugs import MAX_SLUG

from .metadata import read_header

logger = logging.getLogger(__name__)

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index", "feeds", "theme", "static"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)
_TAGS = re.compile(r"<!--.*?-->|<.*?>", re.DOTALL)


def pelican_slug(title: str, substitutions: Iterable[tuple[str, str]]) -> str:
    """The slug Pelican gives a post without ``Slug`` (``pelican.utils.slugify``).

    Re-done here because importing Pelican costs seconds; the steps are
    Pelican's: strip tags, NFKC, Unidecode, the regex substitutions, lower.
    """
    value = html.unescape(" ".join(_TAGS.sub("", title).split()))
    value = unidecode(unicodedata.normalize("NFKC", value))
    for pattern, replacement in substitutions:
        value = re.sub(
            unicodedata.normalize("NFKC", pattern),
            unicodedata.normalize("NFKC", replacement),
            value,
            flags=re.IGNORECASE,
        )
    return value.lower().strip()


def _markdown_files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(MARKDOWN_SUFFIXES) and not name.startswith("."):
                yield Path(folder) / name


class SlugRegistry:
    """Every slug in use under the content tree; hands out unused ones."""

    def __init__(self, root: Path, substitutions: Iterable[tuple[str, str]]) -> None:
        self.root = root
        self.substitutions = tuple(substitutions)
        self._taken: set[str] | None = None

    def _scan(self) -> set[str]:
        taken: set[str] = set()
        if not self.root.is_dir():
            return taken
        for path in _markdown_files(self.root):
            meta = read_header(path)
            slug = meta.get("slug") or pelican_slug(
                meta.get("title", ""), self.substitutions
            )
            if slug:
                taken.add(slug.lower())
        logger.debug("importer: %s slugs in use under %s", len(taken), self.root)
        return taken

    @property
    def taken(self) -> set[str]:
        """The slugs in use (scanned once, on first need)."""
        if self._taken is None:
            self._taken = self._scan()
        return self._taken

    def claim(self, wanted: str, fallback: str) -> str:
        """An unused slug based on ``wanted`` (``fallback`` when that is empty)."""
        base = wanted or fallback
        if base.isdigit() or base in _RESERVED:
            base = f"{fallback}-{base}" if base != fallback else f"post-{base}"
        base = base[:MAX_SLUG].strip("-")
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        return slug
