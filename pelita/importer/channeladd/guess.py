"""Guess the ``html:`` selectors of a site without a feed (for channel-add).

Most city sites are built on a handful of CMS themes, so a short list of
common selectors usually finds the listing's article links, the next-page
link and, on the first article, its title, date, text and photo. Each guess
is tried on the real pages; what cannot be guessed is left out and named,
so the admin knows which selector to write by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelita.importer.htmlchannels.page import (
    link_of,
    page_base,
    resolve_link,
    same_site,
    soup_of,
    text_of,
)
from pelita.importer.model import FetchResult, HtmlRules

ITEM_GUESSES = (
    "article h2 a", "article h3 a", ".entry-title a", ".post-title a",
    ".judul a", ".judul-berita a", ".news-title a", ".title a", "h2 a", "h3 a",
    ".card-title a", "h4 a",
)  # fmt: skip
NEXT_GUESSES = (
    "a[rel~=next]", "a.next", ".next a", "a.selanjutnya", ".nav-previous a",
    'a:-soup-contains("Selanjutnya")', 'a:-soup-contains("Berikutnya")',
    'a:-soup-contains("Next")', 'a:-soup-contains("»")',
)  # fmt: skip
TITLE_GUESSES = (
    "h1.entry-title",
    "h1.post-title",
    "h1.judul-berita",
    "article h1",
    "h1",
)
DATE_GUESSES = (
    "time[datetime]", ".entry-date", ".post-date", ".published", ".tanggal",
    ".date", ".meta-date", ".post-meta", ".entry-meta",
)  # fmt: skip
BODY_GUESSES = (
    '[itemprop="articleBody"]', ".entry-content", ".post-content", ".isi-berita",
    ".article-content", ".post-body", ".content-berita", ".single-content",
    "article .content", "article",
)  # fmt: skip
IMAGE_GUESSES = (
    ".post-thumbnail img", "img.wp-post-image", ".featured-image img",
    ".foto-utama img", "figure.featured img", "article img",
)  # fmt: skip
MIN_ITEMS = 3
MAX_LINKS = 500
MIN_BODY_TEXT = 200


@dataclass(frozen=True)
class ListingGuess:
    """The selectors found on a listing page, and one article to try the rest on."""

    items: str | None
    next: str | None
    first_article: str | None


def _links(soup: Any, selector: str, base: str, page_url: str) -> list[str]:
    found: dict[str, None] = {}
    for element in soup.select(selector, limit=MAX_LINKS):
        url = resolve_link(link_of(element), base)
        if url and url != page_url and same_site(url, page_url):
            found.setdefault(url)
    return list(found)


def guess_listing(page: FetchResult) -> ListingGuess:
    """The article-link and next-page selectors that work on ``page``."""
    soup = soup_of(page)
    base = page_base(soup, page.final_url)
    items, links = None, []
    for selector in ITEM_GUESSES:
        links = _links(soup, selector, base, page.final_url)
        if len(links) >= MIN_ITEMS:
            items = selector
            break
    following = None
    for selector in NEXT_GUESSES:
        found = _links(soup, selector, base, page.final_url)
        if found and found[0] not in links:
            following = selector
            break
    return ListingGuess(items, following, links[0] if items else None)


def _first(soup: Any, guesses: tuple[str, ...], good: Any) -> str | None:
    for selector in guesses:
        element = soup.select_one(selector)
        if element is not None and good(element):
            return selector
    return None


def guess_article(page: FetchResult) -> dict[str, str | None]:
    """Title, date, body and image selectors that match the article ``page``."""
    soup = soup_of(page)
    return {
        "title": _first(soup, TITLE_GUESSES, lambda e: bool(text_of(e))),
        "date": _first(
            soup, DATE_GUESSES, lambda e: bool(text_of(e) or e.get("datetime"))
        ),
        "body": _first(soup, BODY_GUESSES, lambda e: len(text_of(e)) >= MIN_BODY_TEXT),
        "image": _first(soup, IMAGE_GUESSES, lambda e: True),
    }


def rules_from_guesses(
    listing: ListingGuess, article: dict[str, str | None]
) -> tuple[HtmlRules | None, list[str]]:
    """The guessed rules (None when items or body is missing) and what is missing."""
    missing = [
        name
        for name, value in (("items", listing.items), ("body", article.get("body")))
        if not value
    ]
    if missing or listing.items is None or not article.get("body"):
        return None, missing
    return (
        HtmlRules(
            items=listing.items,
            body=str(article["body"]),
            next=listing.next,
            max_pages=3 if listing.next else 1,
            title=article.get("title"),
            date=article.get("date"),
            image=article.get("image"),
        ),
        [],
    )
