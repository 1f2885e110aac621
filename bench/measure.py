"""Run one command and measure it: wall time, CPU time and peak memory.

``os.wait4`` returns the resource usage of exactly the child it waited for
(including the grandchildren it waited for), so every measurement is its
own, never the running maximum ``RUSAGE_CHILDREN`` keeps for a parent.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


class CommandFailed(RuntimeError):
    """A measured command exited non-zero; the message has its output's tail."""


@dataclass(frozen=True)
class Sample:
    """One measured run."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the command and its children
    peak_mb: float  # largest resident set of the command or a child, in MiB

    def __add__(self, other: Sample) -> Sample:
        """Two steps run one after the other (e.g. a build, then its index)."""
        return Sample(
            self.wall + other.wall,
            self.cpu + other.cpu,
            max(self.peak_mb, other.peak_mb),
        )


def run_measured(
    command: list[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    log: Path | None = None,
) -> Sample:
    """Run ``command`` in ``cwd``; raise :class:`CommandFailed` if it fails."""
    log = log or Path(os.devnull)
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        tail = "" if log == Path(os.devnull) else log.read_text()[-3000:]
        raise CommandFailed(
            f"{' '.join(command)} exited {process.returncode} in {cwd}:\n{tail}"
        )
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
