"""JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), which feedparser lacks.

Items become the same ``RawEntry`` as RSS and Atom items, so they go through
the same dates, cleaning, identity and writing.
"""

from __future__ import annotations

import json
from typing import Any

from pelita.importer.errors import FeedError
from pelita.importer.model import MediaRef

from .raw import RawEntry, RawFeed, entry_base, text_to_html

_JSON_TYPES = ("application/feed+json", "application/json", "text/json")


def looks_like_json(body: bytes, content_type: str | None) -> bool:
    """A JSON Feed by its type, or by its first character."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in _JSON_TYPES:
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _author(item: dict, feed: dict) -> str | None:
    authors = item.get("authors") or feed.get("authors") or []
    single = item.get("author") or feed.get("author")  # JSON Feed 1.0
    if isinstance(single, dict):
        authors = [single, *authors]
    names = [_text(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n) or None


def _images(item: dict) -> tuple[MediaRef, ...]:
    found = [_text(item.get("image")), _text(item.get("banner_image"))]
    for attachment in item.get("attachments") or []:
        if isinstance(attachment, dict) and _text(
            attachment.get("mime_type")
        ).startswith("image/"):
            found.append(_text(attachment.get("url")))
    return tuple(MediaRef(url) for url in found if url)


def _item(item: dict, feed: dict, feed_url: str) -> RawEntry:
    html = _text(item.get("content_html"))
    if not html and item.get("content_text"):
        html = text_to_html(_text(item.get("content_text")))
    published = _text(item.get("date_published")) or None
    updated = _text(item.get("date_modified")) or None
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    link = _text(item.get("url")) or _text(item.get("external_url")) or None
    guid = item.get("id")
    return RawEntry(
        guid=str(guid) if isinstance(guid, str | int) else None,
        link=link,
        title=_text(item.get("title")),
        title_is_html=False,
        author=_author(item, feed),
        content_html=html,
        summary_html=_text(item.get("summary")),
        published=(published, None),
        updated=(updated, None),
        tags=tuple(t for t in tags if isinstance(t, str)),
        images=_images(item),
        base=entry_base(link, link, feed_url),  # relative to the item's url
    )


def parse_json_feed(body: bytes, feed_url: str) -> RawFeed:
    """Items of a JSON Feed; ``FeedError`` when it is not one."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FeedError(f"not a feed: invalid JSON ({exc})") from exc
    version = _text(data.get("version")) if isinstance(data, dict) else ""
    if "jsonfeed.org/version/" not in version or not isinstance(
        data.get("items"), list
    ):
        raise FeedError(
            "not a feed: JSON without a JSON Feed 'version' and 'items' "
            "(https://jsonfeed.org/version/1.1)"
        )
    items = [i for i in data["items"] if isinstance(i, dict)]
    return RawFeed(
        version="json" + version.rstrip("/").rsplit("/", 1)[-1].replace(".", ""),
        title=_text(data.get("title")),
        link=_text(data.get("home_page_url")) or None,
        entries=tuple(_item(item, data, feed_url) for item in items),
    )
