"""The channel registry (``data/channels.yml``): one strict reader for every user.

The importer fetches the enabled channels; the kecamatan, kelurahan and OPD
pages list them; provenance names them; ``/kanal/`` reports their health;
``invoke check`` checks the file. All of them read it here, so a channel is
spelled, validated, enabled and linked the same way everywhere.

Admins edit the file by hand, so every mistake is reported at once, each with
the file and line, the channel, the field, the value, and the allowed values
or the closest valid name. A channel with a problem is left out of
:attr:`ChannelRegistry.channels`; the rest stay usable, so one bad entry
never empties a page (the importer still refuses to run on any problem).

Results are cached until the registry, gazetteer or OPD file changes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import yaml

from pelita.core.settings import IMPORTER, merge_settings

from . import channelfields as checks
from .channelfields import ChannelContext, Report
from .errors import RegistryError
from .filecache import cached_by_file_time
from .gazetteer import load_gazetteer
from .names import closest
from .opd import load_opd
from .paths import registry_paths
from .yamltext import SAFE_LOADER

logger = logging.getLogger(__name__)

# Every key a channel may have, with what it means (README's "Channels").
FIELDS: dict[str, str] = {
    "id": "unique slug; posts go to content/imported/<id>/",
    "name": "the channel's public name",
    "kind": "opd | kecamatan | kelurahan | media",
    "url": "the feed (RSS, Atom, JSON Feed) or, with format html, the listing page",
    "website": "the channel's public site, when it is not the feed's site",
    "kecamatan": "a kecamatan of the gazetteer (kinds kecamatan and kelurahan)",
    "kelurahan": "a kelurahan of the gazetteer (kind kelurahan)",
    "opd": "an OPD id of the OPD registry",
    "category": "default category of the channel's posts",
    "tags": "topics added to every post",
    "enabled": "false keeps the channel listed ('belum aktif') but not imported",
    "note": "free text for people",
    "format": "feed | html (a site without a feed, read with `html:` selectors)",
    # Fetch fields: the importer checks their values (pelita.importer.registry).
    "images": "download | remote",
    "html": "the CSS selectors of a channel without a feed",
}
FETCH_FIELDS = ("images", "html")
# Keys people write for a field under another name (older readers took some).
_SYNONYMS = {
    "homepage": "website",
    "site": "website",
    "link": "website",
    "web": "website",
    "feed": "url",
    "rss": "url",
    "aktif": "enabled",
    "nama": "name",
    "jenis": "kind",
    "kategori": "category",
    "catatan": "note",
}
_TEXT_FIELDS = tuple(f for f in FIELDS if f not in ("tags", "enabled", "html"))
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_ID = 64
_FEED_SUFFIX = re.compile(r"(?:feed|rss|atom)(?:\.xml|\.json)?/?$", re.IGNORECASE)
LINE = "__line__"

# fetch_check(raw, report) -> the importer's fetch options of one channel;
# ``report`` is a ChannelReporter.
FetchCheck = Callable[[dict[str, Any], Any], Any]


@dataclass(frozen=True)
class ChannelProblem:
    """One mistake in the registry, located."""

    path: Path
    line: int
    channel: str | None
    field: str
    message: str

    def __str__(self) -> str:
        who = f"channel {self.channel!r}: " if self.channel else ""
        return f"{self.path}:{self.line}: {who}field {self.field!r}: {self.message}"


@dataclass(frozen=True)
class ChannelRecord:
    """One valid channel; places and OPD carry the registries' official names."""

    id: str
    name: str
    kind: str
    url: str
    line: int
    kecamatan: str | None = None
    kecamatan_kode: str | None = None
    kelurahan: str | None = None
    kelurahan_kode: str | None = None
    opd: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    enabled: bool = True
    note: str | None = None
    website: str | None = None
    format: str = "feed"
    # What the importer's fetch check returned (None for other readers).
    fetch: Any = field(default=None, compare=False, repr=False)

    @property
    def is_local(self) -> bool:
        """A feed file next to the registry (the offline demo), not a URL."""
        return bool(self.url) and "://" not in self.url

    @property
    def homepage(self) -> str | None:
        """Where a reader visits the channel: its declared site, else its feed's.

        ``website`` when the registry gives one; else the page a feed address
        belongs to (``.../feed/`` -> ``.../``, a YouTube feed -> the YouTube
        channel), the listing page of an HTML channel, or the feed's host.
        A demo feed file has no site.
        """
        if self.website:
            return self.website
        if not self.url or self.is_local:
            return None
        parts = urlsplit(self.url)
        if parts.hostname and parts.hostname.endswith("youtube.com"):
            ids = parse_qs(parts.query).get("channel_id")
            if ids:
                return f"https://www.youtube.com/channel/{ids[0]}"
        if self.format == "html":
            return self.url
        path = parts.path
        if _FEED_SUFFIX.search(path):
            path = _FEED_SUFFIX.sub("", path)
        elif self.url and not path.endswith("/"):
            path = "/"
        return f"{parts.scheme}://{parts.netloc}{path or '/'}"


