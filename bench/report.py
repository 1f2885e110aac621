"""The Markdown report: the build table, the targets, the other benchmarks."""

from __future__ import annotations

import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

from build_bench import STEPS, Row
from measure import Sample

HEADER = """\
# Benchmarks

Written by `make bench` (`.venv/bin/python bench/run.py`); every figure below
comes from one run of it on the machine described. Do not edit by hand:
rerun it. `bench/README.md` explains what is measured, how to reproduce it
and what was done to meet the targets.
"""


@dataclass(frozen=True)
class Target:
    """One of the speed targets, checked against a run's rows."""

    text: str
    value: float
    limit: float
    unit: str

    @property
    def holds(self) -> bool:
        """Whether the measured value is within the limit."""
        return self.value <= self.limit


TIMES = "\N{MULTIPLICATION SIGN}"
DASH = "\N{EN DASH}"


def _fmt_row(row: Row, bare: Sample) -> str:
    total = row.total
    per_post = total.wall / row.posts * 1000
    index = f"{row.index.wall:.1f}" if row.index else DASH
    changed = f"{row.changed:,}" if row.changed is not None else DASH
    return (
        f"| {row.posts:,} | {STEPS[row.step]} | {total.wall:.1f} | {total.cpu:.1f} "
        f"| {total.peak_mb:.0f} | {per_post:.1f} | {index} | {changed} "
        f"| {total.wall / bare.wall:.2f} | {total.cpu / bare.cpu:.2f} |"
    )


def build_table(rows: list[Row]) -> str:
    """One line per build; ratios are to bare Pelican at the same size."""
    lines = [
        "| posts | build | wall s | CPU s | peak RSS MiB | ms/post | of which "
        "Pagefind s | HTML pages changed | wall ÷ bare Pelican | CPU ÷ bare Pelican |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    bare = {row.posts: row.sample for row in rows if row.step == "bare"}
    lines += [_fmt_row(row, bare[row.posts]) for row in rows]
    return "\n".join(lines)


# Hugo's full build is the yardstick for the 1-post rebuild at this size.
HUGO_SIZE = 20_000


def _pair(text: str, mine: Sample, other: Sample, limit: float) -> list[Target]:
    return [
        Target(f"{text} (wall)", mine.wall / other.wall, limit, TIMES),
        Target(f"{text} (CPU)", mine.cpu / other.cpu, limit, TIMES),
    ]


def _size_targets(by: dict[tuple[int, str], Row], posts: int) -> list[Target]:
    full, bare = by[posts, "full"].total, by[posts, "bare"].total
    one, fifty = by[posts, "add1"].total, by[posts, "add50"].total
    bare_one = by[posts, "bare-add1"].total
    pelita_steps = ("full", "first", "add1", "add50")
    peak = max(by[posts, step].total.peak_mb for step in pelita_steps)
    size = f"{posts:,} posts"
    found = _pair(
        f"1-post rebuild ÷ bare Pelican's cached 1-post rebuild, {size}",
        one, bare_one, 1.0,
    )  # fmt: skip
    if posts >= HUGO_SIZE:
        found += _pair(
            f"1-post rebuild ÷ Hugo's full build, {size}",
            one, by[posts, "hugo"].total, 1.0,
        )  # fmt: skip
    changed = by[posts, "add1"].changed
    if changed is not None:
        found.append(
            Target(f"HTML pages changed by 1 new post, {size}", changed, 40, "pages")
        )
    found += _pair(f"50-post rebuild ÷ 1-post rebuild, {size}", fifty, one, 2.0)
    found += _pair(f"full build ÷ bare Pelican's full build, {size}", full, bare, 2.5)
    found.append(Target(f"peak RSS of Pelita, {size}", peak, 1536, "MiB"))
    return found


def targets(rows: list[Row]) -> list[Target]:
    """The issue's targets, for every size the run measured."""
    by = {(row.posts, row.step): row for row in rows}
    return [
        target
        for posts in sorted({row.posts for row in rows})
        for target in _size_targets(by, posts)
    ]


def target_table(rows: list[Row]) -> str:
    lines = ["| target | measured | limit | holds |", "|---|---:|---:|---|"]
    for target in targets(rows):
        fmt = "{:.0f}" if target.unit in {"MiB", "pages"} else "{:.2f}"
        lines.append(
            f"| {target.text} | {fmt.format(target.value)} {target.unit} "
            f"| {fmt.format(target.limit)} {target.unit} "
            f"| {'yes' if target.holds else '**no**'} |"
        )
    return "\n".join(lines)


def _output(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else "missing"


def machine() -> str:
    load = Path("/proc/loadavg").read_text().split()[:3]
    hugo = _output(["hugo", "version"]).split()
    return (
        f"- {platform.machine()}, {_output(['nproc'])} cores, "
        f"load average at the start {' '.join(load)}\n"
        f"- Python {platform.python_version()}, Pelican 4.12.0, "
        f"Hugo {hugo[1] if len(hugo) > 1 else 'missing'}"
    )


def render(rows: list[Row], extras: list[tuple[str, str]], start_machine: str) -> str:
    """The whole report."""
    parts = [HEADER, "## Machine\n", start_machine, "", "## Builds\n"]
    parts += [build_table(rows), "", "## Targets\n", target_table(rows)]
    for title, text in extras:
        parts += ["", f"## {title}\n", "```text", text.rstrip(), "```"]
    return "\n".join(parts) + "\n"
