"""Entries as a feed gives them, before dates, cleaning and conversion.

RSS/Atom (``parse``) and JSON Feed (``jsonfeed``) both produce these.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass

from pelita.importer.model import MediaRef


@dataclass(frozen=True)
class RawEntry:
    """An entry as the feed gave it, before dates, cleaning and conversion."""

    guid: str | None
    link: str | None
    title: str
    title_is_html: bool
    author: str | None
    content_html: str
    summary_html: str
    published: tuple[str | None, time.struct_time | None]
    updated: tuple[str | None, time.struct_time | None]
    tags: tuple[str, ...]
    images: tuple[MediaRef, ...]
    base: str | None
    video_id: str | None = None


@dataclass(frozen=True)
class RawFeed:
    """A parsed feed: its kind (``rss20``, ``atom10``, ``json11``...) and entries."""

    version: str
    title: str
    link: str | None
    entries: tuple[RawEntry, ...]
    warnings: tuple[str, ...] = ()


def text_to_html(text: str) -> str:
    """Plain text as HTML paragraphs, its web addresses made links.

    For a video's description or a JSON Feed's ``content_text``.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    linked = (
        re.sub(
            r"(https?://[^\s<>\"']+)",
            r'<a href="\1">\1</a>',
            html.escape(p),
        ).replace("\n", "<br>")
        for p in paragraphs
    )
    return "".join(f"<p>{p}</p>" for p in linked)


def entry_base(declared: str | None, link: str | None, final_url: str) -> str:
    """Where the entry's relative URLs point: xml:base or the feed's address.

    A local demo feed resolves against its own file (feedparser drops the
    ``file:`` scheme's empty host).
    """
    if final_url.startswith("file:"):
        return final_url
    return declared or final_url or link or ""
