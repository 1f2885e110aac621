"""Guess the ``html:`` selectors of a site without a feed (for channel-add).

Taking the first selector that matches something picks the wrong thing on
news portals: the menu's links match ``h2 a`` before the article list does,
the logo is the page's first ``h1``, ``article`` holds the sidebar too. So
every part is scored instead:

- items: the selector whose matches are the most links that look like
  articles (a headline of several words, or a slug or an id in the path),
  outside menus, headers, footers and sidebars, minus those that do not;
- title: the heading that matches ``og:title`` (without the site's name);
- body: the element holding the most paragraph text (text density: each
  paragraph counts for its parent, half for the grandparent; link text does
  not count);
- date: the page's meta tags, else a ``<time>``, else a small element named
  like a date whose text reads as one.

Every guess, found or not, is kept with the page it was tried on and an
example of what it found, so channel-add can show the admin all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any
from urllib.parse import urlsplit

from soupsieve import SelectorSyntaxError

from pelita.importer.feeds.dates import parse_date
from pelita.importer.htmlchannels.page import (
    link_of,
    meta_content,
    on_site,
    page_base,
    resolve_link,
    same_site,
    sibling_site,
    soup_of,
    strip_site_suffix,
    text_of,
)
from pelita.importer.model import FetchResult, HtmlRules

from .selectors import in_chrome, named_ancestors, step, unique_selector

NEXT_GUESSES = (
    "a[rel~=next]", "a.next", ".next a", "a.selanjutnya", ".nav-previous a",
    ".pagination a.next", 'a:-soup-contains("Selanjutnya")',
    'a:-soup-contains("Berikutnya")', 'a:-soup-contains("Next")',
    'a:-soup-contains("»")', 'a:-soup-contains("\u203a")',
)  # fmt: skip
IMAGE_GUESSES = (
    ".post-thumbnail img", "img.wp-post-image", ".featured-image img",
    ".foto-utama img", "figure.featured img", ".photo img", "article figure img",
)  # fmt: skip
PUBLISHED_META = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
)
MIN_ITEMS = 3
MAX_LINKS = 500
MAX_CANDIDATES = 120  # item selectors scored on one listing
MAX_ELEMENTS = 20_000  # elements weighed for the body
MIN_BODY_TEXT = 200
MIN_TITLE_MATCH = 0.6
# Paths of listings, not articles: tags, categories, authors, pages, search.
_LISTING_PATH = re.compile(
    r"/(?:tag|tags|label|kategori|category|categories|topik|topic|author|"
    r"penulis|page|halaman|search|cari|indeks|index|feed|wp-login\.php)(?:/|$|\?)",
    re.IGNORECASE,
)
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}", re.IGNORECASE)
_ARTICLE_ID = re.compile(r"\d{3,}")
_DATE_NAME = re.compile(r"date|tanggal|tgl|time|waktu|publish|posted", re.I)
_BLOCKS = ("p", "div", "td", "li", "blockquote", "section", "article", "main")


@dataclass(frozen=True)
class Guess:
    """One part's guess: the selector (None when none was found) and its evidence."""

    field: str
    selector: str | None
    page: str  # the page it was tried on
    example: str = ""  # what it found there (text, a link, a count)
    note: str = ""  # why nothing, or where else the value comes from


@dataclass(frozen=True)
class ListingGuess:
    """The selectors found on a listing page, and the articles to try the rest on."""

    items: str | None
    next: str | None
    first_article: str | None
    guesses: tuple[Guess, ...] = ()
    articles: tuple[str, ...] = ()


def _site_check(page_url: str, siblings: bool) -> Any:
    """Whether a link stays on the site (or, when asked, on a sibling subdomain)."""
    return lambda url: on_site(url, page_url, siblings)


def article_like(url: str, text: str, listing_url: str = "") -> bool:
    """A link that looks like an article's.

    A headline of several words, a slug or an id in its path, or a page
    under the listing's own path (``/berita/`` listing ``/berita/rapat/``);
    never a tag, category, author, search or page-number listing.
    """
    path = urlsplit(url).path
    if path.strip("/") == "" or _LISTING_PATH.search(path + "/"):
        return False
    last = path.rstrip("/").rsplit("/", 1)[-1]
    home = urlsplit(listing_url).path.rstrip("/") + "/" if listing_url else ""
    return (
        len(text.split()) >= 4
        or bool(_SLUG.fullmatch(last.rsplit(".", 1)[0]))
        or bool(_ARTICLE_ID.search(path))
        or (len(home) > 1 and path.startswith(home) and len(path) > len(home))
    )


def _item_candidates(anchor: Any) -> list[str]:
    heading = anchor.find_parent(["h1", "h2", "h3", "h4", "h5"])
    own = step(anchor)
    found = []
    ancestors = named_ancestors(anchor)
    if heading is not None:
        h = step(heading)
        found += [f"{h} a", f"{heading.name} a"]
        found += [f"{ancestor} {heading.name} a" for ancestor in ancestors]
    if own != "a":
        found += [own, *(f"{ancestor} {own}" for ancestor in ancestors)]
    found += [f"{ancestor} a" for ancestor in ancestors]
    return found