@dataclass(frozen=True)
class ChannelRegistry:
    """Every valid channel of one file, the problems of the others, and views."""

    path: Path
    channels: tuple[ChannelRecord, ...]
    problems: tuple[ChannelProblem, ...] = ()

    def get(self, ident: str) -> ChannelRecord | None:
        """The channel with id ``ident``."""
        return next((c for c in self.channels if c.id == ident), None)

    @property
    def enabled(self) -> tuple[ChannelRecord, ...]:
        """The channels the importer fetches."""
        return tuple(c for c in self.channels if c.enabled)

    @property
    def disabled(self) -> tuple[ChannelRecord, ...]:
        """Listed channels not imported yet ("belum aktif" on the pages)."""
        return tuple(c for c in self.channels if not c.enabled)

    def names(self) -> dict[str, str]:
        """Channel id -> public name."""
        return {c.id: c.name for c in self.channels}

    def by_kecamatan(self) -> dict[str, tuple[ChannelRecord, ...]]:
        """Kemendagri code of a kecamatan -> its channels (kelurahan ones too)."""
        return _group(self.channels, lambda c: c.kecamatan_kode)

    def by_kelurahan(self) -> dict[str, tuple[ChannelRecord, ...]]:
        """Kemendagri code of a kelurahan -> its channels."""
        return _group(self.channels, lambda c: c.kelurahan_kode)

    def by_opd(self) -> dict[str, tuple[ChannelRecord, ...]]:
        """OPD id -> its channels."""
        return _group(self.channels, lambda c: c.opd)

    def raise_if_any(self, limit: int = 30) -> None:
        """Raise one :class:`RegistryError` listing every problem (``limit`` shown)."""
        if not self.problems:
            return
        shown = [str(p) for p in self.problems[:limit]]
        more = len(self.problems) - len(shown)
        tail = f"\n... and {more} more" if more > 0 else ""
        raise RegistryError(
            f"the channel registry has {len(self.problems)} error(s):\n"
            + "\n".join(shown)
            + tail
        )


def _group(
    channels: tuple[ChannelRecord, ...], key: Callable[[ChannelRecord], str | None]
) -> dict[str, tuple[ChannelRecord, ...]]:
    groups: dict[str, tuple[ChannelRecord, ...]] = {}
    for channel in channels:
        value = key(channel)
        if value:
            groups[value] = (*groups.get(value, ()), channel)
    return groups


class _LineLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """Safe YAML that remembers the line each mapping starts on."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def read_registry_file(path: Path) -> list[dict[str, Any]]:
    """The registry's channel mappings, each with its line under ``__line__``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RegistryError(f"{path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot be read: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise RegistryError(f"{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("channels"), list):
        raise RegistryError(
            f"{path}:1: expected a mapping with a 'channels:' list at the top"
        )
    channels = data["channels"]
    for index, raw in enumerate(channels, start=1):
        if not isinstance(raw, dict):
            raise RegistryError(
                f"{path}: channel number {index} is {raw!r}, expected a "
                "mapping with id, name, kind, url, ..."
            )
    return channels


