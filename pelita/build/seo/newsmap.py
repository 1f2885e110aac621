"""Google News sitemap: the posts published in the last two days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

# Google reads at most 1,000 URLs from one news sitemap.
MAX_URLS = 1000


@dataclass(frozen=True)
class NewsEntry:
    """One post: absolute URL, title and timezone-aware publication date."""

    url: str
    title: str
    published: dt.datetime


def news_sitemap(
    entries: Iterable[NewsEntry],
    now: dt.datetime,
    publication: str,
    language: str,
    window: dt.timedelta = dt.timedelta(days=2),
) -> str:
    """The sitemap XML, newest first; posts dated in the future are left out."""
    if now.tzinfo is None:
        raise ValueError("seo: news_sitemap needs a timezone-aware 'now'")
    recent = sorted(
        (e for e in entries if now - window <= e.published <= now),
        key=lambda e: e.published,
        reverse=True,
    )[:MAX_URLS]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ]
    for entry in recent:
        lines += [
            "<url>",
            f"<loc>{escape(entry.url)}</loc>",
            "<news:news>",
            "<news:publication>",
            f"<news:name>{escape(publication)}</news:name>",
            f"<news:language>{escape(language)}</news:language>",
            "</news:publication>",
            "<news:publication_date>"
            f"{entry.published.isoformat(timespec='seconds')}"
            "</news:publication_date>",
            f"<news:title>{escape(entry.title)}</news:title>",
            "</news:news>",
            "</url>",
        ]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
