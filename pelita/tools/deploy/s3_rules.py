"""Content types and cache headers for the objects of a static site.

Object storage serves whatever ``Content-Type`` and ``Cache-Control`` an
object was uploaded with, so they are decided here, per key:

- ``html``: pages, short and revalidated, so a fix shows up within minutes;
- ``data``: feeds, sitemaps, JSON, robots.txt, the unversioned parts of the
  Pagefind index and unfingerprinted CSS/JS: short, because pages and feed
  readers depend on them being current;
- ``immutable``: fingerprinted files (a content hash in the name, as Pagefind
  and the importer's images have): cached for a year, never revalidated;
- ``default``: everything else (images, fonts, media): a day.
"""

from __future__ import annotations

import fnmatch
import mimetypes
import re
from collections.abc import Sequence

TEXT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".xsl": "application/xslt+xml",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".md": "text/markdown",
    ".csv": "text/csv",
    ".geojson": "application/geo+json",
}
BINARY_TYPES = {
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".wasm": "application/wasm",
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    # Pagefind's index files are compressed by Pagefind itself and decoded by
    # its script: they must be served as plain bytes, without Content-Encoding.
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}
FEED_TYPES = {".atom.xml": "application/atom+xml", ".rss.xml": "application/rss+xml"}

DATA_SUFFIXES = (".xml", ".json", ".txt", ".webmanifest", ".xsl", ".geojson")
SCRIPT_SUFFIXES = (".css", ".js", ".mjs")
HTML_SUFFIXES = (".html", ".htm")
# Pagefind names its index chunks by their content hash (``id_5332878``).
PAGEFIND_HASHED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
# A name part of 8+ hex digits with letters and digits in it: a content hash.
_HASH_PART = re.compile(r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}")
_NAME_PARTS = re.compile(r"[._-]")


def content_type(key: str) -> str:
    """The ``Content-Type`` for an object key (charset for text)."""
    lower = key.lower()
    for suffix, kind in FEED_TYPES.items():
        if lower.endswith(suffix):
            return f"{kind}; charset=utf-8"
    suffix = "." + lower.rpartition(".")[2] if "." in lower.rpartition("/")[2] else ""
    if suffix in TEXT_TYPES:
        return f"{TEXT_TYPES[suffix]}; charset=utf-8"
    if suffix in BINARY_TYPES:
        return BINARY_TYPES[suffix]
    guessed, _encoding = mimetypes.guess_type(key, strict=False)
    return guessed or "application/octet-stream"


def is_compressible(key: str) -> bool:
    """True for text (pages, styles, scripts, feeds, data, SVG): stored gzipped.

    Object storage serves an object's bytes as they are, so text is sent
    compressed only when it was uploaded compressed. Pagefind's index chunks
    and images are compressed already and stay as they are.
    """
    lower = key.lower()
    if lower.endswith(tuple(FEED_TYPES)):
        return True
    name = lower.rpartition("/")[2]
    return "." in name and "." + name.rpartition(".")[2] in TEXT_TYPES


def is_html(key: str) -> bool:
    """True for pages (uploaded last, cached briefly)."""
    return key.lower().endswith(HTML_SUFFIXES)


def is_fingerprinted(key: str, patterns: Sequence[str] = ()) -> bool:
    """True when the name carries a content hash (or matches ``patterns``)."""
    if any(fnmatch.fnmatchcase(key, pattern) for pattern in patterns):
        return True
    if key.lower().endswith(PAGEFIND_HASHED):
        return True
    name = key.rpartition("/")[2].lower()
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return any(_HASH_PART.fullmatch(part) for part in _NAME_PARTS.split(stem))


def cache_class(key: str, patterns: Sequence[str] = ()) -> str:
    """``html``, ``data``, ``immutable`` or ``default`` (see the module's doc)."""
    lower = key.lower()
    if is_html(lower):
        return "html"
    if is_fingerprinted(key, patterns):
        return "immutable"
    if lower.endswith(DATA_SUFFIXES + SCRIPT_SUFFIXES) or _is_pagefind(lower):
        return "data"
    return "default"


def _is_pagefind(lower: str) -> bool:
    return lower.startswith("pagefind/") or "/pagefind/" in lower
