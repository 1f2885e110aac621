"""The pages of a stably paginated list, as templates see them.

:mod:`pelita.core.pagination` decides which posts go on which page; this
module gives each page its URL and the links between pages. Templates get,
for a list paginated on ``articles``:

``articles_page``
    the page: ``object_list`` (its posts, newest first), ``is_front``,
    ``number`` (archived pages count from 1, the oldest; the front page is
    the number after the newest archived page), ``url``, ``newer`` and
    ``older`` (a :class:`PageLink` or None), ``front``, ``oldest``, and
    ``nearby``: the numbered links to show, newest first.
``articles_paginator``
    on the front page only: ``count``, ``per_page``, ``num_pages``,
    ``page(number)``. An archived page never sees it, because its totals
    change with every post and an archived page must not.
``articles_previous_page`` / ``articles_next_page``
    the newer and the older page (Pelican's names), or None.

The URL of archived page ``k`` comes from ``PAGINATION_PATTERNS``: the
pattern Pelican would use for page ``k + 1`` (the first pattern is the
list's front page), formatted with ``{number}`` = ``k``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pelita.core.pagination import PageSpan, archived_count, plan_pages


@dataclass(frozen=True)
class PageLink:
    """A link to one page of a list: its number (0 for the front) and URL."""

    number: int
    url: str

    @property
    def is_front(self) -> bool:
        """Whether the link leads to the list's front page."""
        return self.number == 0


class ListPage:
    """One page of a list (see the module docstring for what templates read)."""

    def __init__(self, pager: StablePaginator, span: PageSpan) -> None:
        self.span = span
        self.is_front = span.is_front
        self.number = span.number or pager.archived + 1
        self.object_list = pager.object_list[span.start : span.stop]
        self.url, self.save_as = pager.location(span.number)
        self.front = pager.link(0)
        self.oldest = pager.link(1) if pager.archived else None
        self.newer = (
            None
            if span.is_front
            else pager.link(span.number + 1 if span.number < pager.archived else 0)
        )
        older = pager.archived if span.is_front else span.number - 1
        self.older = pager.link(older) if older >= 1 else None
        self.nearby = pager.nearby(span.number)

    def has_previous(self) -> bool:
        """Whether there is a newer page (Pelican's name)."""
        return self.newer is not None

    def has_next(self) -> bool:
        """Whether there is an older page (Pelican's name)."""
        return self.older is not None

    def has_other_pages(self) -> bool:
        """Whether the list has more than this page."""
        return self.has_previous() or self.has_next()

    def start_index(self) -> int:
        """1-based position of this page's first post in the list, newest first."""
        return self.span.start + 1 if self.object_list else 0

    def end_index(self) -> int:
        """1-based position of this page's last post in the list, newest first."""
        return self.span.stop

    def key(self) -> tuple[Any, ...]:
        """What the page shows besides its posts: its place and its links."""
        return (
            self.is_front,
            self.number,
            self.url,
            tuple(self.links()),
        )

    def links(self) -> list[PageLink | None]:
        """Every link the page may show."""
        return [self.front, self.oldest, self.newer, self.older, *self.nearby]

    def __repr__(self) -> str:
        return f"<ListPage {'front' if self.is_front else self.number} {self.url}>"


class StablePaginator:
    """A list's pages, numbered from the oldest post (Pelican's Paginator API)."""

    def __init__(
        self,
        name: str,
        url: str,
        object_list: list[Any],
        settings: dict[str, Any],
        per_page: int | None,
    ) -> None:
        self.name = name
        self.base_url = url
        self.object_list = object_list
        self.settings = settings
        self.per_page = per_page or len(object_list)
        self.count = len(object_list)
        self.archived = archived_count(self.count, per_page)
        self.num_pages = self.archived + 1
        self.spans = plan_pages(self.count, per_page)
        root, extension = os.path.splitext(name)
        folder, file_name = os.path.split(name)
        self._fields = {
            "save_as": name,
            "url": url or "",
            "name": root,
            "base_name": folder if file_name in ("index.htm", "index.html") else root,
            "extension": extension,
        }
        self._pages: dict[int, ListPage] = {}

    def pages(self) -> list[ListPage]:
        """Every page: the front first, then archived pages newest first."""
        return [self._page(span) for span in self.spans]

    def page(self, number: int) -> ListPage:
        """The page ``number`` (1 = oldest archived page; ``num_pages`` = front)."""
        if number == self.num_pages:
            return self._page(self.spans[0])
        if not 1 <= number <= self.archived:
            raise ValueError(f"{self.name} has no page {number}")
        return self._page(self.spans[self.archived - number + 1])

    def _page(self, span: PageSpan) -> ListPage:
        if span.number not in self._pages:
            self._pages[span.number] = ListPage(self, span)
        return self._pages[span.number]

    def link(self, number: int) -> PageLink:
        """A link to archived page ``number``, or to the front page for 0."""
        return PageLink(number, self.location(number)[0])

    def nearby(self, number: int) -> list[PageLink]:
        """Numbered links for page ``number`` (0: front), newest first.

        The front links to the three newest archived pages and the oldest;
        an archived page to its neighbours and the oldest. No link needs the
        number of pages, so an archived page's links change only when a new
        page is archived right above it.
        """
        if number == 0:
            wanted = {*range(self.archived, self.archived - 3, -1), 1}
        else:
            wanted = {number + 1, number, number - 1, 1}
        shown = sorted((n for n in wanted if 1 <= n <= self.archived), reverse=True)
        return [self.link(n) for n in shown]

    def location(self, number: int) -> tuple[str, str]:
        """URL and save-as path of archived page ``number`` (0: the front)."""
        if number == 0:
            url = self._fields["url"]
            return url.removesuffix("index.html").removesuffix(
                "index.htm"
            ), self._fields["save_as"]
        rule = None
        for pattern in self.settings["PAGINATION_PATTERNS"]:
            if pattern.min_page != -1 and pattern.min_page <= number + 1:
                rule = pattern
        if rule is None or rule.min_page <= 1:
            raise ValueError(
                "buildspeed: PAGINATION_PATTERNS needs a pattern for pages from 2 "
                "on (the archived pages of a list), e.g. "
                '(2, "{base_name}/halaman/{number}/", '
                '"{base_name}/halaman/{number}/index.html")'
            )
        fields = {**self._fields, "number": number}
        return (
            _strip_slash(str(rule.URL).format(**fields)),
            _strip_slash(str(rule.SAVE_AS).format(**fields)),
        )


def _strip_slash(value: str) -> str:
    """One leading slash removed, as Pelican's paginator does."""
    return value[1:] if value.startswith("/") else value
