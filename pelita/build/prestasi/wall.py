"""The awards wall and its filters as data: which pages exist, what each lists.

Every filter is a pre-built page (``/prestasi/2025/``,
``/prestasi/tingkat/nasional/``, ``/prestasi/opd/dinkes/``,
``/prestasi/kecamatan/tembalang/``), so filtering works without JavaScript.
Built in one pass over the achievements.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pelita.core.prestasi.model import LEVEL_LABELS, LEVELS

FACET_KINDS: tuple[str, ...] = ("tahun", "tingkat", "opd", "kecamatan")
FACET_TITLES: dict[str, str] = {
    "tahun": "Tahun",
    "tingkat": "Tingkat",
    "opd": "Perangkat daerah",
    "kecamatan": "Kecamatan",
}


@dataclass(frozen=True)
class Facet:
    """One filter value and its pre-built page."""

    kind: str
    key: str
    label: str
    url: str
    save_as: str
    articles: tuple[Any, ...] = field(compare=False, repr=False)

    @property
    def count(self) -> int:
        """How many achievements this filter shows."""
        return len(self.articles)


@dataclass(frozen=True)
class FacetLink:
    """A filter as the menu of a filtered page shows it: no count."""

    kind: str
    key: str
    label: str
    url: str


@dataclass(frozen=True)
class Wall:
    """The wall's own page, its filters, and the register's files."""

    url: str
    save_as: str
    base: str  # folder of every wall page, e.g. "prestasi"
    articles: tuple[Any, ...] = field(repr=False)
    facets: dict[str, tuple[Facet, ...]] = field(repr=False)
    csv_url: str = ""
    json_url: str = ""

    @property
    def without_level(self) -> int:
        """Achievements whose level nobody has stated yet."""
        return sum(1 for a in self.articles if not a.prestasi.level)

    @property
    def menu(self) -> tuple[tuple[str, tuple[FacetLink, ...]], ...]:
        """The filters by kind, without counts, for the filtered pages.

        A filtered page shows the other filters as links only: with counts,
        every filtered page would change with every new award anywhere.
        """
        return tuple(
            (kind, tuple(FacetLink(f.kind, f.key, f.label, f.url) for f in facets))
            for kind, facets in self.facets.items()
            if facets
        )

    def pages(self) -> list[tuple[str, str]]:
        """(save_as, url) of page 1 of the wall and of every filter."""
        first = [(self.save_as, self.url)]
        return first + [(f.save_as, f.url) for fs in self.facets.values() for f in fs]


def wall_base(save_as: str) -> str:
    """The folder the wall's pages live in: "prestasi/index.html" -> "prestasi"."""
    folder, name = os.path.split(save_as)
    return (
        folder if name in ("index.html", "index.htm") else os.path.splitext(save_as)[0]
    )


def _facet_keys(article: Any, opd_names: Mapping[str, str]) -> dict[str, list[str]]:
    award = article.prestasi
    year = award.year or article.date.year
    return {
        "tahun": [str(year)],
        "tingkat": [award.level] if award.level else [],
        "opd": [award.opd] if award.opd in opd_names else [],
        "kecamatan": list(award.kecamatan),
    }


def _order(kind: str) -> Callable[[tuple[str, list]], Any]:
    if kind == "tahun":
        return lambda item: -int(item[0])
    if kind == "tingkat":
        return lambda item: LEVELS.index(item[0])
    if kind == "opd":
        return lambda item: (-len(item[1]), item[0])
    return lambda item: item[0]


def _facet(
    kind: str, key: str, base: str, found: tuple[Any, ...],
    names: tuple[Mapping[str, str], Mapping[str, str]],
) -> Facet:  # fmt: skip
    """One filter's page; ``names`` are OPD names and kecamatan slugs."""
    opd_names, kecamatan_slugs = names
    path = {
        "tahun": key,
        "tingkat": f"tingkat/{key}",
        "opd": f"opd/{key}",
        "kecamatan": f"kecamatan/{kecamatan_slugs.get(key, key)}",
    }[kind]
    label = {"tingkat": LEVEL_LABELS.get(key, key), "opd": opd_names.get(key, key)}
    return Facet(
        kind, key, label.get(kind, key), f"{base}/{path}/", f"{base}/{path}/index.html",
        found,
    )  # fmt: skip


def build_wall(
    articles: Sequence[Any],
    save_as: str,
    url: str,
    *,
    opd_names: Mapping[str, str],
    kecamatan_slugs: Mapping[str, str],
    file_names: tuple[str, str] = ("prestasi.csv", "prestasi.json"),
) -> Wall:
    """Group ``articles`` (newest first, each with ``.prestasi``) into filters."""
    base = wall_base(save_as)
    grouped: dict[str, dict[str, list[Any]]] = {kind: {} for kind in FACET_KINDS}
    for article in articles:
        for kind, keys in _facet_keys(article, opd_names).items():
            for key in keys:
                grouped[kind].setdefault(key, []).append(article)
    facets = {
        kind: tuple(
            _facet(kind, key, base, tuple(found), (opd_names, kecamatan_slugs))
            for key, found in sorted(grouped[kind].items(), key=_order(kind))
        )
        for kind in FACET_KINDS
    }  # fmt: skip
    return Wall(
        url=url,
        save_as=save_as,
        base=base,
        articles=tuple(articles),
        facets=facets,
        csv_url=f"{base}/{file_names[0]}",
        json_url=f"{base}/{file_names[1]}",
    )