@dataclass
class _Score:
    selector: str
    good: list[str]
    bad: int

    @property
    def value(self) -> float:
        return len(self.good) - 1.5 * self.bad


def _score_items(
    soup: Any, selector: str, base: str, page_url: str, on_site: Any
) -> _Score:
    good: dict[str, None] = {}
    bad = 0
    try:
        matched = soup.select(selector, limit=MAX_LINKS)
    except SelectorSyntaxError:  # a selector soupsieve refuses scores nothing
        return _Score(selector, [], MAX_LINKS)
    for element in matched:
        url = resolve_link(link_of(element), base)
        if url is None or url == page_url:
            continue
        if (
            on_site(url)
            and article_like(url, text_of(element), page_url)
            and not in_chrome(element)
        ):
            good.setdefault(url)
        elif url not in good:
            bad += 1
    return _Score(selector, list(good), bad)


def guess_items(
    soup: Any, page_url: str, siblings: bool = False
) -> tuple[_Score | None, list[_Score]]:
    """The best-scoring item selector of a listing page, and all scored."""
    base = page_base(soup, page_url)
    on_site = _site_check(page_url, siblings)
    candidates: dict[str, None] = {}
    for anchor in soup.find_all("a", href=True, limit=MAX_LINKS):
        url = resolve_link(str(anchor["href"]), base)
        if url is None or not on_site(url) or in_chrome(anchor):
            continue
        if not article_like(url, text_of(anchor), page_url):
            continue
        for selector in _item_candidates(anchor):
            candidates.setdefault(selector)
        if len(candidates) >= MAX_CANDIDATES:
            break
    scores = [_score_items(soup, s, base, page_url, on_site) for s in candidates]
    usable = [s for s in scores if len(s.good) >= MIN_ITEMS and s.value > 0]
    # Ties: the fewest other links, then a named selector (sturdier than
    # a bare "h2 a" that a sidebar heading may join), then the shortest.
    usable.sort(
        key=lambda s: (
            -s.value,
            s.bad,
            not re.search(r"[.#]", s.selector),
            len(s.selector),
        )
    )
    return (usable[0] if usable else None), scores


def _sibling_articles(soup: Any, page_url: str) -> list[str]:
    base = page_base(soup, page_url)
    found: dict[str, None] = {}
    for anchor in soup.find_all("a", href=True, limit=MAX_LINKS):
        url = resolve_link(str(anchor["href"]), base)
        nearby = url and sibling_site(url, page_url) and not same_site(url, page_url)
        if nearby and article_like(url, text_of(anchor)) and not in_chrome(anchor):
            found.setdefault(url)
    return list(found)


def _next(soup: Any, base: str, page_url: str, items: list[str]) -> str | None:
    for selector in NEXT_GUESSES:
        for element in soup.select(selector, limit=20):
            url = resolve_link(link_of(element), base)
            if (
                url
                and url != page_url
                and url not in items
                and same_site(url, page_url)
            ):
                return selector
    return None


def guess_listing(page: FetchResult, siblings: bool = False) -> ListingGuess:
    """The article-link and next-page selectors that work on ``page``."""
    soup = soup_of(page)
    url = page.final_url
    best, scores = guess_items(soup, url, siblings)
    if best is None:
        most = max((len(s.good) for s in scores), default=0)
        note = (
            f"no selector finds {MIN_ITEMS} or more article links outside menus "
            f"and sidebars (at most {most})"
        )
        if not siblings:
            nearby = _sibling_articles(soup, url)
            if nearby:
                note += (
                    f"; {len(nearby)} article links go to other subdomains of "
                    f"the site (e.g. {nearby[0]}): add --subdomains to follow them"
                )
        guesses = (Guess("items", None, url, note=note),)
        return ListingGuess(None, None, None, guesses)
    following = _next(soup, page_base(soup, url), url, best.good)
    example = f"{len(best.good)} article links, e.g. {best.good[0]}"
    if best.bad:
        example += f" ({best.bad} other links too)"
    guesses = (
        Guess("items", best.selector, url, example),
        Guess("next", following, url, note="" if following else "no next-page link"),
    )
    return ListingGuess(
        best.selector, following, best.good[0], guesses, tuple(best.good)
    )


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def guess_title(soup: Any, page_url: str) -> tuple[Guess, Any]:
    """The heading that matches ``og:title`` (else the page's ``<title>``)."""
    site = meta_content(soup, 'meta[property="og:site_name"]')
    wanted = meta_content(soup, 'meta[property="og:title"]')
    source = "og:title"
    if not wanted and soup.find("title") is not None:
        wanted, source = text_of(soup.find("title")), "<title>"
    wanted = strip_site_suffix(wanted or "", site)
    headings = [
        h
        for h in soup.find_all(["h1", "h2"], limit=200)
        if text_of(h) and not in_chrome(h)
    ]
    best, best_score = None, 0.0
    for heading in headings:
        score = _similar(text_of(heading), wanted) if wanted else 0.0
        if heading.name == "h1":
            score += 0.05
        if score > best_score:
            best, best_score = heading, score
    if best is None or (wanted and best_score < MIN_TITLE_MATCH):
        note = f"no heading matches {source} {wanted!r}" if wanted else "no heading"
        return Guess("title", None, page_url, note=note + "; og:title is used"), None
    selector = unique_selector(soup, best)
    return Guess("title", selector, page_url, text_of(best)[:80]), best


