"""The import state (``data/import-state.json``), committed by the nightly CI.

Per channel: the validators for conditional GET (and the URL they belong
to), the last attempt, success and new entry, consecutive failures with the
next attempt (exponential backoff, ``Retry-After``), the last error, the
identity mode, how many entries the feed had, the feed found from a site's
address (``feed_url``, when ``url`` is a web page), what became of the images
its entries use (``media``: URL -> stored file or refusal), and per entry its
identity -> file path, the hash of what was written, its date, and its story
(the story id, ``-`` for none; absent until story grouping has seen it).
The files are the truth: a lost or damaged state is rebuilt from the files'
``Import_id``/``Import_hash``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pelita.importer.feeds.identity import IDENTITY_GUID

from .files import atomic_write

logger = logging.getLogger(__name__)

STATE_VERSION = 1


@dataclass(frozen=True)
class EntryRecord:
    """Where an entry's file is (relative to the content dir) and its hash."""

    path: str
    hash: str | None = None
    link: str | None = None
    date: str | None = None
    story: str | None = None


@dataclass(frozen=True)
class ChannelState:
    """What one channel's past runs left for the next."""

    url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: str | None = None
    last_success: str | None = None
    last_new_entry: str | None = None
    consecutive_failures: int = 0
    next_attempt: str | None = None
    last_error: str | None = None
    identity: str = IDENTITY_GUID
    entries_in_feed: int = 0
    feed_url: str | None = None
    entries: dict[str, EntryRecord] = field(default_factory=dict)
    media: dict[str, dict[str, Any]] | None = None


def iso(value: dt.datetime) -> str:
    """A timestamp as the state stores it (UTC, ISO 8601, seconds)."""
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def parse_iso(value: str | None) -> dt.datetime | None:
    """A stored timestamp, or None."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def is_due(state: ChannelState, now: dt.datetime) -> bool:
    """Whether a failing channel's backoff (or ``Retry-After``) has passed."""
    when = parse_iso(state.next_attempt)
    return when is None or when <= now


def after_failure(
    state: ChannelState,
    now: dt.datetime,
    error: str,
    backoff: tuple[float, float],
    retry_at: dt.datetime | None = None,
) -> ChannelState:
    """Count a failure and schedule the next attempt.

    The wait is ``base * 2**(n-1)`` seconds for the n-th failure in a row,
    capped at ``max``, or the server's ``Retry-After`` when that is later.
    """
    base, ceiling = backoff
    failures = state.consecutive_failures + 1
    delay = min(base * 2 ** (failures - 1), ceiling)
    when = now + dt.timedelta(seconds=delay)
    if retry_at is not None:
        when = max(when, min(retry_at, now + dt.timedelta(seconds=ceiling)))
    return replace(
        state,
        last_attempt=iso(now),
        consecutive_failures=failures,
        next_attempt=iso(when) if delay or retry_at else None,
        last_error=error,
    )


def after_success(
    state: ChannelState, now: dt.datetime, **changes: Any
) -> ChannelState:
    """Clear failures after a completed fetch; apply ``changes``."""
    return replace(
        state,
        last_attempt=iso(now),
        last_success=iso(now),
        consecutive_failures=0,
        next_attempt=None,
        last_error=None,
        **changes,
    )


def _channel_from_json(raw: dict[str, Any]) -> ChannelState:
    entries = {
        key: EntryRecord(**value)
        for key, value in (raw.pop("entries", {}) or {}).items()
    }
    known = {f for f in ChannelState.__dataclass_fields__ if f != "entries"}
    return ChannelState(**{k: v for k, v in raw.items() if k in known}, entries=entries)


def load_state(path: Path) -> dict[str, ChannelState]:
    """Channel states by id.

    A missing file is a first run; a broken one is kept aside (``.broken``)
    and the index is rebuilt from the files.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        channels = raw["channels"]
        return {cid: _channel_from_json(dict(value)) for cid, value in channels.items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        aside = path.with_name(path.name + ".broken")
        logger.warning(
            "importer: %s cannot be read (%s); kept as %s, rebuilding from the files",
            path,
            exc,
            aside.name,
        )
        path.replace(aside)
        return {}


def peek_state(path: Path) -> dict[str, ChannelState]:
    """The channel states, read only (the health page at build time).

    Unlike ``load_state`` nothing is moved aside: a missing or broken file
    is simply no states.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        channels = raw["channels"]
        return {cid: _channel_from_json(dict(value)) for cid, value in channels.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


_CHANNEL_FIELDS = tuple(f for f in ChannelState.__dataclass_fields__ if f != "entries")


def _record_json(record: EntryRecord) -> dict[str, str]:
    data = {"path": record.path}  # not asdict(): it deep-copies, far too slow here
    if record.hash:
        data["hash"] = record.hash
    if record.link:
        data["link"] = record.link
    if record.date:
        data["date"] = record.date
    if record.story:
        data["story"] = record.story
    return data


def _channel_lines(ident: str, state: ChannelState) -> list[str]:
    fields = {
        name: getattr(state, name)
        for name in _CHANNEL_FIELDS
        if getattr(state, name) is not None
    }
    head = json.dumps(fields, ensure_ascii=False, sort_keys=True)[:-1]
    lines = [f' {json.dumps(ident)}: {head}, "entries": {{']
    records = sorted(state.entries.items())
    for index, (key, record) in enumerate(records):
        data = _record_json(record)
        comma = "," if index < len(records) - 1 else ""
        lines.append(
            f"  {json.dumps(key)}: {json.dumps(data, ensure_ascii=False)}{comma}"
        )
    lines.append(" }}")
    return lines


def save_state(path: Path, channels: dict[str, ChannelState]) -> None:
    """Write the state atomically, one line per channel and per entry.

    Sorted, so the nightly commit's diff shows exactly what changed; built
    from compact dumps so the C JSON encoder does the work (an indented dump
    runs in pure Python, ten times slower).
    """
    lines = [f'{{"version": {STATE_VERSION}, "channels": {{']
    items = sorted(channels.items())
    for index, (ident, state) in enumerate(items):
        block = _channel_lines(ident, state)
        if index < len(items) - 1:
            block[-1] += ","
        lines.extend(block)
    lines.append("}}")
    atomic_write(path, "\n".join(lines) + "\n")
