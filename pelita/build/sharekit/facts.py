"""Which posts get a kit, and what their cards say, from Pelican articles.

Achievements are the posts the prestasi plugin recognised (``article.prestasi``),
one per story as on the awards wall; without that plugin, the theme's rule
(``Prestasi: ya``, or the Prestasi category) and the award fields of the
metadata. Clarifications are the posts of the Klarifikasi category. A post
marked ``Duplicate_of`` never gets a kit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from pelita.build.themecontext.selection import kecamatan_names
from pelita.core.htmlsafety import field_text
from pelita.core.indodate import format_date
from pelita.core.prestasi import is_achievement
from pelita.core.prestasi.model import LEVEL_LABELS, Award

from .hashtags import hashtags
from .model import KIND_ACHIEVEMENT, KIND_CLARIFICATION, KitFacts


@dataclass(frozen=True)
class Site:
    """What every kit of one build shares."""

    name: str
    url: str
    city: str
    timezone: str
    clarification_category: str
    hashtags: tuple[str, ...]
    category_hashtags: dict[str, list[str]]
    opd_suffix: str
    max_hashtags: int
    opd_name: Callable[[str], str]
    opd_short: Callable[[str], str]

    @property
    def absolute(self) -> bool:
        """True when the site's URL is absolute (production builds)."""
        return self.url.startswith(("http://", "https://"))


def plain(value: Any) -> str:
    """Text without markup or entities, on one line (entities decoded once)."""
    return field_text(value)


def is_duplicate(article: Any) -> bool:
    """Marked as a copy of another post (``Duplicate_of``), in metadata or not."""
    return bool(
        article.metadata.get("duplicate_of") or getattr(article, "duplicate_of", None)
    )


def award_of(article: Any) -> Award | None:
    """The post's award: the prestasi plugin's, else one from its metadata."""
    award = getattr(article, "prestasi", None)
    if isinstance(award, Award):
        return award
    if not is_achievement(article):
        return None
    meta = article.metadata
    level = str(meta.get("tingkat") or "").strip().casefold()
    return Award(
        name=plain(meta.get("penghargaan")) or None,
        giver=plain(meta.get("pemberi")) or None,
        level=level if level in LEVEL_LABELS else None,
        recipient=plain(meta.get("penerima")) or None,
    )


def kit_kind(article: Any, clarification_category: str) -> str | None:
    """``prestasi``, ``klarifikasi`` or None (no kit)."""
    if is_duplicate(article):
        return None
    if str(getattr(article, "category", "")) == clarification_category:
        return KIND_CLARIFICATION
    if award_of(article) is not None:
        return KIND_ACHIEVEMENT
    return None


def kit_articles(
    articles: Iterable[Any], achievements: Iterable[Any] | None, category: str
) -> list[tuple[Any, str]]:
    """Posts that get a kit, with their kind, in the order given, each once.

    ``achievements`` is the awards wall's list (one per story) when the
    prestasi plugin made one; then only those achievements get a kit.
    Clarifications sharing a ``Story`` keep the earliest.
    """
    wall = None if achievements is None else {id(a) for a in achievements}
    candidates = []
    for article in articles:
        kind = kit_kind(article, category)
        if kind == KIND_ACHIEVEMENT and wall is not None and id(article) not in wall:
            continue
        if kind is not None:
            candidates.append((article, kind))
    first: dict[str, Any] = {}
    for article, kind in candidates:
        story = _story(article, kind)
        if story and (story not in first or article.date < first[story].date):
            first[story] = article
    return [
        (article, kind)
        for article, kind in candidates
        if first.get(_story(article, kind), article) is article
    ]


def _story(article: Any, kind: str) -> str:
    story = article.metadata.get("story") if kind == KIND_CLARIFICATION else None
    return str(story) if story else ""


def post_url(article: Any, site: Site) -> tuple[str, str]:
    """The canonical URL and its printable short form (no scheme, no "/" at the end)."""
    path = str(article.url)
    if site.absolute:
        base = site.url.rstrip("/")
        parts = urlsplit(base)
        host = parts.netloc.removeprefix("www.") + parts.path
        return f"{base}/{path}", f"{host}/{path}".rstrip("/")
    return f"/{path}", f"/{path}".rstrip("/") or "/"


def _topics(article: Any, site: Site) -> list[str]:
    category = str(getattr(article, "category", "") or "")
    topics = list(site.category_hashtags.get(category, [category]))
    return topics + [str(tag) for tag in getattr(article, "tags", None) or []]


def _hashtags(article: Any, site: Site) -> tuple[str, ...]:
    award = award_of(article)
    places = kecamatan_names(article) or list(getattr(award, "kecamatan", ()) or ())
    opd = str(getattr(article, "opd", "") or getattr(award, "opd", "") or "")
    short = site.opd_short(opd) if opd else ""
    candidates = [
        *site.hashtags,
        *places,
        f"{short} {site.opd_suffix}" if short else "",
        *_topics(article, site),
    ]
    return hashtags(candidates, site.max_hashtags)


def kit_facts(article: Any, kind: str, site: Site) -> KitFacts:
    """Everything the cards and captions of ``article`` say."""
    url, short_url = post_url(article, site)
    summary = article.metadata.get("summary")
    opd = str(getattr(article, "opd", "") or "")
    facts = KitFacts(
        kind=kind,
        title=plain(article.title),
        date=format_date(article.date, "date", timezone=site.timezone),
        site=site.name,
        url=url,
        short_url=short_url,
        summary=plain(summary) if summary else "",
        category=plain(getattr(article, "category", "") or ""),
        hashtags=_hashtags(article, site),
    )
    if kind == KIND_CLARIFICATION:
        return _clarification(article, facts, site.opd_name(opd) if opd else "")
    return _achievement(article, facts)


def _clarification(article: Any, facts: KitFacts, opd_name: str) -> KitFacts:
    source = opd_name or plain(getattr(article, "channel_name", "") or "")
    return replace(
        facts,
        claim=plain(getattr(article, "klaim", "")),
        verdict=plain(getattr(article, "putusan", "")),
        source=source,
    )


def _achievement(article: Any, facts: KitFacts) -> KitFacts:
    award = award_of(article) or Award()
    return replace(
        facts,
        award=plain(award.name),
        level=award.level_label,
        recipient=plain(award.recipient),
        giver=plain(award.giver),
    )
