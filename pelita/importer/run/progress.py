"""Progress: a rich bar on a terminal, plain log lines elsewhere (CI).

Either way every channel gets one ``info`` log line when it is done; on a
terminal those lines go through rich's handler, above the bar.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from rich.console import Console
from rich.logging import RichHandler
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from pelita.importer.writing.report import ChannelReport

logger = logging.getLogger(__name__)


class RunProgress:
    """Counts finished channels; draws a bar when ``console`` is a terminal."""

    def __init__(self, total: int, console: Console | None = None) -> None:
        self.total = total
        self.done = 0
        self._bar: Progress | None = None
        self._task = None
        if console is not None and console.is_terminal:
            self._bar = Progress(
                TextColumn("[bold]importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}"),
                console=console,
            )

    def __enter__(self) -> RunProgress:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("", total=self.total)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def finished(self, report: ChannelReport) -> None:
        """Log one channel's result and move the bar."""
        self.done += 1
        counts = f"{report.new} new, {report.updated} updated"
        if report.failed:
            logger.error(
                "importer: [%s/%s] %s failed: %s",
                self.done, self.total, report.id, report.error,
            )  # fmt: skip
        else:
            logger.info(
                "importer: [%s/%s] %s %s: %s (%.1f s)",
                self.done, self.total, report.id, report.status, counts, report.seconds,
            )  # fmt: skip
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, description=report.id)


def setup_logging(stream: TextIO | None = None) -> Console:
    """Log to the terminal through rich, or as plain lines; once per process.

    Nothing is changed when logging is already configured (Pelican, pytest).
    """
    stream = stream or sys.stderr
    console = Console(file=stream, width=None if stream.isatty() else 160)
    root = logging.getLogger()
    if root.handlers:
        return console
    if console.is_terminal:
        handler: logging.Handler = RichHandler(console=console, show_path=False)
        handler.setFormatter(logging.Formatter("%(message)s"))
    else:
        handler = logging.StreamHandler(stream)
        handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # One line per request is too much for 230 channels; errors still show.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return console
