"""Keep ``output/`` between builds; remove only what this build did not make.

``DELETE_OUTPUT_DIRECTORY`` makes Pelican delete the whole output folder
before a build, which on a 20,000-post site means removing and writing
again some 60,000 files even when one post changed. With the page cache on,
the folder is kept instead, and at the end of the build every file this
build did not make is removed, so the folder holds exactly what a clean
build would have written:

* a file this build wrote, copied or linked has a status-change time
  (``st_ctime``) after the build started;
* a file it decided to leave as it was (an unchanged page or feed, a static
  file Pelican found up to date, a derived image already in place) is
  registered with :meth:`OutputKeeper.kept`;
* everything else is left over from an earlier build and removed, except
  the folders of ``OUTPUT_RETENTION`` (Pelican's own rule for what a clean
  build keeps), then any folder left empty.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any, ClassVar

logger = logging.getLogger(__name__)

_STAMP = ".pelita-build-start"


class OutputKeeper:
    """The files a build made or kept, and the removal of the rest."""

    _current: ClassVar[OutputKeeper | None] = None

    def __init__(self) -> None:
        self.output: Path | None = None
        self.started_ns = 0
        self.retention: set[str] = set()
        self.kept_files: set[str] = set()

    @classmethod
    def current(cls) -> OutputKeeper:
        """The keeper of the build that is running (an idle one outside builds)."""
        if cls._current is None:
            cls._current = OutputKeeper()
        return cls._current

    @classmethod
    def take_over(cls, pelican: Any) -> None:
        """Keep ``output/`` instead of letting Pelican delete it (page cache on)."""
        keeper = cls._current = OutputKeeper()
        if not pelican.delete_outputdir:
            return
        pelican.delete_outputdir = False
        # Absolute, as :meth:`kept` records paths: with a relative output path
        # (``-o output``, what the tasks pass) every file would otherwise look
        # unkept and the whole site be pruned.
        output = Path(os.path.abspath(pelican.output_path))
        output.mkdir(parents=True, exist_ok=True)
        stamp = output / _STAMP
        stamp.write_bytes(b"")
        keeper.started_ns = os.stat(stamp).st_ctime_ns
        stamp.unlink()
        keeper.output = output
        keeper.retention = {
            str(name).strip("/")
            for name in pelican.settings.get("OUTPUT_RETENTION", [])
        }

    def kept(self, path: str | os.PathLike[str]) -> None:
        """Note a file this build left in place on purpose."""
        if self.output is not None:
            self.kept_files.add(os.path.abspath(path))

    def prune(self) -> int:
        """Remove what this build neither made nor kept; how many files."""
        if self.output is None:
            return 0
        removed = 0
        for path in self._left_over(str(self.output), top=True):
            try:
                os.unlink(path)
            except OSError:
                continue
            removed += 1
        self._drop_empty(str(self.output), top=True)
        logger.info(
            "buildspeed: %d files left over from earlier builds removed", removed
        )
        OutputKeeper._current = None
        return removed

    def _left_over(self, folder: str, top: bool = False) -> list[str]:
        """Files under ``folder`` older than the build and not kept."""
        found = []
        with os.scandir(folder) as entries:
            for entry in entries:
                if top and entry.name in self.retention:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    found += self._left_over(entry.path)
                elif entry.path not in self.kept_files:
                    with contextlib.suppress(OSError):
                        if (
                            entry.stat(follow_symlinks=False).st_ctime_ns
                            < self.started_ns
                        ):
                            found.append(entry.path)
        return found

    def _drop_empty(self, folder: str, top: bool = False) -> bool:
        """Remove folders left empty; whether ``folder`` itself is empty now."""
        empty = True
        with os.scandir(folder) as entries:
            for entry in entries:
                if top and entry.name in self.retention:
                    empty = False
                elif entry.is_dir(follow_symlinks=False):
                    if self._drop_empty(entry.path):
                        with contextlib.suppress(OSError):
                            os.rmdir(entry.path)
                            continue
                    empty = False
                else:
                    empty = False
        return empty
