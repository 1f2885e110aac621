"""The run's summary as a short Markdown table, for the CI job summary.

The nightly workflow appends this file to ``$GITHUB_STEP_SUMMARY``: one line
of totals, then a row for every channel that brought news or trouble
(failed, new or updated posts, kept edits, images left out), then how many
channels had nothing new, and the feeds found from a site's address (the
registry should name them). The full detail stays in the JSON report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .files import atomic_write
from .report import STATUS_ERROR, STATUS_NOT_MODIFIED, STATUS_OK, ChannelReport, totals

MAX_ERROR = 160


def _cell(text: str) -> str:
    """A table cell: one line, pipes escaped, not too long."""
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= MAX_ERROR else text[: MAX_ERROR - 1] + "…"


def _eventful(report: ChannelReport) -> bool:
    return bool(
        report.failed
        or report.new
        or report.updated
        or report.kept_admin_edit
        or report.image_failures
    )


def _status(report: ChannelReport) -> str:
    if report.deferred:
        return "⏸ waiting (backoff)"
    if report.failed:
        return "❌ failed"
    return "✅ ok" if report.status == STATUS_OK else "✅ not modified"


def summary_markdown(
    reports: Sequence[ChannelReport],
    seconds: float,
    stories: Sequence[dict[str, Any]] = (),
    now: dt.datetime | None = None,
) -> str:
    """The Markdown text of the summary."""
    when = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    total = totals(reports, seconds)
    grouped = sum(1 for s in stories if s.get("duplicate_of"))
    lines = [
        f"## Pelita import, {when}",
        "",
        f"{total['channels']} channels: {total[STATUS_OK]} ok, "
        f"{total[STATUS_NOT_MODIFIED]} not modified, {total[STATUS_ERROR]} failed "
        f"({total['deferred']} waiting out a backoff). "
        f"{total['new']} new and {total['updated']} updated posts, "
        f"{total['kept_admin_edit']} admin edits kept, {total['images']} images "
        f"stored, {total['image_failures']} left out, {grouped} posts grouped "
        f"into stories; {seconds:.1f} s.",
        "",
        "| Channel | Status | New | Updated | Edits kept | Images left out | Error |",
        "|---|---|--:|--:|--:|--:|---|",
    ]
    eventful = [r for r in reports if _eventful(r)]
    for r in sorted(eventful, key=lambda r: (not r.failed, r.id)):
        lines.append(
            f"| {_cell(r.id)} | {_status(r)} | {r.new} | {r.updated} | "
            f"{r.kept_admin_edit} | {r.image_failures} | {_cell(r.error or '')} |"
        )
    if not eventful:
        lines.append("| (none) | | | | | | |")
    quiet = len(reports) - len(eventful)
    if quiet:
        lines += ["", f"{quiet} more channels had nothing new."]
    lines += _discovered(reports)
    return "\n".join(lines) + "\n"


def _discovered(reports: Sequence[ChannelReport]) -> list[str]:
    """Feeds found from a site's address: the registry should name them."""
    found = [r for r in reports if r.discovered_feed]
    if not found:
        return []
    lines = [
        "",
        f"Feeds found from a site's address ({len(found)}); put them in the "
        "registry as the channel's `url`:",
        "",
    ]
    lines += [f"- {_cell(r.id)}: {_cell(r.url)} → {_cell(r.discovered_feed or '')}"
              for r in found]  # fmt: skip
    return lines


def write_summary(
    path: Path,
    reports: Sequence[ChannelReport],
    seconds: float,
    stories: Sequence[dict[str, Any]] = (),
) -> None:
    """Write the summary file (atomically)."""
    atomic_write(path, summary_markdown(reports, seconds, stories))
