"""Kecamatan and kelurahan as the site shows them: names, codes and URLs.

``Area`` objects are small and immutable, so they can sit on every article
(``article.wilayah``) without weighing on Pelican's content cache; the lists
of posts per area live in the page generator, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelita.core.registries import Gazetteer, Kecamatan, Kelurahan


@dataclass(frozen=True)
class Area:
    """One kecamatan or kelurahan with its page's URL."""

    tingkat: str  # "kecamatan" | "kelurahan"
    kode: str
    nama: str
    slug: str
    url: str
    save_as: str
    parent: Area | None = None  # a kelurahan's kecamatan

    @property
    def label(self) -> str:
        """The name with its level, e.g. "Kecamatan Tembalang"."""
        return f"{self.tingkat.capitalize()} {self.nama}"

    @property
    def number(self) -> str:
        """The last part of the Kemendagri code ("10" for 33.74.10)."""
        return self.kode.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Wilayah:
    """Where a post is: what templates read as ``article.wilayah``.

    ``kecamatan`` and ``kelurahan`` are best first; the ``*_inferred`` flags
    say the plugin found them in the text rather than in the metadata.
    """

    kecamatan: tuple[Area, ...] = ()
    kelurahan: tuple[Area, ...] = ()
    kecamatan_inferred: bool = False
    kelurahan_inferred: bool = False

    @property
    def inferred(self) -> bool:
        """Whether anything here was found in the text."""
        return self.kecamatan_inferred or self.kelurahan_inferred

    def __bool__(self) -> bool:
        return bool(self.kecamatan)


@dataclass(frozen=True)
class Areas:
    """Every area of the city, by Kemendagri code, in code order."""

    kecamatan: dict[str, Area]
    kelurahan: dict[str, Area]

    def of(self, item: Kecamatan | Kelurahan) -> Area:
        """The ``Area`` of a gazetteer entry."""
        table = self.kelurahan if isinstance(item, Kelurahan) else self.kecamatan
        return table[item.kode]

    def kelurahan_of(self, kecamatan: Area) -> list[Area]:
        """The kelurahan of one kecamatan, in code order."""
        return [k for k in self.kelurahan.values() if k.parent == kecamatan]


def build_areas(gazetteer: Gazetteer, config: dict[str, Any]) -> Areas:
    """Areas with URLs from the ``WILAYAH`` settings."""
    kecamatan = {}
    for kec in gazetteer.kecamatan:
        kecamatan[kec.kode] = Area(
            "kecamatan",
            kec.kode,
            kec.nama,
            kec.slug,
            config["kecamatan_url"].format(slug=kec.slug),
            config["kecamatan_save_as"].format(slug=kec.slug),
        )
    by_name = {k.nama: kecamatan[k.kode] for k in gazetteer.kecamatan}
    kelurahan = {}
    for kel in gazetteer.kelurahan:
        parts = {"slug": kel.slug, "kecamatan_slug": kel.kecamatan_slug}
        kelurahan[kel.kode] = Area(
            "kelurahan",
            kel.kode,
            kel.nama,
            kel.slug,
            config["kelurahan_url"].format(**parts),
            config["kelurahan_save_as"].format(**parts),
            by_name[kel.kecamatan],
        )
    return Areas(kecamatan, kelurahan)