def _own_text(element: Any) -> int:
    """Length of the text an element holds itself, links and child blocks aside."""
    total = 0
    for child in element.children:
        if child.name is None:
            total += len(str(child).strip())
        elif (
            child.name not in _BLOCKS
            and child.name != "a"
            and child.name
            not in (
                "script",
                "style",
                "noscript",
            )
        ):
            total += len(child.get_text(" ", strip=True)) - sum(
                len(a.get_text(strip=True)) for a in child.find_all("a")
            )
    return total


def guess_body(soup: Any, page_url: str) -> tuple[Guess, Any]:
    """The element holding the most paragraph text."""
    weight: dict[int, float] = {}
    element_of: dict[int, Any] = {}
    for element in soup.find_all(_BLOCKS, limit=MAX_ELEMENTS):
        own = _own_text(element)
        if own < 25 or in_chrome(element):
            continue
        owner = element if element.name != "p" else element.parent
        for share, holder in ((1.0, owner), (0.5, owner.parent if owner else None)):
            if holder is None or holder.name in (None, "[document]", "html", "body"):
                continue
            weight[id(holder)] = weight.get(id(holder), 0.0) + share * own
            element_of[id(holder)] = holder
    ranked = sorted(weight, key=weight.__getitem__, reverse=True)
    for key in ranked[:5]:
        element = element_of[key]
        selector = unique_selector(soup, element)
        if selector is None:
            continue
        text = text_of(element)
        if len(text) < MIN_BODY_TEXT:
            note = f"the fullest text block has only {len(text)} characters"
            return Guess("body", None, page_url, note=note), None
        return Guess(
            "body", selector, page_url, f"{len(text)} characters: {text[:60]}"
        ), element
    return Guess("body", None, page_url, note="no block of paragraphs"), None


def guess_date(soup: Any, page_url: str, fetched: Any) -> Guess:
    """A date selector, unless the page's meta tags already give the date."""
    for selector in PUBLISHED_META:
        for element in soup.select(selector, limit=5):
            value = str(element.get("content") or "").strip()
            if value and parse_date(value, now=fetched):
                meta = selector.removeprefix("meta")
                return Guess("date", None, page_url, value, note=f"from meta {meta}")
    found = [
        e
        for e in soup.find_all(True, limit=MAX_ELEMENTS)
        if (e.name == "time" or _DATE_NAME.search(" ".join(e.get("class") or [])))
        and not in_chrome(e)
    ]
    for element in found:
        text = str(element.get("datetime") or "") or text_of(element)
        if len(text) <= 80 and parse_date(text, now=fetched):
            selector = unique_selector(soup, element)
            if selector:
                return Guess("date", selector, page_url, text)
    return Guess("date", None, page_url, note="no element reads as a date")


def guess_image(soup: Any, page_url: str) -> Guess:
    """A featured-image selector; without one the reader takes ``og:image``."""
    for selector in IMAGE_GUESSES:
        element = soup.select_one(selector)
        if element is not None and not in_chrome(element):
            return Guess("image", selector, page_url, str(element.get("src") or ""))
    og = meta_content(soup, 'meta[property="og:image"]')
    return Guess("image", None, page_url, og or "", note="og:image" if og else "none")


def guess_article(page: FetchResult) -> dict[str, Guess]:
    """Title, date, body and image guesses on the article ``page``."""
    soup = soup_of(page)
    url = page.final_url
    title, _ = guess_title(soup, url)
    body, _ = guess_body(soup, url)
    return {
        "title": title,
        "date": guess_date(soup, url, page.fetched_at),
        "body": body,
        "image": guess_image(soup, url),
    }


def rules_from_guesses(
    listing: ListingGuess, article: dict[str, Guess], subdomains: bool = False
) -> tuple[HtmlRules | None, list[str]]:
    """The guessed rules (None when items or body is missing) and what is missing."""
    body = article.get("body")
    missing = [
        name
        for name, value in (
            ("items", listing.items),
            ("body", body.selector if body else None),
        )
        if not value
    ]
    if missing or listing.items is None or body is None or body.selector is None:
        return None, missing

    def chosen(name: str) -> str | None:
        guess = article.get(name)
        return guess.selector if guess else None

    return (
        HtmlRules(
            items=listing.items,
            body=body.selector,
            next=listing.next,
            max_pages=3 if listing.next else 1,
            title=chosen("title"),
            date=chosen("date"),
            image=chosen("image"),
            subdomains=subdomains,
        ),
        [],
    )
