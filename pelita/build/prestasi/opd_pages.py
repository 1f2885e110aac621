"""The OPD pages as data: one page per OPD in the registry, and an index.

Each page lists the OPD's channels (from the channel registry), its latest
posts (``OPD:`` metadata, or the channel's OPD) and its awards, and
describes the OPD as a schema.org ``GovernmentOrganization``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pelita.core.htmlsafety import field_text
from pelita.core.registries import ChannelRecord, Opd

JENIS_LABELS: dict[str, str] = {
    "sekretariat": "Sekretariat",
    "dinas": "Dinas",
    "badan": "Badan",
    "rsud": "Rumah sakit daerah",
    "lainnya": "Lembaga lainnya",
    "kecamatan": "Kecamatan",
}


@dataclass(frozen=True)
class OpdPage:
    """One OPD's page: who it is, its channels, its posts and its awards."""

    opd: Opd
    url: str
    save_as: str
    channels: tuple[ChannelRecord, ...] = ()
    articles: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    awards: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    awards_url: str | None = None

    @property
    def website_url(self) -> str | None:
        """The OPD's own website as a link (the registry stores bare hosts)."""
        return self.opd.website_url


def build_opd_pages(
    opds: Sequence[Opd],
    articles: Sequence[Any],
    opd_of: Mapping[int, str | None],
    channels: Sequence[ChannelRecord],
    *,
    awarded: Sequence[Any],
    patterns: tuple[str, str],
    awards_urls: Mapping[str, str],
) -> list[OpdPage]:
    """A page for every OPD; ``opd_of`` maps ``id(article)`` to its OPD id.

    ``awarded`` are the posts on the awards wall (one per story).
    """
    posts: dict[str, list[Any]] = {}
    awards: dict[str, list[Any]] = {}
    for article in articles:
        owner = opd_of.get(id(article))
        if owner:
            posts.setdefault(owner, []).append(article)
    for article in awarded:
        if article.prestasi.opd:
            awards.setdefault(article.prestasi.opd, []).append(article)
    by_opd: dict[str, list[ChannelRecord]] = {}
    for channel in channels:
        if channel.opd:
            by_opd.setdefault(channel.opd, []).append(channel)
    url, save_as = patterns
    return [
        OpdPage(
            opd=opd,
            url=url.format(id=opd.id),
            save_as=save_as.format(id=opd.id),
            channels=tuple(by_opd.get(opd.id, ())),
            articles=tuple(posts.get(opd.id, ())),
            awards=tuple(awards.get(opd.id, ())),
            awards_url=awards_urls.get(opd.id),
        )
        for opd in opds
    ]


def opd_groups(pages: Sequence[OpdPage]) -> list[tuple[str, list[OpdPage]]]:
    """Pages grouped by kind of OPD, in the order the index shows them."""
    order = list(JENIS_LABELS)
    groups: dict[str, list[OpdPage]] = {}
    for page in pages:
        groups.setdefault(page.opd.jenis or "lainnya", []).append(page)
    ranked = sorted(groups, key=lambda j: (order.index(j) if j in order else 99, j))
    return [(JENIS_LABELS.get(j, j.capitalize()), groups[j]) for j in ranked]


def _contact_jsonld(opd: Opd) -> dict[str, Any]:
    """The registry's contact details in schema.org terms (only those given)."""
    data: dict[str, Any] = {}
    if opd.website_url:
        data["sameAs"] = [opd.website_url]
    if opd.alamat:
        data["address"] = {"@type": "PostalAddress", "streetAddress": opd.alamat}
    if opd.telepon:
        data["telephone"] = opd.telepon.e164
    if opd.email:
        data["email"] = opd.email
    return data


def opd_jsonld(page: OpdPage, site_url: str, city: str) -> dict[str, Any]:
    """schema.org ``GovernmentOrganization`` for one OPD page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": f"{page.opd.nama} {city}".strip(),
        "alternateName": page.opd.singkatan,
        "identifier": page.opd.id,
        "url": f"{site_url}/{page.url}" if site_url else f"/{page.url}",
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": f"Pemerintah {city}".strip(),
        },
        "areaServed": {"@type": "City", "name": city},
    }
    data.update(_contact_jsonld(page.opd))
    names = [a.prestasi.name or field_text(a.title) for a in page.awards]
    if names:
        data["award"] = list(dict.fromkeys(names))
    return data
