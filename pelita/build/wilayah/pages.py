"""What each kecamatan and kelurahan page shows, gathered in one pass.

``build_pages`` walks the articles once (never once per area), so the cost
stays linear in the number of posts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pelita.core.pagination import SETTLED_COUNT, SETTLED_STEP, settled
from pelita.core.prestasi import is_achievement
from pelita.core.registries import ChannelRecord
from pelita.core.schema import ROLE_DEFAULTS
from pelita.core.wilayah.places import Area, Areas


@dataclass
class AreaPage:
    """One kecamatan or kelurahan with its posts, achievements and channels."""

    area: Area
    articles: list[Any] = field(default_factory=list)
    achievements: list[Any] = field(default_factory=list)
    channels: list[ChannelRecord] = field(default_factory=list)
    kelurahan: list[AreaPage] = field(default_factory=list)
    feed_url: str | None = None
    achievements_url: str | None = None  # the awards wall filtered to this area

    @property
    def nama(self) -> str:
        """The official name."""
        return self.area.nama

    @property
    def kode(self) -> str:
        """The Kemendagri code."""
        return self.area.kode

    @property
    def url(self) -> str:
        """The page's URL, relative to SITEURL."""
        return self.area.url

    @property
    def label(self) -> str:
        """The page's heading, e.g. "Kecamatan Tembalang"."""
        return self.area.label

    @property
    def settled_articles(self) -> list[Any]:
        """A few recent posts that change once per dozen, not with every post.

        What an empty kelurahan's page shows of its kecamatan
        (:func:`pelita.core.pagination.settled`).
        """
        return settled(self.articles, SETTLED_COUNT, SETTLED_STEP)


@dataclass
class WilayahPages:
    """All pages: what templates see as ``wilayah`` in the shared context."""

    kecamatan: list[AreaPage]
    kelurahan: dict[str, AreaPage]
    index_url: str

    def page_of(self, area: Area) -> AreaPage:
        """The page of an ``Area`` (e.g. from ``article.wilayah``)."""
        if area.tingkat == "kelurahan":
            return self.kelurahan[area.kode]
        return next(p for p in self.kecamatan if p.area == area)

    def adopt_register(self, register: tuple[dict[str, list], dict[str, str]]) -> None:
        """Show the prestasi plugin's awards per kecamatan instead of our own guess."""
        awards, urls = register
        for page in self.kecamatan:
            page.achievements = awards.get(page.nama, [])
            page.achievements_url = urls.get(page.nama)

    @property
    def total_achievements(self) -> int:
        """Achievements tagged with any kecamatan (each post counted once)."""
        seen = {id(a) for page in self.kecamatan for a in page.achievements}
        return len(seen)


def build_pages(
    areas: Areas,
    articles: Iterable[Any],
    channels: Iterable[ChannelRecord],
    index_url: str,
    achievements_category: str = ROLE_DEFAULTS.achievements,
) -> WilayahPages:
    """Group articles (newest first, as given) and channels by area."""
    kec_pages = {kode: AreaPage(area) for kode, area in areas.kecamatan.items()}
    kel_pages = {kode: AreaPage(area) for kode, area in areas.kelurahan.items()}
    for kel in kel_pages.values():
        kec_pages[kel.area.parent.kode].kelurahan.append(kel)
    for article in articles:
        wilayah = getattr(article, "wilayah", None)
        if not wilayah:
            continue
        award = is_achievement(article, achievements_category)
        for area in (*wilayah.kecamatan, *wilayah.kelurahan):
            page = (kel_pages if area.tingkat == "kelurahan" else kec_pages)[area.kode]
            page.articles.append(article)
            if award:
                page.achievements.append(article)
    for channel in channels:
        if channel.kelurahan_kode in kel_pages:
            kel_pages[channel.kelurahan_kode].channels.append(channel)
        if channel.kecamatan_kode in kec_pages:
            kec_pages[channel.kecamatan_kode].channels.append(channel)
    return WilayahPages(list(kec_pages.values()), kel_pages, index_url)


def jsonld(page: AreaPage, siteurl: str, city: str) -> dict[str, Any]:
    """schema.org ``AdministrativeArea`` with the Kemendagri code."""
    parent = page.area.parent
    contained = (
        {
            "@type": "AdministrativeArea",
            "name": parent.label,
            "identifier": _identifier(parent.kode),
        }
        if parent
        else {"@type": "City", "name": city}
    )
    return {
        "@context": "https://schema.org",
        "@type": "AdministrativeArea",
        "name": page.label,
        "alternateName": page.nama,
        "identifier": _identifier(page.kode),
        "url": f"{siteurl}/{page.url}",
        "containedInPlace": contained,
    }


def _identifier(kode: str) -> dict[str, str]:
    return {
        "@type": "PropertyValue",
        "propertyID": "Kode Wilayah Kemendagri",
        "value": kode,
    }
