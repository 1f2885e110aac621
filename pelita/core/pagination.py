"""Stable pagination: a list's old pages never change when posts are added.

Pelican numbers a list's pages from the newest post, so one new post moves
every post one place down and rewrites every page of every list it is on.
Here the pages are numbered from the *oldest* post instead:

* archived page 1 holds the oldest ``per_page`` posts, page 2 the next
  ``per_page``, and so on; an archived page is full and keeps its posts (and
  so its URL and its bytes) for ever, whatever is published later;
* the list's front page (its own URL, ``/berita/``) holds the newest posts:
  the ones not on a full archived page, between ``per_page`` and
  ``2 * per_page - 1`` of them (all of them while the list is short).

A new post changes only the front page. Every ``per_page`` posts, the
oldest ``per_page`` of the front become a new archived page (and the
archived page below it gains a link to it). Posts are shown newest first on
every page, so reading on from the front page goes back in time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageSpan:
    """One page of a list: which posts it shows, by position in the list.

    ``number`` is 0 for the front page and ``k >= 1`` for archived page
    ``k`` (1 is the oldest). ``start`` and ``stop`` slice the list, which is
    ordered newest first.
    """

    number: int
    start: int
    stop: int

    @property
    def is_front(self) -> bool:
        """Whether this is the list's front page (its own URL)."""
        return self.number == 0


def archived_count(count: int, per_page: int | None) -> int:
    """How many full archived pages a list of ``count`` posts has.

    None (or 0) for ``per_page`` means no pagination: everything is on the
    front page.
    """
    if not per_page or per_page < 1:
        return 0
    return max(0, count // per_page - 1)


def plan_pages(count: int, per_page: int | None) -> list[PageSpan]:
    """The front page, then the archived pages from the newest to page 1.

    ``count`` posts ordered newest first; a list with no posts still has its
    (empty) front page.
    """
    archived = archived_count(count, per_page)
    front = count - archived * (per_page or 0)
    spans = [PageSpan(0, 0, front)]
    for number in range(archived, 0, -1):
        stop = count - (number - 1) * (per_page or 0)
        spans.append(PageSpan(number, stop - (per_page or 0), stop))
    return spans


# What pages that show "recent posts" from elsewhere show: 4 posts that
# change once every 12 posts (see ``settled``).
SETTLED_COUNT = 4
SETTLED_STEP = 12


def settled(items: list[Any], count: int, step: int) -> list[Any]:
    """``count`` recent items that stay the same while items are added.

    ``items`` are newest first. The result is the newest ``count`` items of
    the newest full block of ``step`` items, blocks counted from the oldest:
    it changes once every ``step`` new items, never with each one, and its
    items are at most ``step + count`` places from the newest. For a page
    that shows "recent news" without being about that news (an empty
    kelurahan's page showing its kecamatan's posts), so the page does not
    change with every post published elsewhere. A list of fewer than
    ``step`` items gives its newest ``count``.
    """
    if step < 1 or len(items) < step:  # too few to settle: the newest
        return list(items[:count])
    start = len(items) % step
    return list(items[start : start + count])