class ChannelReporter:
    """``report(field, message)`` for one channel; ``at(line)`` for a nested block."""

    def __init__(
        self, items: list[ChannelProblem], path: Path, line: int, ident: str | None
    ) -> None:
        self._items, self._path, self._line, self._ident = items, path, line, ident

    def __call__(self, name: str, message: str) -> None:
        """Record that field ``name`` of this channel is wrong, and why."""
        self._items.append(
            ChannelProblem(self._path, self._line, self._ident, name, message)
        )

    def at(self, line: int) -> ChannelReporter:
        """The same channel's reporter, located on ``line``."""
        return ChannelReporter(self._items, self._path, line, self._ident)


class _Problems:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[ChannelProblem] = []

    def reporter(self, line: int, ident: str | None) -> ChannelReporter:
        return ChannelReporter(self.items, self.path, line, ident)


def _text(raw: dict, name: str, report: Report) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        report(name, f'{value!r} is not text (put it in quotes: {name}: "{value}")')
        return None
    return value.strip() or None


def _check_keys_and_id(raw: dict[str, Any], ident: str | None, report: Report) -> None:
    for key in sorted(set(raw) - set(FIELDS) - {LINE}, key=str):
        found = _SYNONYMS.get(str(key).casefold()) or next(
            iter(closest(str(key), list(FIELDS), 1)), None
        )
        more = f"; did you mean {found!r}?" if found else ""
        report(str(key), f"unknown field; allowed: {', '.join(FIELDS)}{more}")
    if ident is None or not _ID.match(ident) or len(ident) > _MAX_ID:
        report(
            "id",
            f"{raw.get('id')!r} must be a slug: lower-case letters, digits and "
            f"single hyphens, at most {_MAX_ID} characters (e.g. 'kec-tembalang')",
        )


def _check_channel(
    raw: dict[str, Any],
    ctx: ChannelContext,
    problems: _Problems,
    fetch_check: FetchCheck | None,
) -> ChannelRecord | None:
    line = raw[LINE]
    ident = raw.get("id") if isinstance(raw.get("id"), str) else None
    report = problems.reporter(line, ident)
    before = len(problems.items)
    _check_keys_and_id(raw, ident, report)
    texts = {name: _text(raw, name, report) for name in _TEXT_FIELDS}
    if not texts["name"]:
        report("name", "missing; give the channel's public name")
    enabled = checks.check_enabled(raw.get("enabled"), report)
    kind = checks.check_kind(texts["kind"], report)
    url = checks.check_url(texts["url"], enabled, ctx, report)
    website = checks.check_website(texts["website"], report)
    fmt = checks.check_format(texts["format"], report)
    kecamatan, kelurahan = checks.check_place(texts, kind, ctx, report)
    opd = checks.check_opd(texts["opd"], ctx, report)
    category = checks.check_category(texts["category"], ctx, report)
    tags = checks.check_tags(raw.get("tags"), report)
    fetch = fetch_check(raw, report) if fetch_check else None
    if len(problems.items) != before:
        return None
    return ChannelRecord(
        id=ident or "",
        name=texts["name"] or "",
        kind=kind or "",
        url=url,
        line=line,
        kecamatan=kecamatan.nama if kecamatan else None,
        kecamatan_kode=kecamatan.kode if kecamatan else None,
        kelurahan=kelurahan.nama if kelurahan else None,
        kelurahan_kode=kelurahan.kode if kelurahan else None,
        opd=opd,
        category=category,
        tags=tags,
        enabled=enabled,
        note=texts["note"],
        website=website,
        format=fmt,
        fetch=fetch,
    )


