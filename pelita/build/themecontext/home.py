"""What the home page shows, each post once: pure functions over posts.

The home page has several lists (hoax checks, achievements, the latest
news); a post that qualifies for two of them is shown in the first only. A
run of recurring posts (the weekly Car Free Day) is folded into its newest
post, which names the earlier ones, instead of filling the page with the
same picture.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Words that change from one issue of a recurring post to the next: dates,
# days, months and counters. What is left of a title is the series' name.
_CHANGING = re.compile(
    r"\b(?:\d+|ke|edisi|vol|senin|selasa|rabu|kamis|jumat|sabtu|minggu|ahad|"
    r"januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"november|desember|jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des)\b"
)
_WORD = re.compile(r"[a-z]+")
SERIES_MIN_WORDS = 3


def series_key(title: str) -> str | None:
    """The name a recurring post keeps from issue to issue, or None.

    "Car Free Day Simpang Lima pekan ini, Minggu 15 November" and "... Minggu
    8 November" share "car free day simpang lima pekan ini". Titles with
    fewer than three words left name no series: "Harga Cabai 12 Mei" could
    be any report.
    """
    text = unicodedata.normalize("NFKD", str(title or "")).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = _WORD.findall(_CHANGING.sub(" ", text))
    return " ".join(words) if len(words) >= SERIES_MIN_WORDS else None


@dataclass(frozen=True)
class Listed:
    """A post in a list, with the earlier posts of its series folded in."""

    article: Any
    earlier: tuple[Any, ...] = ()


def fold_series(articles: Iterable[Any]) -> list[Listed]:
    """Posts (newest first) with each series folded into its newest post.

    Posts of one series differ only in dates and counters in the title and
    come from the same channel or office; the newest stands in the list
    where it was, naming the earlier ones.
    """
    listed: list[Listed] = []
    where: dict[tuple[str, str], int] = {}
    for article in articles:
        key = series_key(getattr(article, "title", ""))
        origin = str(
            getattr(article, "channel", None) or getattr(article, "opd", None) or ""
        )
        if key is None:
            listed.append(Listed(article))
            continue
        index = where.get((key, origin))
        if index is None:
            where[(key, origin)] = len(listed)
            listed.append(Listed(article))
        else:
            first = listed[index]
            listed[index] = Listed(first.article, (*first.earlier, article))
    return listed


def _any(_: Any) -> bool:
    return True


@dataclass(frozen=True)
class HomeSections:
    """The lists of the home page's first page; no post is in two of them.

    ``checks_first`` holds the recent clarifications that go above
    everything else; ``checks`` the others, shown after the news.
    """

    checks_first: list[Any] = field(default_factory=list)
    achievements: list[Any] = field(default_factory=list)
    latest: list[Listed] = field(default_factory=list)
    checks: list[Any] = field(default_factory=list)


def home_sections(
    page_posts: Sequence[Any],
    achievements: Sequence[Any],
    clarifications: Sequence[Any],
    newest: dt.datetime | None,
    recent_days: int,
) -> HomeSections:
    """Split the first page's posts into the home page's lists, each post once.

    A clarification is recent while it is at most ``recent_days`` older
    than ``newest`` (the newest post of the site: the build stays the same
    whatever day it runs). Recent ones lead the page; older ones follow the
    news.
    """
    shown: set[int] = set()

    def take(posts: Iterable[Any], keep: Callable[[Any], bool] = _any) -> list[Any]:
        taken = []
        for post in posts:
            if id(post) in shown or not keep(post):
                continue
            shown.add(id(post))
            taken.append(post)
        return taken

    cutoff = newest - dt.timedelta(days=recent_days) if newest else None
    first = take(clarifications, lambda a: cutoff is not None and a.date >= cutoff)
    awards = take(achievements)
    latest = fold_series(take(page_posts))
    for item in latest:
        shown.update(id(a) for a in item.earlier)
    return HomeSections(first, awards, latest, take(clarifications))
