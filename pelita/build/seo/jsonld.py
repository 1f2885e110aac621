"""JSON-LD objects for articles, hoax clarifications and the site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pelita.core.htmlsafety import field_text
from pelita.core.indodate import format_iso
from pelita.core.schema import verdict_of

SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class SiteInfo:
    """What every JSON-LD object needs to know about the site."""

    url: str
    name: str
    publisher: str
    language: str
    timezone: str
    logo_path: str | None = None
    search_path: str | None = None

    def absolute(self, path: str) -> str:
        """``path`` (relative to the site root) as a full URL."""
        if re.match(r"^[a-z][a-z0-9+.-]*://", path):
            return path
        return f"{self.url.rstrip('/')}/{path.lstrip('/')}"


def _text(value: Any) -> str:
    """The text of a metadata value, which Pelican holds as HTML."""
    return field_text(value)


def _organization(site: SiteInfo, name: str | None = None) -> dict[str, Any]:
    org: dict[str, Any] = {
        "@type": "GovernmentOrganization",
        "name": name or site.publisher,
    }
    if name is None or name == site.publisher:
        org["url"] = site.absolute("")
        if site.logo_path:
            org["logo"] = {"@type": "ImageObject", "url": site.absolute(site.logo_path)}
    return org


def breadcrumbs(site: SiteInfo, trail: list[tuple[str, str]]) -> dict[str, Any]:
    """BreadcrumbList from (name, path) pairs, home first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": i,
                "name": name,
                "item": site.absolute(path),
            }
            for i, (name, path) in enumerate(trail, start=1)
        ],
    }


def news_article(article: Any, site: SiteInfo, image_url: str | None) -> dict[str, Any]:
    """NewsArticle with ISO 8601 dates carrying the site's UTC offset."""
    url = site.absolute(article.url)
    modified = getattr(article, "modified", None) or article.date
    data: dict[str, Any] = {
        "@type": "NewsArticle",
        "@id": f"{url}#artikel",
        "headline": _text(article.title)[:110],
        "description": _text(getattr(article, "summary", "")),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": site.language,
        "datePublished": format_iso(article.date, site.timezone),
        "dateModified": format_iso(modified, site.timezone),
        "articleSection": str(article.category),
        "author": _organization(site, getattr(article, "source_name", None) or None),
        "publisher": _organization(site),
        "isAccessibleForFree": True,
    }
    if image_url:
        data["image"] = [image_url]
    tags = [str(tag) for tag in getattr(article, "tags", None) or []]
    if tags:
        data["keywords"] = tags
    if getattr(article, "kecamatan", None):
        data["contentLocation"] = {
            "@type": "Place",
            "name": f"Kecamatan {article.kecamatan}",
        }
    corrections = _corrections(article)
    if corrections:
        data["correction"] = corrections
    return data


def _corrections(article: Any) -> list[dict[str, Any]]:
    """The post's dated corrections (the ralat plugin's) as CorrectionComment."""
    found = []
    for correction in getattr(article, "ralat", None) or []:
        comment = {"@type": "CorrectionComment", "text": _text(correction.text)}
        if correction.date is not None:
            comment["datePublished"] = correction.iso
        found.append(comment)
    return found


def claim_review(article: Any, site: SiteInfo) -> dict[str, Any] | None:
    """ClaimReview for a clarification with ``Klaim`` and ``Putusan``."""
    claim = _text(getattr(article, "klaim", ""))
    verdict = _text(getattr(article, "putusan", ""))
    if not (claim and verdict):
        return None
    # ClaimReview ratings: 1 (false) to 5 (true), with the verdict as the text.
    known = verdict_of(verdict)
    rating = known.rating if known else None
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": site.absolute(article.url),
        "claimReviewed": claim,
        "datePublished": format_iso(article.date, site.timezone),
        "author": _organization(site),
        "itemReviewed": {"@type": "Claim", "name": claim},
        "reviewRating": {"@type": "Rating", "alternateName": verdict},
    }
    if rating is not None:
        review["reviewRating"].update(
            {"ratingValue": rating, "bestRating": 5, "worstRating": 1}
        )
    return review


def article_graph(
    article: Any, site: SiteInfo, image_url: str | None
) -> dict[str, Any]:
    """Every JSON-LD object of an article page, in one @graph."""
    graph = [
        news_article(article, site, image_url),
        breadcrumbs(
            site,
            [(site.name, ""), (str(article.category), article.category.url)],
        ),
    ]
    review = claim_review(article, site)
    if review:
        graph.append(review)
    return {"@context": SCHEMA, "@graph": graph}


def site_graph(site: SiteInfo) -> dict[str, Any]:
    """WebSite (with the search action) and its publisher, for the home page."""
    website: dict[str, Any] = {
        "@type": "WebSite",
        "name": site.name,
        "url": site.absolute(""),
        "inLanguage": site.language,
        "publisher": _organization(site),
    }
    if site.search_path:
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": site.absolute(site.search_path)
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        }
    return {"@context": SCHEMA, "@graph": [website]}
