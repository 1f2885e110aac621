"""Split a large site's search index into parts, and reuse the unchanged ones.

Pagefind keeps every page it indexes in memory until it writes the bundle:
about a quarter of a megabyte a page with Pagefind 1.5, so 20,000 posts
would need some 5 GB in one run. Indexing the pages in parts keeps the peak
to one part's worth.

The parts are cut from the oldest post on (by the ``data-pagefind-sort=
"date:..."`` of each post), in sizes that shrink towards the newest posts
(``tier_sizes``: 4,000, 1,000 and 250 pages): a night's new posts land in
the primary part, ``pagefind/``, which holds fewer than 250 dated pages
plus the pages that carry no date, while the older, full parts keep their
pages. Only the primary part is indexed on a normal night; an older part
whose pages index the same as when it was made is copied from the cache
(``part_digest``); what a page shows outside the index
(``data-pagefind-ignore="all"``: related posts, share kits) does not count.
Every 250 new posts a part of 250 forms, and four of a size make one of the
next size, so a part is indexed again only once in that many posts. The
search page (``search.js``) loads every part and merges their results: by
score for a query, and part after part, newest first, for "newest first"
browsing.

Each part is indexed from a folder of hard links to its pages, so Pagefind
sees the site's own paths and writes the site's own URLs.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
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


PAGES_FILE = "pages.pickle"


class PageDigests:
    """What was read of each page last time, by its size and modification time.

    A build that changed a handful of pages leaves the others as they were
    (same size, same modification time to the nanosecond), so reading and
    hashing 30,000 pages again is not needed to know what they index.
    """

    VERSION = 1

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, tuple[int, int, bool, Page]] = {}
        self.used: dict[str, tuple[int, int, bool, Page]] = {}
        if path is None:
            return
        try:
            with path.open("rb") as handle:
                version, known = pickle.load(handle)
        except (OSError, EOFError, ValueError, pickle.UnpicklingError, TypeError):
            return
        if version == self.VERSION:
            self.known = known

    def read(self, site: Path, relative: Path) -> tuple[bool, Page]:
        """Whether the page is marked for the index, and what it indexes."""
        name = relative.as_posix()
        stat = (site / relative).stat()
        stored = self.known.get(name)
        if stored is not None and stored[:2] == (stat.st_size, stat.st_mtime_ns):
            self.used[name] = stored
            return stored[2], stored[3]
        text = (site / relative).read_bytes()
        marked, page = BODY_MARK in text, _page(relative, text)
        self.used[name] = (stat.st_size, stat.st_mtime_ns, marked, page)
        return marked, page

    def save(self) -> None:
        """Keep what this run read (only that)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump((self.VERSION, self.used), handle, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.path)


def pages_to_index(
    site: Path, skip: str, known: PageDigests | None = None
) -> list[Page]:
    """The pages Pagefind would index, oldest first, undated pages last.

    Pagefind indexes only the pages marked ``data-pagefind-body`` when any
    page has the mark, and every page otherwise; ``skip`` is the bundle
    folder, never indexed. ``known`` saves reading unchanged pages again.
    """
    known = known or PageDigests(None)
    marked: list[Page] = []
    unmarked: list[Page] = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] == skip:
            continue
        is_marked, page = known.read(site, relative)
        (marked if is_marked else unmarked).append(page)
    chosen = marked or unmarked
    dated = sorted((p for p in chosen if p.date), key=lambda p: (p.date, p.path))
    return dated + [p for p in chosen if not p.date]


def _page(relative: Path, text: bytes) -> Page:
    date = _DATE_SORT.search(text)
    digest = hashlib.sha256(indexed_bytes(text)).hexdigest()
    return Page(relative, date.group(1) if date else b"", digest)


# The smallest part: the newest posts are indexed again on every build, in
# a part of fewer than this many dated pages (plus the undated ones).
SMALLEST_PART = 250


def tier_sizes(pages_per_part: int, smallest: int = SMALLEST_PART) -> tuple[int, ...]:
    """Part sizes, largest first: ``pages_per_part``, then quarters of it.

    4,000 gives 4,000, 1,000 and 250: older posts sit in parts of 4,000,
    newer ones in parts of 1,000 and 250, the newest in a part of fewer
    than 250, so a build indexes a few hundred pages whatever the site's
    size.
    """
    sizes = [max(pages_per_part, 1)]
    while sizes[-1] // 4 >= max(smallest, 1):
        sizes.append(sizes[-1] // 4)
    return tuple(sizes)


def plan_parts(
    pages: list[Page], pages_per_part: int, smallest: int = SMALLEST_PART
) -> Plan:
    """Full parts of dated pages from the oldest on; the rest is the primary.

    Dated pages are cut, from the oldest, into full parts of the largest
    size of :func:`tier_sizes`, then of each smaller size in turn (at most
    three of each, since four make one of the size above). The primary part
    holds what is left, the newest pages, and the undated ones; it is never
    empty while there are pages. A new post changes only the primary part;
    every 250 posts a part of 250 forms, every 1,000 one of 1,000 (from the
    four before it), every 4,000 one of 4,000: each older part keeps its
    pages until then.
    """
    dated = [p for p in pages if p.date]
    older: list[list[Page]] = []
    start = 0
    for size in tier_sizes(pages_per_part, smallest):
        while len(dated) - start >= size:
            older.append(dated[start : start + size])
            start += size
    if older and start == len(pages):  # the primary part must hold something
        start -= len(older.pop())
    return Plan(older, pages[start:])


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
