"""Raw feed entries into clean ``Entry`` values: dates, HTML, Markdown, text.

This is the CPU-heavy part of an import (parse, sanitize, convert), written
as a pure function of a ``FeedJob`` so that it can run in worker processes
while the main process keeps fetching.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as htmlmod
import re
from dataclasses import dataclass, replace

from pelita.core.htmlsafety import html_to_text, plain_text
from pelita.importer.model import Channel, Entry, FeedDocument, FetchResult, MediaRef

from .clean import CleanHtml, absolute_url, clean_html
from .convert import html_to_markdown
from .dates import resolve_dates
from .identity import without_tracking
from .parse import parse_document
from .raw import RawEntry

MAX_TITLE = 200
MAX_SUMMARY = 300
MAX_TAGS = 10
_READ_MORE = re.compile(
    r"\s*(?:\[(?:…|\.\.\.|&hellip;)\]|(?:Baca|Read) (?:selengkapnya|more)\W*)\s*$",
    re.IGNORECASE,
)
_APPEARED_FIRST = re.compile(r"\s*The post .{1,400} appeared first on .{1,200}$")
# WordPress (Yoast) appends "The post X appeared first on Y." to feed items.
_APPEARED_FIRST_HTML = re.compile(
    r"<p>The post <a [^>]*>.{0,400}?</a> appeared first on "
    r"<a [^>]*>.{0,200}?</a>\.</p>\s*$",
    re.DOTALL,
)
_LEADING_IMAGE = re.compile(
    r'\s*(?:<(?:figure|p)>\s*)?(?P<img><img src="(?P<src>[^"]*)"[^>]*>)'
)
_JUNK_TAGS = frozenset({"uncategorized", "tak berkategori", "tidak berkategori"})


@dataclass(frozen=True)
class FeedJob:
    """What a worker needs to turn fetched bytes into entries."""

    channel: Channel
    result: FetchResult
    max_entries: int = 200
    file_root: str | None = None


def _summary_text(raw: RawEntry, body_text: str) -> str:
    source = html_to_text(raw.summary_html) if raw.summary_html else body_text
    source = _APPEARED_FIRST.sub("", source)
    return plain_text(_READ_MORE.sub("", source), MAX_SUMMARY)


def _title(raw: RawEntry, body_text: str) -> str:
    text = html_to_text(raw.title) if raw.title_is_html else raw.title
    return plain_text(text, MAX_TITLE) or plain_text(body_text, 80) or "Tanpa judul"


def _tags(raw: RawEntry, category: str | None) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for tag in raw.tags:
        clean = plain_text(tag.replace(",", " ").replace(";", " "), 60)
        key = clean.casefold()
        if clean and key not in _JUNK_TAGS and key != (category or "").casefold():
            seen.setdefault(key, clean)
    return tuple(seen.values())[:MAX_TAGS]


def _featured(
    raw: RawEntry, body_images: tuple[MediaRef, ...], root: str | None
) -> MediaRef | None:
    """The featured image: media:content, enclosure, thumbnail, else the body's.

    Its alt text comes from the body when the body shows the same image.
    """
    alts = {image.url: image.alt for image in body_images}
    for candidate in raw.images:
        url = absolute_url(candidate.url, raw.base, root)
        if url:
            return MediaRef(url, candidate.alt or alts.get(url, ""))
    return body_images[0] if body_images else None


def _without_leading_image(html: str, image: MediaRef | None) -> str:
    """Drop the featured image from the top of the body (the page shows it)."""
    if image is None:
        return html
    match = _LEADING_IMAGE.match(html)
    if match and htmlmod.unescape(match.group("src")) == image.url:
        return html[: match.start("img")] + html[match.end("img") :]
    return html


def _entry_image(
    raw: RawEntry, cleaned: CleanHtml, title: str, root: str | None
) -> MediaRef | None:
    image = _featured(raw, cleaned.images, root)
    if image is None and raw.video_id:
        image = MediaRef(f"https://i.ytimg.com/vi/{raw.video_id}/hqdefault.jpg")
    if image is None:
        return None
    return MediaRef(image.url, plain_text(image.alt, 200) or title)


def _link(raw: RawEntry) -> str | None:
    link = absolute_url(raw.link or "", raw.base)
    if link and link.startswith(("http://", "https://")):
        return without_tracking(link)
    return None


def build_entry(
    raw: RawEntry,
    fetched_at: dt.datetime,
    category: str | None = None,
    file_root: str | None = None,
) -> Entry | None:
    """One clean entry, or None when the item holds nothing to publish."""
    cleaned = clean_html(raw.content_html or raw.summary_html, raw.base, file_root)
    cleaned = replace(cleaned, html=_APPEARED_FIRST_HTML.sub("", cleaned.html))
    body_text = html_to_text(cleaned.html)
    link = _link(raw)
    if not (body_text or raw.title.strip() or link or raw.video_id):
        return None
    dates = resolve_dates(raw.published, raw.updated, fetched_at)
    title = _title(raw, body_text)
    image = _entry_image(raw, cleaned, title, file_root)
    video = raw.video_id
    return Entry(
        title=title,
        body=html_to_markdown(_without_leading_image(cleaned.html, image)),
        summary=_summary_text(raw, body_text),
        guid=(raw.guid or "").strip() or None,
        link=link,
        author=plain_text(raw.author, 100) or None,
        published=dates.published,
        updated=dates.updated,
        date_note=dates.note,
        date_is_fallback=dates.note is not None or dates.approximate,
        tags=_tags(raw, category),
        image=image,
        video_url=f"https://www.youtube.com/watch?v={video}" if video else None,
        content_hash=hashlib.sha256(f"{title}\n{body_text}".encode()).hexdigest(),
    )


def process_feed(job: FeedJob) -> FeedDocument:
    """Parse a fetched feed and clean every entry (runs in a worker process)."""
    raw = parse_document(job.result)
    warnings = list(raw.warnings)
    entries = []
    for item in raw.entries[: job.max_entries]:
        try:
            entry = build_entry(
                item, job.result.fetched_at, job.channel.category, job.file_root
            )
        except Exception as exc:
            warnings.append(f"item {plain_text(item.title, 60)!r} skipped: {exc!r}")
            continue
        if entry is not None:
            entries.append(entry)
    return FeedDocument(
        version=raw.version,
        title=plain_text(raw.title, 200),
        link=raw.link,
        entries=tuple(entries),
        warnings=tuple(warnings),
        skipped=len(raw.entries) - len(entries),
    )
