"""How every channel is doing, from the registry, the state and the last report.

One ``ChannelHealth`` per registry channel: its kind and place, when it was
last fetched without error, when it last published (its newest post on the
site, else when the importer last found something new), how many fetches
failed in a row and the last error in plain Indonesian. Channels that need
an admin come first: failing ones, then silent ones (nothing published for
``silent_days``), then those never fetched; disabled channels come last.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pelita.core.registries import ChannelRecord as Channel
from pelita.importer.writing.state import ChannelState, parse_iso

from .messages import indonesian_error

KIND_LABELS = {"opd": "OPD", "kecamatan": "Kecamatan", "kelurahan": "Kelurahan",
               "media": "Media"}  # fmt: skip
FAILING, SILENT, NEVER, HEALTHY, DISABLED = (
    "gagal", "sepi", "belum", "baik", "nonaktif",
)  # fmt: skip
ORDER = {FAILING: 0, SILENT: 1, NEVER: 2, HEALTHY: 3, DISABLED: 4}
# What the public page says of a channel. A quiet channel is connected like
# any other (how often an office posts is for its admins, not for a public
# scoreboard), and a failing fetch is the hub's work to do, not the office's.
PUBLIC_STATUS = {
    FAILING: "diperiksa", SILENT: "tersambung", NEVER: "menunggu",
    HEALTHY: "tersambung", DISABLED: "belum",
}  # fmt: skip
PUBLIC_KIND_ORDER = {"opd": 0, "kecamatan": 1, "kelurahan": 2, "media": 3}


@dataclass(frozen=True)
class ChannelHealth:
    """One channel's line on the health page."""

    channel: Channel
    kind_label: str
    status: str
    last_success: dt.datetime | None
    last_post: dt.datetime | None
    days_silent: int | None
    failures: int
    error: str | None  # in Indonesian
    error_detail: str | None  # the importer's own words
    next_attempt: dt.datetime | None
    last_run: Mapping[str, Any] | None  # the channel's row of the last report

    @property
    def public_status(self) -> str:
        """The plain state the public page shows (see :data:`PUBLIC_STATUS`)."""
        return PUBLIC_STATUS[self.status]

    @property
    def needs_attention(self) -> bool:
        """Failing or silent: the admins should look."""
        return self.status in (FAILING, SILENT)


def _status(
    channel: Channel, state: ChannelState, days_silent: int | None, silent_days: int
) -> str:
    if not channel.enabled or not channel.url:
        return DISABLED
    if state.consecutive_failures:
        return FAILING
    if not state.last_success:
        return NEVER
    if days_silent is None or days_silent >= silent_days:
        return SILENT
    return HEALTHY


def _health(
    channel: Channel,
    state: ChannelState,
    newest: dt.datetime | None,
    report: Mapping[str, Any] | None,
    *,
    now: dt.datetime,
    silent_days: int,
) -> ChannelHealth:
    last_post = newest or parse_iso(state.last_new_entry)
    days = (now - last_post).days if last_post else None
    status = _status(channel, state, days, silent_days)
    return ChannelHealth(
        channel=channel,
        kind_label=KIND_LABELS.get(channel.kind, channel.kind),
        status=status,
        last_success=parse_iso(state.last_success),
        last_post=last_post,
        days_silent=max(days, 0) if days is not None else None,
        failures=state.consecutive_failures,
        error=indonesian_error(state.last_error) if status == FAILING else None,
        error_detail=state.last_error if status == FAILING else None,
        next_attempt=parse_iso(state.next_attempt),
        last_run=report,
    )


def _sort_key(row: ChannelHealth) -> tuple:
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return (
        ORDER[row.status],
        -row.failures,
        row.last_post or oldest,
        row.channel.name.casefold(),
    )


def channel_health(
    channels: Iterable[Channel],
    states: Mapping[str, ChannelState],
    report: Mapping[str, Mapping[str, Any]],
    newest_posts: Mapping[str, dt.datetime],
    *,
    now: dt.datetime,
    silent_days: int = 30,
) -> list[ChannelHealth]:
    """Every channel's health, the ones needing attention first."""
    rows = [
        _health(
            channel,
            states.get(channel.id, ChannelState()),
            newest_posts.get(channel.id),
            report.get(channel.id),
            now=now,
            silent_days=silent_days,
        )
        for channel in channels
    ]
    return sorted(rows, key=_sort_key)


def public_rows(rows: Iterable[ChannelHealth]) -> list[ChannelHealth]:
    """The channels as the public page lists them: by kind, then by name."""
    return sorted(
        rows,
        key=lambda row: (
            PUBLIC_KIND_ORDER.get(row.channel.kind, len(PUBLIC_KIND_ORDER)),
            row.channel.name.casefold(),
        ),
    )


def counts(rows: Iterable[ChannelHealth]) -> dict[str, int]:
    """How many channels are in each state (for the page's summary line)."""
    found = dict.fromkeys(ORDER, 0)
    for row in rows:
        found[row.status] += 1
    return found