def _check_unique(
    raws: list[dict[str, Any]],
    records: list[ChannelRecord | None],
    problems: _Problems,
) -> set[str]:
    """Report ids used twice and feeds shared by two enabled channels."""
    ids: dict[str, int] = {}
    urls: dict[str, str] = {}
    clashing: set[str] = set()
    for raw, record in zip(raws, records, strict=True):
        line, ident = raw[LINE], raw.get("id")
        if isinstance(ident, str):
            if ident in ids:
                problems.reporter(line, ident)(
                    "id", f"used twice (first on line {ids[ident]})"
                )
                clashing.add(ident)
            ids.setdefault(ident, line)
        if record is None or not record.enabled or not record.url:
            continue
        key = record.url.rstrip("/").lower()
        if key in urls:
            problems.reporter(line, record.id)(
                "url", f"also the url of channel {urls[key]!r}"
            )
            clashing.add(record.id)
        urls.setdefault(key, record.id)
    return clashing


def validate_channels(
    raws: list[dict[str, Any]],
    ctx: ChannelContext,
    fetch_check: FetchCheck | None = None,
) -> ChannelRegistry:
    """Check every channel; the valid ones and every problem, in file order."""
    problems = _Problems(ctx.path)
    records = [_check_channel(raw, ctx, problems, fetch_check) for raw in raws]
    clashing = _check_unique(raws, records, problems)
    valid = tuple(r for r in records if r is not None and r.id not in clashing)
    ordered = tuple(sorted(problems.items, key=lambda p: p.line))
    return ChannelRegistry(ctx.path, valid, ordered)


@cached_by_file_time
def load_channel_registry(
    path: Path,
    wilayah: Path,
    wilayah_aliases: Path | None,
    opd: Path,
    *,
    categories: tuple[str, ...] = (),
    local_feeds: bool = False,
    fetch_check: FetchCheck | None = None,
) -> ChannelRegistry:
    """Read and check the registry at ``path`` against the gazetteer and OPDs.

    Raises :class:`RegistryError` only when the file (or a registry it is
    checked against) cannot be used at all; problems of single channels are
    in the result's ``problems``.
    """
    ctx = ChannelContext(
        Path(path),
        load_gazetteer(
            Path(wilayah), Path(wilayah_aliases) if wilayah_aliases else None
        ),
        load_opd(Path(opd)),
        tuple(categories),
        bool(local_feeds),
    )
    return validate_channels(read_registry_file(Path(path)), ctx, fetch_check)


def registry_for(
    path: Path,
    registry_files: Mapping[str, Path],
    categories: tuple[str, ...] = (),
    local_feeds: bool = False,
    fetch_check: FetchCheck | None = None,
) -> ChannelRegistry:
    """:func:`load_channel_registry` with the paths of :func:`registry_paths`."""
    return load_channel_registry(
        Path(path),
        Path(registry_files["wilayah"]),
        Path(registry_files["wilayah_aliases"])
        if registry_files.get("wilayah_aliases")
        else None,
        Path(registry_files["opd"]),
        categories=tuple(categories),
        local_feeds=local_feeds,
        fetch_check=fetch_check,
    )


def site_channels(
    settings: Mapping[str, Any], base: Path | None = None, who: str = "pelita"
) -> ChannelRegistry:
    """The registry the build's pages read (``IMPORTER['channels_file']``).

    Nothing is fetched at build time, so a demo registry of feed files is
    read whatever ``IMPORTER['local_feeds']`` says. A bad channel is left
    out, and one warning counts the mistakes and names the first; an absent
    registry (a city before its first channel) is an empty one; an unreadable
    one is logged and empty too, so the pages still build.
    """
    root = base or Path.cwd()
    try:
        options = merge_settings(settings, IMPORTER)
        path = root / str(options["channels_file"])
        if not path.exists():
            logger.debug("%s: no channel registry at %s", who, path)
            return ChannelRegistry(path, ())
        registry = registry_for(
            path,
            registry_paths(settings, root),
            tuple(settings.get("CATEGORIES") or ()),
            local_feeds=True,
        )
    except (RegistryError, ValueError) as exc:
        logger.warning("%s: the channel registry cannot be read: %s", who, exc)
        return ChannelRegistry(root, ())
    if registry.problems:
        logger.warning(
            "%s: %d mistake(s) in %s; the channels concerned are left out "
            "(invoke check lists them all). First: %s",
            who,
            len(registry.problems),
            registry.path,
            registry.problems[0],
        )
    return registry
