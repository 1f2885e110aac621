"""Split a large site's search index into parts, newest pages first.

Pagefind keeps every page it indexes in memory until it writes the bundle:
about a quarter of a megabyte a page with Pagefind 1.5, so 20,000 posts
would need some 5 GB in one run. Indexing the pages in parts of at most
``pages_per_part`` keeps the peak to one part's worth. The search page
(``search.js``) loads every part and merges their results: by score for a
query, and part after part for "newest first" browsing, which is why the
parts are cut from the pages sorted by date, newest first (the
``data-pagefind-sort="date:..."`` of each post; pages without one go last).
Each part is indexed from a folder of hard links to its pages, so Pagefind
sees the site's own paths and writes the site's own URLs.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

BODY_MARK = b"data-pagefind-body"
_DATE_SORT = re.compile(rb'data-pagefind-sort="date:([^"]*)"')


def pages_to_index(site: Path, skip: str) -> list[Path]:
    """The pages Pagefind would index, newest first (paths relative to ``site``).

    Pagefind indexes only the pages marked ``data-pagefind-body`` when any
    page has the mark, and every page otherwise; ``skip`` is the bundle
    folder, never indexed.
    """
    marked: list[tuple[bytes, Path]] = []
    unmarked: list[tuple[bytes, Path]] = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] == skip:
            continue
        text = path.read_bytes()
        date = _DATE_SORT.search(text)
        key = (date.group(1) if date else b"", relative)
        (marked if BODY_MARK in text else unmarked).append(key)
    chosen = marked or unmarked
    chosen.sort(key=lambda item: (item[0], str(item[1])), reverse=True)
    dated = [path for date, path in chosen if date]
    undated = sorted(path for date, path in chosen if not date)
    return dated + undated


def split(pages: list[Path], pages_per_part: int) -> list[list[Path]]:
    """``pages`` cut in order into parts of at most ``pages_per_part``."""
    size = max(pages_per_part, 1)
    return [pages[start : start + size] for start in range(0, len(pages), size)]


@contextlib.contextmanager
def part_view(site: Path, pages: list[Path]) -> Iterator[Path]:
    """A temporary folder holding ``pages`` at their paths in ``site``.

    Hard links where the file system allows them (no copying), copies
    otherwise. Made beside ``site`` so that hard links work; removed after.
    """
    view = Path(tempfile.mkdtemp(prefix=f".{site.name}-search-", dir=site.parent))
    try:
        for relative in pages:
            target = view / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / relative, target)
            except OSError:
                shutil.copyfile(site / relative, target)
        yield view
    finally:
        shutil.rmtree(view, ignore_errors=True)
