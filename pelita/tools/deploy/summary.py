"""The job summary of a build or deploy: Markdown for ``$GITHUB_STEP_SUMMARY``.

``invoke publish --summary FILE`` and ``invoke deploy --summary FILE`` append
to FILE what a reader of the workflow run needs: the gate's steps and
problems, the posts the build held back, what the deploy uploaded, a pin
that stopped it, and how long the push took to go live. The same text is
useful on a terminal, so nothing here depends on GitHub.

Posts held back: the build lists each post it left out in
``.cache/held-back.json`` (:func:`held_back_path`; the format is
:mod:`pelita.core.heldback`'s); an absent file means none was held back.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from pathlib import Path

from pelita.core.heldback import JSON_NAME, HeldBack, read_list

from .base import Outcome
from .gate import GateReport
from .project import Project

logger = logging.getLogger(__name__)

HELD_BACK_NAME = JSON_NAME
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def held_back_path(project: Project) -> Path:
    """``.cache/held-back.json``: beside the gate's records in ``.cache/deploy``."""
    return project.state_dir.parent / HELD_BACK_NAME


def read_held_back(path: Path) -> list[HeldBack]:
    """The entries of the build's list at ``path`` (none when it does not exist)."""
    return read_list(path)


def build_summary(
    report: GateReport | None, failure: str | None, held_back: Iterable[HeldBack]
) -> str:
    """The build job's summary: gate steps, problems, posts held back."""
    lines = ["## Build and gate", ""]
    if report is not None:
        lines += ["| step | result | seconds |", "|---|---|---|"]
        for result in report.results:
            state = (
                "not run" if result.skipped
                else "passed" if result.ok
                else f"**{len(result.problems)} problem(s)**"
            )  # fmt: skip
            lines.append(f"| {result.name} | {state} | {result.seconds:.1f} |")
        lines.append("")
    if failure:
        lines += ["**The gate failed: nothing is deployed.**", "", "```text"]
        lines += [_fence_safe(line) for line in failure.splitlines()] + ["```", ""]
    elif report is not None:
        lines += ["The site passed the gate.", ""]
    lines += held_back_section(list(held_back))
    return "\n".join(lines) + "\n"


def held_back_section(held: list[HeldBack]) -> list[str]:
    """Markdown lines naming the posts held back (empty when none)."""
    if not held:
        return []
    lines = [f"### Posts held back ({len(held)})", ""]
    lines += ["These posts are not on the site until they are fixed:", ""]
    for item in held:
        where = f"{item.file}:{item.line}" if item.line else item.file
        lines.append(f"- `{_code_safe(where)}` — {_inline(_said(item))}")
    return [*lines, ""]


def _said(item: HeldBack) -> str:
    """``Field: 'value': message — suggestion`` (a private value is not kept)."""
    message = item.message
    if item.field and item.field not in message and item.value:
        message = f"{item.field}: {item.value!r}: {message}"
    return f"{message} — {item.suggestion}" if item.suggestion else message


def deploy_summary(
    outcome: Outcome | None,
    failure: str | None = None,
    *,
    pushed_at: int | None = None,
    now: dt.datetime | None = None,
    held_back: Iterable[HeldBack] = (),
) -> str:
    """The deploy job's summary: what went up, a pin, push-to-live time."""
    lines = ["## Deploy", ""]
    if failure:
        lines += ["**The deploy failed; the site is as it was.**", "", "```text"]
        lines += [_fence_safe(line) for line in failure.splitlines()] + ["```", ""]
    elif outcome is not None and outcome.pinned is not None and outcome.skipped:
        pin = outcome.pinned
        lines += [
            f"**Not deployed: the site is pinned** to `{_code_safe(pin.release)}` "
            f"since {_inline(pin.at)} by {_inline(pin.by)}"
            + (f" ({_inline(pin.reason)})." if pin.reason else "."),
            "",
            "Someone rolled the site back on purpose. To publish anyway, run "
            "this workflow by hand with *force*, or `invoke deploy --force`; "
            "`invoke unpin` lifts the pin and the next run deploys.",
            "",
        ]
    elif outcome is not None:
        prefix = "Dry run: " if outcome.dry_run else ""
        lines += [f"{prefix}{_inline(outcome.summary)} ({outcome.target}).", ""]
        if outcome.uploaded is not None:
            size = outcome.uploaded_bytes or 0
            lines += [f"Files uploaded: **{outcome.uploaded}** ({size:,} bytes).", ""]
        lines += [f"- {_inline(detail.strip())}" for detail in outcome.details]
        if outcome.details:
            lines.append("")
        if pushed_at is not None and not outcome.dry_run:
            lines += [push_to_live(pushed_at, now), ""]
    lines += held_back_section(list(held_back))
    return "\n".join(lines) + "\n"


def push_to_live(pushed_at: int, now: dt.datetime | None = None) -> str:
    """The time from the push to now, as the summary line says it."""
    now = now or dt.datetime.now(dt.UTC)
    pushed = dt.datetime.fromtimestamp(pushed_at, dt.UTC)
    seconds = max(0, round((now - pushed).total_seconds()))
    minutes, rest = divmod(seconds, 60)
    took = f"{minutes} min {rest} s" if minutes else f"{rest} s"
    return (
        f"Push to live: **{took}** (pushed {pushed.astimezone(WIB):%H:%M:%S}, "
        f"live {now.astimezone(WIB):%H:%M:%S} WIB)."
    )


def append(path: str | Path | None, text: str) -> None:
    """Append ``text`` to the summary file ``path`` (nothing when None)."""
    if not path:
        return
    with Path(path).open("a", encoding="utf-8") as handle:
        handle.write(text)


def parse_pushed_at(value: str | None) -> int | None:
    """The ``--pushed-at`` value (Unix seconds) or a clear error."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not text.isdigit():
        raise ValueError(
            f"--pushed-at is {value!r}; expected the push's time in Unix seconds, "
            "e.g. 1757350800 (GitHub: github.event.repository.pushed_at)"
        )
    return int(text)


def _inline(text: str) -> str:
    """Text safe inside one Markdown line (no HTML, no line breaks)."""
    return " ".join(str(text).replace("<", "&lt;").replace(">", "&gt;").split())


def _code_safe(text: str) -> str:
    return _inline(text).replace("`", "'")


def _fence_safe(line: str) -> str:
    return line.replace("```", "'''")
