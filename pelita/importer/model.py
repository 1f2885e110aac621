"""The frozen dataclasses that travel between the importer's stages.

``Channel`` (registry) -> ``FetchResult`` (fetch) -> ``FeedDocument`` of
``Entry`` (parse, dates, clean, convert) -> ``Post`` (identity, metadata)
-> a file (write). Every stage takes and returns these, never loose dicts,
so a stage can be tested alone and run in a worker process (they pickle).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# What the importer does with a channel's images: download them (re-encoded,
# stored under content/images/imported/) or keep their https URLs.
IMAGE_MODES = ("download", "remote")


@dataclass(frozen=True)
class HtmlRules:
    """The CSS selectors of an HTML channel (``registry.htmlrules`` checks them)."""

    items: str
    body: str
    next: str | None = None
    max_pages: int = 1
    title: str | None = None
    date: str | None = None
    image: str | None = None
    remove: tuple[str, ...] = ()
    subdomains: bool = False  # follow links to sibling subdomains of the site


@dataclass(frozen=True)
class Channel:
    """One channel of the registry; names are the registries' official ones."""

    id: str
    name: str
    kind: str
    url: str
    kecamatan: str | None = None
    kelurahan: str | None = None
    opd: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    enabled: bool = True
    note: str | None = None
    images: str = IMAGE_MODES[0]
    format: str = "feed"
    html: HtmlRules | None = None
    website: str | None = None  # the channel's public site, when not the feed's

    @property
    def is_local(self) -> bool:
        """A feed file next to the registry (the offline demo), not a URL."""
        return "://" not in self.url


@dataclass(frozen=True)
class Validators:
    """What a conditional GET sends back: the last ``ETag``/``Last-Modified``."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """One fetched document: the bytes after decompression, and how they came."""

    url: str
    final_url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    fetched_at: dt.datetime
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    seconds: float = 0.0

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (case-insensitive), if any."""
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)


@dataclass(frozen=True)
class MediaRef:
    """An image the entry points to: its URL and its alternative text."""

    url: str
    alt: str = ""


@dataclass(frozen=True)
class Entry:
    """One feed item, cleaned: plain-text fields, a Markdown body, aware dates.

    ``date_note`` says why ``published`` is not the feed's own date (it is
    reported) and ``date_is_fallback`` marks such a date (first seen, or
    clamped), which a re-run must not treat as a change; ``image`` is the
    featured image and ``video_url`` the watch URL of a video entry.
    """

    title: str
    body: str
    summary: str
    guid: str | None = None
    link: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    date_note: str | None = None
    date_is_fallback: bool = False
    tags: tuple[str, ...] = ()
    image: MediaRef | None = None
    video_url: str | None = None
    content_hash: str = ""


@dataclass(frozen=True)
class FeedDocument:
    """A parsed feed: its entries, newest first as the feed lists them."""

    version: str
    title: str
    link: str | None
    entries: tuple[Entry, ...]
    warnings: tuple[str, ...] = ()
    skipped: int = 0


@dataclass(frozen=True)
class Post:
    """A Markdown file to write: where, with which metadata, and the body."""

    channel_id: str
    identity: str
    path: str  # relative to the importer's content directory, "/"-separated
    slug: str
    metadata: tuple[tuple[str, str], ...]
    body: str
    link_key: str | None = None
