"""Which file an entry is: identity by GUID, else normalized link, else content.

The identity of an entry is its channel plus, in order of preference, its
GUID, its normalized link (lower-case host, no fragment, no ``utm_*``,
``fbclid``, ``gclid``; http and https the same; trailing slash and query order
ignored), or a hash of its title and text. A GUID is an opaque string and is
compared exactly, even when it looks like a URL: the RSS 2.0 specification's
own sample tells nine items apart by their ``#fragment`` alone. Only links
are normalized.

A feed that lists one item twice (same GUID, same link: an update appended
instead of replaced) gives one entry, its newest version. A feed that gives
the same GUID to different items (some generators do) is switched to link
identity, and the switch is remembered for the channel. Keys are hashed, so
any GUID (however long or hostile) becomes a short, safe metadata value.

Files imported before GUIDs were compared exactly carry the key of the
normalized GUID (``legacy_guid_key``); an entry that finds no file by its
own key looks for that one, so no post is imported twice.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote_plus, urlencode, urlsplit, urlunsplit

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
    """``url`` without ``utm_*``, ``fbclid``, ``gclid``... (for ``Source``).

    Only those parameters go: the rest of the address stays byte for byte
    (``?SandBox`` keeps its missing ``=``, ``?foo=1:2`` its colon, the order
    and the separators their places), because many CMS and wiki links mean
    something only as written.
    """
    head, hash_mark, fragment = url.partition("#")
    path, question_mark, query = head.partition("?")
    if not question_mark or not query:
        return url
    pieces = query.split("&")
    kept = [piece for piece in pieces if not _tracking(_param_name(piece))]
    if len(kept) == len(pieces):
        return url
    rest = "&".join(kept)
    return f"{path}{'?' if rest else ''}{rest}{hash_mark}{fragment}"


def _param_name(piece: str) -> str:
    return unquote_plus(piece.partition("=")[0])


def _digest(kind: str, value: str) -> str:
    return f"{kind}:{hashlib.sha256(value.encode('utf-8')).hexdigest()[:32]}"


def link_key(url: str | None) -> str | None:
    """The identity key of a link, or None when there is no usable link."""
    normalized = normalize_link(url)
    return _digest(IDENTITY_LINK, normalized) if normalized else None


def guid_key(guid: str | None) -> str | None:
    """The identity key of a GUID: the exact string, only its ends stripped."""
    if not guid or not guid.strip():
        return None
    return _digest(IDENTITY_GUID, guid.strip())


def legacy_guid_key(guid: str | None) -> str | None:
    """The key older imports gave a URL-shaped GUID (normalized like a link).

    None when it is the same as ``guid_key`` (a GUID that is not a URL).
    """
    if not guid or not guid.strip():
        return None
    value = guid.strip()
    normalized = normalize_link(value)
    return _digest(IDENTITY_GUID, normalized) if normalized else None


def page_guid(url: str) -> str:
    """The GUID of an article page of an HTML channel: its normalized address.

    The address is a link, so it is normalized (a page linked once with
    ``utm_*`` and once without is one entry).
    """
    return normalize_link(url) or url.strip()


def page_key(url: str) -> str:
    """The identity key of an article page (the key of its ``page_guid``)."""
    return _digest(IDENTITY_GUID, page_guid(url))


def content_key(entry: Entry) -> str:
    """The identity key of an entry with neither GUID nor link."""
    return f"hash:{entry.content_hash[:32]}"


@dataclass(frozen=True)
class Identity:
    """An entry's identity key and, to find it again, its link key.

    ``legacy`` is the key an older import may have given the same entry
    (see ``legacy_guid_key``), or None.
    """

    key: str
    link_key: str | None
    legacy: str | None = None


def _newest_first(entry: Entry) -> tuple[float, float]:
    """Sort key: the latest update (else publication) first."""
    updated = entry.updated or entry.published
    stamp = updated.timestamp() if updated else float("-inf")
    return -stamp, -_published(entry)


def drop_repeats(entries: Sequence[Entry]) -> tuple[list[Entry], int]:
    """Entries with one item listed once; how many repeats were dropped.

    A repeat has the GUID and the (normalized) link of another item, or, with
    no link, its GUID and its content. The newest version is kept, in the
    place of the item's first listing; a GUID shared by items with different
    links is left alone (``feed_mode`` handles that).
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for index, entry in enumerate(entries):
        guid = (entry.guid or "").strip()
        if not guid:
            continue
        second = normalize_link(entry.link) or f"hash:{entry.content_hash}"
        groups.setdefault((guid, second), []).append(index)
    newest_at: dict[int, Entry] = {}
    dropped: set[int] = set()
    for indexes in groups.values():
        if len(indexes) > 1:
            newest = min(indexes, key=lambda i: (_newest_first(entries[i]), i))
            newest_at[indexes[0]] = entries[newest]
            dropped.update(indexes[1:])
    kept = [newest_at.get(i, e) for i, e in enumerate(entries) if i not in dropped]
    return kept, len(dropped)


def feed_mode(entries: Sequence[Entry], previous: str) -> str:
    """``link`` once a feed has reused a GUID for different items, else ``guid``."""
    if previous == IDENTITY_LINK:
        return IDENTITY_LINK
    guids = Counter(e.guid.strip() for e in entries if e.guid and e.guid.strip())
    reused = any(count > 1 for count in guids.values())
    return IDENTITY_LINK if reused else IDENTITY_GUID


def assign_identities(entries: Sequence[Entry], mode: str) -> list[Identity]:
    """One identity per entry; a link shared by several items is not used.

    Where several entries share a legacy key (GUIDs that differ only in what
    normalizing dropped, such as the fragment), only the newest may claim
    the file an older import wrote for them all: its text is that file's.
    """
    links = Counter(link_key(e.link) for e in entries)
    legacies = _legacy_keys(entries) if mode == IDENTITY_GUID else {}
    identities = []
    for index, entry in enumerate(entries):
        link = link_key(entry.link)
        if links[link] > 1:
            link = None  # the feed links every item to one page
        guid = guid_key(entry.guid) if mode == IDENTITY_GUID else None
        key = guid or link or content_key(entry)
        identities.append(Identity(key, link, legacies.get(index)))
    return identities


def _legacy_keys(entries: Sequence[Entry]) -> dict[int, str]:
    """Entry index -> the legacy key it may claim (the newest of a group)."""
    groups: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        legacy = legacy_guid_key(entry.guid)
        if legacy is not None and legacy != guid_key(entry.guid):
            groups.setdefault(legacy, []).append(index)
    claims = {}
    for legacy, indexes in groups.items():
        # The older import wrote them oldest first, each over the last: the
        # file holds the text of the latest published (the last listed of
        # equals).
        last = max(indexes, key=lambda i: (_published(entries[i]), i))
        claims[last] = legacy
    return claims


def _published(entry: Entry) -> float:
    return entry.published.timestamp() if entry.published else float("-inf")
