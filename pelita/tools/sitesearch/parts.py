"""Split a large site's search index into parts, and reuse the unchanged ones.

Pagefind keeps every page it indexes in memory until it writes the bundle:
about a quarter of a megabyte a page with Pagefind 1.5, so 20,000 posts
would need some 5 GB in one run. Indexing the pages in parts of
``pages_per_part`` keeps the peak to one part's worth.

The parts are cut from the oldest post on (by the ``data-pagefind-sort=
"date:..."`` of each post): a night's new posts land in the newest part, the
primary one in ``pagefind/``, together with the pages that carry no date,
while the older, full parts keep their pages. An older part whose pages
index the same as when it was made is copied from the cache instead of
being indexed again (``part_digest``); what a page shows outside the index
(``data-pagefind-ignore="all"``: related posts, share kits) does not count,
so a night's new related posts on old pages cost nothing. The search page
(``search.js``) loads every part and merges their results: by score for a
query, and part after part, newest first, for "newest first" browsing.

Each part is indexed from a folder of hard links to its pages, so Pagefind
sees the site's own paths and writes the site's own URLs.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BODY_MARK = b"data-pagefind-body"
_DATE_SORT = re.compile(rb'data-pagefind-sort="date:([^"]*)"')


@dataclass(frozen=True)
class Page:
    """A page to index: its path, its date key, the digest of what is indexed."""

    path: Path
    date: bytes
    digest: str


@dataclass(frozen=True)
class Plan:
    """How the pages are indexed: older full parts, then the primary one."""

    older: list[list[Page]]  # oldest part first
    primary: list[Page]


def pages_to_index(site: Path, skip: str) -> list[Page]:
    """The pages Pagefind would index, oldest first, undated pages last.

    Pagefind indexes only the pages marked ``data-pagefind-body`` when any
    page has the mark, and every page otherwise; ``skip`` is the bundle
    folder, never indexed.
    """
    marked: list[Page] = []
    unmarked: list[Path] = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] == skip:
            continue
        text = path.read_bytes()
        if BODY_MARK in text:
            marked.append(_page(relative, text))
        else:
            unmarked.append(relative)
    chosen = marked or [_page(path, (site / path).read_bytes()) for path in unmarked]
    dated = sorted((p for p in chosen if p.date), key=lambda p: (p.date, p.path))
    return dated + [p for p in chosen if not p.date]


def _page(relative: Path, text: bytes) -> Page:
    date = _DATE_SORT.search(text)
    digest = hashlib.sha256(indexed_bytes(text)).hexdigest()
    return Page(relative, date.group(1) if date else b"", digest)


def plan_parts(pages: list[Page], pages_per_part: int) -> Plan:
    """Full parts of dated pages from the oldest on; the rest is the primary.

    Each older part holds ``pages_per_part`` pages; the primary part holds
    the newest pages and the undated ones, and is never empty while there
    are pages.
    """
    size = max(pages_per_part, 1)
    dated = [p for p in pages if p.date]
    full = len(dated) // size
    if full and len(dated) == full * size and len(dated) == len(pages):
        full -= 1  # the primary part must hold something
    older = [dated[k * size : (k + 1) * size] for k in range(full)]
    return Plan(older, pages[full * size :])


def part_digest(pages: list[Page], salt: str) -> str:
    """What a part's index depends on: its pages' paths and bytes, and ``salt``.

    ``salt`` names Pagefind's version and the index language.
    """
    lines = [salt, *(f"{p.path.as_posix()} {p.digest}" for p in pages)]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


@contextlib.contextmanager
def part_view(site: Path, pages: list[Page]) -> Iterator[Path]:
    """A temporary folder holding ``pages`` at their paths in ``site``.

    Hard links where the file system allows them (no copying), copies
    otherwise. Made beside ``site`` so that hard links work; removed after.
    """
    view = Path(tempfile.mkdtemp(prefix=f".{site.name}-search-", dir=site.parent))
    try:
        for page in pages:
            target = view / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / page.path, target)
            except OSError:
                shutil.copyfile(site / page.path, target)
        yield view
    finally:
        shutil.rmtree(view, ignore_errors=True)


_IGNORE_ALL = b'data-pagefind-ignore="all"'
_TAG_NAME = re.compile(rb"[a-zA-Z][a-zA-Z0-9-]*")


def indexed_bytes(text: bytes) -> bytes:
    """``text`` without the elements marked ``data-pagefind-ignore="all"``.

    What Pagefind reads of a page: a related-posts box or a share kit can
    change from one build to the next while the indexed text does not. Cut
    by counting the element's own tag name in (the build's well-formed)
    HTML; where the mark is not inside a tag, or the element's end cannot be
    found, nothing is cut, so a page is never taken as unchanged when it is
    not.
    """
    kept, position = [], 0
    at = text.find(_IGNORE_ALL)
    while at != -1:
        start = text.rfind(b"<", position, at)
        name = _TAG_NAME.match(text, start + 1) if start != -1 else None
        close = text.find(b">", at)
        inside = name is not None and text.find(b">", start, at) == -1
        end = _element_end(text, name.group(0), close + 1) if inside else None
        if end is None or close == -1:
            at = text.find(_IGNORE_ALL, at + len(_IGNORE_ALL))
            continue
        kept.append(text[position:start])
        position = end
        at = text.find(_IGNORE_ALL, position)
    kept.append(text[position:])
    return b"".join(kept)


def _element_end(text: bytes, name: bytes, offset: int) -> int | None:
    tags = re.compile(rb"<(/?)" + re.escape(name) + rb"\b[^>]*>", re.IGNORECASE)
    depth = 1
    for tag in tags.finditer(text, offset):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return None
