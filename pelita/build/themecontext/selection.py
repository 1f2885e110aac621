"""Pure selections over the site's posts, used by the theme's templates."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pelita.core.prestasi import is_achievement
from pelita.core.registries import slugify_name
from pelita.core.schema import ROLE_DEFAULTS, verdict_of

from .home import series_key


def shown_category(
    article: Any, achievement_category: str = ROLE_DEFAULTS.achievements
) -> str:
    """The category a list names for a post: an achievement is an achievement.

    A post filed under Berita that the register counts as an achievement is
    labelled with the achievements category, as its award badge says.
    """
    if is_achievement(article, achievement_category):
        return achievement_category
    return str(getattr(article, "category", ""))


def stock_images(articles: Iterable[Any]) -> frozenset[str]:
    """Pictures that stand for several unrelated posts: clip-art, not photos.

    A picture on posts of different series (see ``home.series_key``) says
    nothing about any of them; lists show those posts with a typographic
    card instead. Posts of one series (the weekly Car Free Day) may share
    theirs.
    """
    seen: dict[str, set[str]] = {}
    for article in articles:
        image = getattr(article, "image", None)
        if image:
            title = str(getattr(article, "title", ""))
            seen.setdefault(str(image), set()).add(series_key(title) or title)
    return frozenset(image for image, stories in seen.items() if len(stories) > 1)


def verdict_slug(verdict: str) -> str:
    """CSS class suffix of a hoax verdict: "Tidak Tepat" -> "tidak-tepat".

    A verdict of the post schema gets the schema's slug (the theme has a
    ``verdict--<slug>`` colour for each); any other text a plain slug.
    """
    known = verdict_of(verdict)
    return known.slug if known else slugify_name(str(verdict or ""))


def verdict_is_true(verdict: str) -> bool:
    """The verdict says the claim holds (a check mark instead of a warning)."""
    known = verdict_of(verdict)
    return bool(known and known.is_true)


def kecamatan_names(article: Any) -> list[str]:
    """Every kecamatan of a post: the wilayah plugin's list, or ``Kecamatan``."""
    places = getattr(article, "wilayah", None)
    if places is not None and getattr(places, "kecamatan", None):
        return [str(k.nama) for k in places.kecamatan]
    value = getattr(article, "kecamatan", None)
    return [str(value)] if value else []


def latest(articles: Iterable[Any], predicate: Any, limit: int) -> list[Any]:
    """The first ``limit`` posts (already newest first) that match."""
    return list(itertools.islice((a for a in articles if predicate(a)), limit))


def ordered_categories(
    categories: Sequence[tuple[Any, Sequence[Any]]], order: Sequence[str]
) -> list[tuple[Any, int]]:
    """Categories that have posts, in the configured order, with counts."""
    rank = {name: index for index, name in enumerate(order)}
    present = [(cat, len(posts)) for cat, posts in categories if posts]
    return sorted(
        present, key=lambda item: (rank.get(item[0].name, len(rank)), item[0].name)
    )


def top_tags(
    tags: Sequence[tuple[Any, Sequence[Any]]], limit: int
) -> list[tuple[Any, int]]:
    """The most used topics, most used first."""
    counted = [(tag, len(posts)) for tag, posts in tags]
    return sorted(counted, key=lambda item: (-item[1], item[0].name))[:limit]


@dataclass(frozen=True)
class ArchiveMonth:
    """One month with posts, for the archive index."""

    date: Any
    url: str
    count: int


@dataclass(frozen=True)
class ArchiveYear:
    """One year with posts; ``url`` is empty when year pages are off."""

    year: int
    url: str


def archive_months(
    articles: Iterable[Any], year_url: str, month_url: str
) -> list[tuple[ArchiveYear, list[ArchiveMonth]]]:
    """Years (newest first) with their months and post counts."""
    counts: Counter[tuple[int, int]] = Counter()
    first: dict[tuple[int, int], Any] = {}
    for article in articles:
        key = (article.date.year, article.date.month)
        counts[key] += 1
        first.setdefault(key, article.date)
    years: list[tuple[ArchiveYear, list[ArchiveMonth]]] = []
    for year, keys in itertools.groupby(
        sorted(counts, reverse=True), key=lambda k: k[0]
    ):
        months = [
            ArchiveMonth(first[k], month_url.format(date=first[k]), counts[k])
            for k in keys
        ]
        years.append((ArchiveYear(year, year_url.format(date=months[0].date)), months))
    return years


def search_filters(
    articles: Iterable[Any], categories: Sequence[str], opd_name: Any
) -> dict[str, list[str]]:
    """Values for the search form's filters, as the article pages print them."""
    kecamatan: set[str] = set()
    opds: set[str] = set()
    years: set[int] = set()
    for article in articles:
        kecamatan.update(kecamatan_names(article))
        if getattr(article, "opd", None):
            opds.add(opd_name(article.opd))
        years.add(article.date.year)
    return {
        "kategori": list(categories),
        "kecamatan": sorted(kecamatan),
        "opd": sorted(opds),
        "tahun": [str(year) for year in sorted(years, reverse=True)],
    }
