"""Which file an entry is: identity by GUID, else normalized link, else content.

The identity of an entry is its channel plus, in order of preference, its
GUID, its normalized link (lower-case host, no fragment, no ``utm_*``,
``fbclid``, ``gclid``; http and https the same; trailing slash and query order
ignored), or a hash of its title and text. A feed that gives the same GUID
to several items (some generators do) is switched to link identity, and the
switch is remembered for the channel. Keys are hashed, so any GUID (however
long or hostile) becomes a short, safe metadata value.

Issue-4 story grouping will live next to this (same-story detection across
channels); it needs the same normalized links.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pelita.importer.model import Entry

_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "yclid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
IDENTITY_GUID = "guid"
IDENTITY_LINK = "link"


def normalize_link(url: str | None) -> str | None:
    """The comparable form of an http(s) URL, or None for anything else."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if port and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _tracking(k)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, urlencode(query), ""))


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in _TRACKING_PARAMS


def without_tracking(url: str) -> str:
    """``url`` without ``utm_*``, ``fbclid``, ``gclid``... (for ``Source``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    kept = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not _tracking(k)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _digest(kind: str, value: str) -> str:
    return f"{kind}:{hashlib.sha256(value.encode('utf-8')).hexdigest()[:32]}"


def link_key(url: str | None) -> str | None:
    """The identity key of a link, or None when there is no usable link."""
    normalized = normalize_link(url)
    return _digest(IDENTITY_LINK, normalized) if normalized else None


def guid_key(guid: str | None) -> str | None:
    """The identity key of a GUID (a URL-shaped GUID is normalized like a link)."""
    if not guid or not guid.strip():
        return None
    value = guid.strip()
    return _digest(IDENTITY_GUID, normalize_link(value) or value)


def content_key(entry: Entry) -> str:
    """The identity key of an entry with neither GUID nor link."""
    return f"hash:{entry.content_hash[:32]}"


@dataclass(frozen=True)
class Identity:
    """An entry's identity key and, to find it again, its link key."""

    key: str
    link_key: str | None


def feed_mode(entries: Sequence[Entry], previous: str) -> str:
    """``link`` once a feed has reused a GUID for different items, else ``guid``."""
    if previous == IDENTITY_LINK:
        return IDENTITY_LINK
    guids = Counter(e.guid.strip() for e in entries if e.guid and e.guid.strip())
    reused = any(count > 1 for count in guids.values())
    return IDENTITY_LINK if reused else IDENTITY_GUID


def assign_identities(entries: Sequence[Entry], mode: str) -> list[Identity]:
    """One identity per entry; a link shared by several items is not used."""
    links = Counter(link_key(e.link) for e in entries)
    identities = []
    for entry in entries:
        link = link_key(entry.link)
        if links[link] > 1:
            link = None  # the feed links every item to one page
        guid = guid_key(entry.guid) if mode == IDENTITY_GUID else None
        identities.append(Identity(guid or link or content_key(entry), link))
    return identities
