"""Tell a web page from a feed by its first bytes and its Content-Type.

Light on purpose (no parser loaded): the runner asks it before deciding to
look for a site's feed, and ``feeds.parse`` asks it before handing bytes to
feedparser.
"""

from __future__ import annotations

import re

from pelita.importer.model import FetchResult

_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
# A feed served as text/html (a misconfigured server) is still a feed.
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:RDF", b"<?xml")
_JSON_FEED = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')


def is_html_page(result: FetchResult) -> bool:
    """Whether the fetched document is a web page rather than a feed."""
    content_type = (result.header("content-type") or "").lower()
    head = result.body[:2048]
    looks_like_feed = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") or any(
        marker in head for marker in _FEED_MARKERS
    )
    return bool(_HTML_START.match(head)) or (
        "html" in content_type and not looks_like_feed
    )


def looks_like_feed(result: FetchResult) -> bool:
    """Whether the document is plausibly RSS, Atom, RDF or JSON Feed."""
    head = result.body[:4096]
    if is_html_page(result) or not head.strip():
        return False
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return bool(_JSON_FEED.search(head))
    return any(marker in head for marker in (b"<rss", b"<feed", b"<rdf:RDF"))
