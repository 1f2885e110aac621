"""Read a fetched document into raw entries: RSS 0.9x/1.0/2.0, Atom, JSON Feed.

feedparser gets the bytes with the response headers and the final URL, so
the declared encoding (windows-1252, UTF-16, ...) and relative URLs resolve
as the server meant them; its own sanitizer and URL rewriting are off
because ``clean`` does both (and feedparser's are slow). A 200 response that
is an HTML page is reported as such, in plain words.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from pelita.importer.errors import FeedError
from pelita.importer.fetching.sniff import is_html_page
from pelita.importer.model import FetchResult, MediaRef

from .jsonfeed import looks_like_json, parse_json_feed
from .raw import RawEntry, RawFeed, entry_base, text_to_html

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def _feed_homepage(result: FetchResult) -> str:
    parts = urlsplit(result.final_url)
    if parts.scheme in ("http", "https"):
        return f"{parts.scheme}://{parts.netloc}/feed/"
    return "https://<site>/feed/"


def check_not_html(result: FetchResult) -> None:
    """Refuse a web page served where a feed was expected."""
    if is_html_page(result):
        raise FeedError(
            "the address returned a web page (HTML), not a feed; point the "
            "channel's url at the feed itself (for a WordPress site usually "
            f"{_feed_homepage(result)})"
        )


def _document_url(result: FetchResult) -> str:
    """The document's own address: ``Content-Location`` if the server gives it."""
    location = result.header("content-location")
    if location and not result.final_url.startswith("file:"):
        return urljoin(result.final_url, location)
    return result.final_url


def _headers(result: FetchResult) -> dict[str, str]:
    headers = {k.lower(): v for k, v in result.headers}
    headers.setdefault("content-location", result.final_url)
    headers.setdefault("content-type", "application/xml")
    return headers


def parse_document(result: FetchResult) -> RawFeed:
    """The feed in ``result``; ``FeedError`` when it is not a usable feed."""
    if not result.body.strip():
        raise FeedError("the server sent an empty document instead of a feed")
    check_not_html(result)
    if looks_like_json(result.body, result.header("content-type")):
        return parse_json_feed(result.body, _document_url(result))
    parsed = feedparser.parse(
        result.body,
        response_headers=_headers(result),
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no RSS, Atom or JSON Feed found"
        raise FeedError(f"not a feed: {problem}")
    warnings = ()
    if parsed.get("bozo") and parsed.entries:
        warnings = (f"feed is not well-formed ({parsed.get('bozo_exception')})",)
    feed = parsed.get("feed", {})
    return RawFeed(
        version=parsed.get("version") or "unknown",
        title=str(feed.get("title", "")),
        link=feed.get("link"),
        entries=tuple(_raw_entry(e, result.final_url) for e in parsed.entries),
        warnings=warnings,
    )


def _best_content(entry: Any) -> tuple[str, str | None]:
    """The fullest HTML body (``content:encoded``, Atom content) and its base."""
    contents = [c for c in entry.get("content", []) if c.get("value")]
    if not contents:
        return "", None
    html_first = sorted(
        contents, key=lambda c: ("html" not in c.get("type", ""), -len(c["value"]))
    )
    best = html_first[0]
    value = best["value"]
    if best.get("type") == "text/plain":
        value = text_to_html(value)
    return value, best.get("base")


def _images(entry: Any) -> tuple[MediaRef, ...]:
    """Featured-image candidates: media:content, enclosures, media:thumbnail."""
    found = []
    for media in entry.get("media_content", []):
        medium, kind = media.get("medium", ""), media.get("type", "")
        if media.get("url") and (medium == "image" or kind.startswith("image/")):
            found.append(MediaRef(media["url"]))
    for link in entry.get("links", []):
        is_image = link.get("type", "").startswith("image/")
        if link.get("rel") == "enclosure" and is_image:
            found.append(MediaRef(link.get("href", "")))
    thumbnails = entry.get("media_thumbnail", [])
    found.extend(MediaRef(t["url"]) for t in thumbnails if t.get("url"))
    return tuple(m for m in found if m.url)


def _author(entry: Any) -> str | None:
    name = entry.get("author_detail", {}).get("name") or entry.get("author")
    if not name:
        return None
    match = re.match(r"^\S+@\S+\s+\((.+)\)$", name.strip())
    return match.group(1) if match else name


def _raw_entry(entry: Any, final_url: str) -> RawEntry:
    content, base = _best_content(entry)
    summary = entry.get("summary", "")
    video = entry.get("yt_videoid")
    video_id = video if video and _YOUTUBE_ID.match(video) else None
    if video_id and not content:
        content, summary = text_to_html(summary), ""
    title_type = entry.get("title_detail", {}).get("type", "text/plain")
    link = entry.get("link")
    return RawEntry(
        guid=entry.get("id"),
        link=link,
        title=entry.get("title", ""),
        title_is_html="html" in title_type,
        author=_author(entry),
        content_html=content,
        summary_html=summary if summary != content else "",
        published=(entry.get("published"), entry.get("published_parsed")),
        # dict.get: feedparser's own get maps a missing "updated" to
        # "published" with a DeprecationWarning.
        updated=(dict.get(entry, "updated"), dict.get(entry, "updated_parsed")),
        tags=tuple(
            t.get("label") or t.get("term") or "" for t in entry.get("tags", [])
        ),
        images=_images(entry),
        base=entry_base(
            base or entry.get("summary_detail", {}).get("base"), link, final_url
        ),
        video_id=video_id,
    )
