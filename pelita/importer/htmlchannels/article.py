"""Read one article page of an HTML channel into an ``Entry``.

The page becomes a ``RawEntry`` (title, date text, body HTML, featured
image, canonical link) and then goes through ``entries.build_entry``: the
very same date, clean and convert steps as a feed item; identity, media and
writing follow in ``run.channel`` as for any feed. Its identity is the
article's address as the listing links it (normalized like any link), so an
article imported once is never fetched again.

Dates come from ``article:published_time`` (or ``datePublished``; every
such tag, the first readable wins) first,
then a ``<time datetime>``, then the text of the ``html.date`` element as
the page prints it ("Kamis, 21 Maret 2024 | 09:15 WIB", "3 jam yang lalu").
A configured selector that matches nothing is a warning naming the selector
and the article; without a body the article is skipped (and tried again on
the next run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pelita.importer.feeds.clean import largest_candidate
from pelita.importer.feeds.dates import parse_date
from pelita.importer.feeds.entries import build_entry
from pelita.importer.feeds.identity import page_guid
from pelita.importer.feeds.raw import RawEntry
from pelita.importer.model import Channel, Entry, FetchResult, MediaRef

from .noise import NoiseRules, remove_noise
from .page import (
    head_of,
    meta_content,
    on_site,
    page_base,
    resolve_link,
    soup_of,
    strip_site_suffix,
)
from .page import text_of as _text

_PUBLISHED_META = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
)
_MODIFIED_META = (
    'meta[property="article:modified_time"]',
    'meta[itemprop="dateModified"]',
)
_IMAGE_META = ('meta[property="og:image"]', 'meta[name="twitter:image"]')
_LAZY = ("data-lazy-src", "data-src", "data-original")
_LAZY_SETS = ("data-lazy-srcset", "data-srcset")
# Bounds on what one page can make the reader walk (hostile nesting).
MAX_BODY_PARTS = 50
MAX_HEADINGS = 20
MAX_BODY_ELEMENTS = 20_000  # a press release has a few hundred


@dataclass(frozen=True)
class ArticleJob:
    """One fetched article page and what reading it needs (runs in a worker)."""

    channel: Channel
    result: FetchResult
    identity: str  # the listing's link (a demo file: its registry path)
    shown: str  # the article's address as messages name it
    noise: NoiseRules
    file_root: str | None = None


@dataclass(frozen=True)
class ArticleRead:
    """The entry (None when skipped) and the warnings about its page."""

    entry: Entry | None
    warnings: tuple[str, ...] = ()
    missing_body: bool = False
    missing_image: bool = False  # many articles have no photo: judged per run


@dataclass
class _Page:
    job: ArticleJob
    soup: Any
    base: str
    warnings: list[str] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)
    empty_date: str | None = None  # html.date matched, but only empty elements

    def select(self, name: str, selector: str | None, warn: bool = True) -> Any:
        """The first match of a configured selector; a warning when none."""
        if not selector:
            return None
        found = self.soup.select_one(selector)
        if found is None:
            self.missing.add(name)
        if found is None and warn:
            self.warnings.append(
                f"html.{name} {selector!r} matched nothing on {self.job.shown}"
            )
        return found


def _outermost(elements: list[Any]) -> list[Any]:
    chosen: list[Any] = []
    for element in elements:
        if not any(parent in chosen for parent in element.parents):
            chosen.append(element)
    return chosen


def _body(page: _Page) -> list[Any]:
    rules = page.job.channel.html
    assert rules is not None
    parts = _outermost(page.soup.select(rules.body, limit=MAX_BODY_PARTS))
    if not parts:
        page.warnings.append(
            f"html.body {rules.body!r} matched nothing on {page.job.shown}; "
            "article skipped"
        )
    size = sum(len(part.find_all(True, limit=MAX_BODY_ELEMENTS + 1)) for part in parts)
    if size > MAX_BODY_ELEMENTS:
        page.warnings.append(
            f"{page.job.shown}: the article's body has over {MAX_BODY_ELEMENTS} "
            "elements (not a press release?); skipped"
        )
        return []
    return parts


def _title(page: _Page, body: list[Any]) -> str:
    """``html.title``, else ``og:title`` without the site's name, else an h1.

    A configured title that matches nothing falls back the same way; the
    site's name is cut from ``og:title`` and ``<title>`` (" | Republika
    Online"), never from a heading.
    """
    rules = page.job.channel.html
    element = page.select("title", rules.title if rules else None)
    site = meta_content(page.soup, 'meta[property="og:site_name"]')
    fallback = meta_content(page.soup, 'meta[property="og:title"]')
    if element is None and not fallback:
        element = next(
            (
                h
                for h in page.soup.find_all("h1", limit=MAX_HEADINGS)
                if not h.find_parent(["header", "nav"])
            ),
            None,
        )
    if element is not None:
        title = _text(element)
        if any(part in element.parents for part in body):
            element.decompose()  # the page shows the title above the text
        if title:
            return title
    if fallback:
        return strip_site_suffix(fallback, site)
    tag = page.soup.find("title")
    return strip_site_suffix(_text(tag), site) if tag is not None else ""


def _all_meta(soup: Any, selectors: tuple[str, ...]) -> list[str]:
    """Every non-empty ``content`` of the matching meta tags.

    In the page's order per selector: a page may carry an empty or template
    tag before the real one, or two tags that disagree.
    """
    head = head_of(soup)
    found: list[str] = []
    for selector in selectors:
        for element in head.select(selector, limit=10):
            value = str(element.get("content") or "").strip()
            if value:
                found.append(value)
    return found


def _date_element(page: _Page, selector: str | None) -> Any:
    """The first element of ``html.date`` that holds a date, skipping empty ones.

    A template often prints an empty date element before the filled one; an
    element that is only empty is named as such (not "unreadable").
    """
    if not selector:
        return None
    matched = page.soup.select(selector, limit=20)
    if not matched:
        page.select("date", selector)  # the warning of a selector without a match
        return None
    for element in matched:
        stamp = element if element.name == "time" else element.find("time")
        if (
            _text(element)
            or element.get("content")
            or (stamp and stamp.get("datetime"))
        ):
            return element
    page.empty_date = selector
    return None


def _date_candidates(page: _Page, body: list[Any]) -> list[str]:
    rules = page.job.channel.html
    found: list[str | None] = list(_all_meta(page.soup, _PUBLISHED_META))
    element = _date_element(page, rules.date if rules else None)
    if element is not None:
        stamp = element if element.name == "time" else element.find("time")
        found.append(str((stamp or element).get("datetime") or "") or None)
        found.append(str(element.get("content") or "") or None)
        found.append(_text(element))
        if any(part in element.parents for part in body):
            element.decompose()  # a byline, not the article
    else:
        region = body[0].find_parent("article") if body else None
        stamp = (region or page.soup).find("time", datetime=True)
        found.append(str(stamp["datetime"]) if stamp is not None else None)
    return [text for text in found if text and text.strip()]


def _published(page: _Page, body: list[Any]) -> str | None:
    """The first readable date text (else the first, to be reported unreadable)."""
    candidates = _date_candidates(page, body)
    fetched = page.job.result.fetched_at
    readable = (text for text in candidates if parse_date(text, now=fetched))
    return next(readable, candidates[0] if candidates else None)


def _image_source(element: Any) -> str | None:
    """The real source of an image, lazy-loaded or not (as ``clean`` reads it)."""
    if element.name == "meta":
        return str(element.get("content") or "") or None
    image = element if element.name == "img" else element.find("img")
    if image is None:
        return None
    for name in _LAZY:
        if image.get(name):
            return str(image[name])
    for name in _LAZY_SETS:
        if image.get(name):
            return largest_candidate(str(image[name])) or None
    src = str(image.get("src") or "")
    if src and not src.startswith("data:"):
        return src
    return largest_candidate(str(image.get("srcset") or "")) or None


def _image(page: _Page, body: list[Any]) -> tuple[MediaRef, ...]:
    """The featured image: ``html.image``, else ``og:image``.

    Taken out of the body when it is in it (the page shows it on top).
    """
    rules = page.job.channel.html
    element = page.select("image", rules.image if rules else None, warn=False)
    src = _image_source(element) if element is not None else None
    alt = ""
    if src and element is not None:
        image = element if element.name == "img" else element.find("img")
        alt = str(image.get("alt") or "") if image is not None else ""
        if any(part in element.parents for part in body):
            (element.find_parent("figure") or element).decompose()
    src = src or meta_content(page.soup, *_IMAGE_META)
    return (MediaRef(src, alt),) if src else ()


def _canonical(page: _Page) -> str | None:
    """The page's canonical address on its own site, else where it was fetched."""
    final = page.job.result.final_url
    link = head_of(page.soup).find("link", rel="canonical", href=True)
    url = resolve_link(str(link["href"]), page.base) if link is not None else None
    local = final.startswith("file:")
    rules = page.job.channel.html
    nearby = on_site(url or "", final, bool(rules and rules.subdomains))
    if url and url.startswith("http") and (local or nearby):
        return url
    return None if local else final


