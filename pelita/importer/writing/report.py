"""The run's report: JSON for the health page and CI, a table for people.

``--report FILE`` gets ``{"channels": [...], "totals": {...}}``; each channel
has ``id``, ``status`` (``ok``, ``not_modified`` or ``error``), ``error``,
the entry counts ``new``, ``updated``, ``unchanged``, ``kept_admin_edit``,
``skipped``, and ``seconds``, plus ``name``, ``url``, ``deferred`` (a failing
channel still waiting out its backoff), ``date_fallbacks``, ``notes``,
``discovered_feed`` (the feed found for a ``url`` that is a web page: put it
in the registry), ``images`` (image files stored) and ``image_failures``
(images left out). A top-level ``stories`` list holds the run's story
decisions: each post grouped, the story, the post it duplicates (or none:
the primary) and why.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from .files import Outcome, atomic_write

STATUS_OK = "ok"
STATUS_NOT_MODIFIED = "not_modified"
STATUS_ERROR = "error"
COUNTS = tuple(o.value for o in Outcome)
_MAX_NOTES = 20


@dataclass(frozen=True)
class ChannelReport:
    """One channel's line in the report."""

    id: str
    name: str
    url: str
    status: str
    error: str | None = None
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_admin_edit: int = 0
    skipped: int = 0
    seconds: float = 0.0
    deferred: bool = False
    date_fallbacks: int = 0
    notes: tuple[str, ...] = field(default=())
    images: int = 0
    image_failures: int = 0
    discovered_feed: str | None = None

    @property
    def failed(self) -> bool:
        """Whether the channel ended in error."""
        return self.status == STATUS_ERROR


def totals(reports: Sequence[ChannelReport], seconds: float) -> dict[str, Any]:
    """Sums over the channels, and how many ended in each status."""
    result: dict[str, Any] = {"channels": len(reports), "seconds": round(seconds, 2)}
    for status in (STATUS_OK, STATUS_NOT_MODIFIED, STATUS_ERROR):
        result[status] = sum(r.status == status for r in reports)
    result["deferred"] = sum(r.deferred for r in reports)
    for count in (*COUNTS, "images", "image_failures"):
        result[count] = sum(getattr(r, count) for r in reports)
    return result


def report_data(
    reports: Sequence[ChannelReport],
    seconds: float,
    stories: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The JSON report as a dict."""
    channels = []
    for report in reports:
        row = asdict(report)
        row["notes"] = list(report.notes[:_MAX_NOTES])
        channels.append(row)
    data = {"channels": channels, "totals": totals(reports, seconds)}
    data["stories"] = list(stories)
    return data


def write_report(
    path: Path,
    reports: Sequence[ChannelReport],
    seconds: float,
    stories: Sequence[dict[str, Any]] = (),
) -> None:
    """Write the JSON report (atomically)."""
    data = report_data(reports, seconds, stories)
    atomic_write(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def summary_table(reports: Sequence[ChannelReport], seconds: float) -> Table:
    """The end-of-run table: channels with news or trouble, then the totals."""
    table = Table(title="Pelita import", title_justify="left")
    table.add_column("channel")
    table.add_column("status")
    for count in COUNTS:
        table.add_column(count.replace("_", " "), justify="right")
    table.add_column("s", justify="right")
    table.add_column("error", overflow="fold")
    quiet = 0
    for r in reports:
        if not (r.failed or r.new or r.updated or r.kept_admin_edit or r.skipped):
            quiet += 1
            continue
        status = "deferred" if r.deferred else r.status
        counts = [str(getattr(r, c)) for c in COUNTS]
        table.add_row(r.id, status, *counts, f"{r.seconds:.1f}", r.error or "")
    total = totals(reports, seconds)
    if quiet:
        table.add_row(f"({quiet} more: nothing new)", "", *[""] * len(COUNTS), "", "")
    summary = (
        f"{total[STATUS_OK]} ok, {total[STATUS_NOT_MODIFIED]} not modified, "
        f"{total[STATUS_ERROR]} failed"
    )
    table.add_row(
        "TOTAL", summary, *[str(total[c]) for c in COUNTS], f"{seconds:.1f}", "",
        style="bold",
    )  # fmt: skip
    return table


def print_summary(
    reports: Sequence[ChannelReport],
    seconds: float,
    console: Console | None = None,
    demo: bool = False,
) -> None:
    """Print the summary table on standard output.

    ``demo``: the run read the bundled demo registry (local feed files),
    whose site given by its address is there on purpose: nothing to fix.
    """
    console = console or Console(width=None if sys.stdout.isatty() else 160)
    console.print(summary_table(reports, seconds))
    for line in discovery_lines(reports, demo):
        console.print(line, highlight=False, markup=False)


def discovery_lines(reports: Sequence[ChannelReport], demo: bool = False) -> list[str]:
    """One line per channel whose feed was found from a web page's address.

    In the demo the line only shows what discovery did: the demo registry
    gives a site's address on purpose, so a new user is not asked to edit it.
    """
    found = [r for r in reports if r.discovered_feed]
    if not found:
        return []
    lines = [
        f"Feeds found from a site's address ({len(found)}): the demo shows feed "
        "discovery; nothing to change"
        if demo
        else f"Feeds found from a site's address ({len(found)}): put them in the "
        "registry as the channel's url"
    ]
    lines += [f"  {r.id}: {r.url} -> {r.discovered_feed}" for r in found]
    return lines