def _raw_entry(page: _Page, body: list[Any]) -> RawEntry:
    job = page.job
    title = _title(page, body)
    published = _published(page, body)
    images = _image(page, body)
    rules = job.channel.html
    for part in body:
        remove_noise(part, job.noise, rules.remove if rules else ())
    single = len(body) == 1
    html = "".join(p.decode_contents() if single else str(p) for p in body)
    tags = [
        str(m.get("content") or "")
        for m in head_of(page.soup).select('meta[property="article:tag"]', limit=20)
    ]
    return RawEntry(
        guid=page_guid(job.identity),
        link=_canonical(page),
        title=title,
        title_is_html=False,
        author=meta_content(page.soup, 'meta[name="author"]'),
        content_html=html,
        summary_html="",
        published=(published, None),
        updated=(meta_content(page.soup, *_MODIFIED_META), None),
        tags=tuple(t for t in tags if t),
        images=images,
        base=page.base,
    )


def read_article(job: ArticleJob) -> ArticleRead:
    """The article page as an entry, or None with the reason in the warnings."""
    soup = soup_of(job.result)
    page = _Page(job, soup, page_base(soup, job.result.final_url))
    body = _body(page)
    if not body:
        return ArticleRead(None, tuple(page.warnings), missing_body=True)
    raw = _raw_entry(page, body)
    entry = build_entry(raw, job.result.fetched_at, job.channel.category, job.file_root)
    if entry is None or not has_words(entry.body):
        what = "only photos, links or an embed" if entry and entry.body.strip() else ""
        page.warnings.append(
            f"{job.shown}: the article has no text"
            + (f" ({what}: a gallery?)" if what else "")
            + "; skipped"
        )
        return ArticleRead(None, tuple(page.warnings))
    if entry.date_note and entry.date_note.startswith("no date in the feed"):
        entry = replace(entry, date_note=_no_date_note(page))
    return ArticleRead(
        entry, tuple(page.warnings), missing_image="image" in page.missing
    )


def _no_date_note(page: _Page) -> str:
    if page.empty_date:
        where = f"the date element html.date {page.empty_date!r} is empty"
    else:
        where = "no date on the page"
    return f"{where}; using the time Pelita first saw it"


_MARKDOWN_MEDIA = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|<[^>]+>")
_WORD = re.compile(r"[^\W\d_]")


def has_words(markdown: str) -> bool:
    """Whether a Markdown body says something besides images and bare links.

    A photo gallery or an embed page converts to images and links only: as a
    post it would be an empty page with a title. Link text counts as text.
    """
    text = _MARKDOWN_MEDIA.sub(lambda m: m.group(1) or " ", markdown)
    return _WORD.search(text) is not None
