"""What the last build wrote, page by page, and a copy of each page.

For every file the writer produced (pages and feeds) the state keeps the
key it was made with, the names its templates read and their digest, and
the size and modification time of the file and of its stored copy. A file in
``output/`` whose size and modification time are the recorded ones is the
recorded file: nothing reads or rewrites it. A missing or altered file
(a fresh checkout of the CI runner, an edit by hand) is put back from the
store, when it is still as it was stored, or rendered again.

The store holds a hard link to each written page (no second copy on disk).
The writer never writes into an existing file, it replaces it, so a later
build cannot change a stored page through the link; a page written into
anyway (its size or modification time are no longer the recorded ones) is
rendered again. A restored cache (CI's) keeps modification times, so the
pages of a fresh checkout are put back without reading them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageRecord:
    """How one output file was made, and what was written."""

    base: str  # the page's key: site, template, file, what it shows
    names: tuple[str, ...]  # the context names its templates read
    shapes: tuple[Any, ...]  # what they read of each (tracking.shape_of)
    digests: tuple[str, ...]  # the digest of each name's value
    size: int
    mtime_ns: int
    stored: tuple[int, int]  # size and modification time of the stored copy

    @property
    def key(self) -> str:
        """The key of the page's copy in the store."""
        text = "\n".join((self.base, *self.names, *self.digests))  # shapes: in digests
        return hashlib.sha256(text.encode()).hexdigest()


class PageState:
    """The records of the last build and of this one, and the page store."""

    VERSION = 5

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = folder / "pages"
        self.previous: dict[str, PageRecord] = {}
        self.current: dict[str, PageRecord] = {}
        try:
            with (folder / "pages.pickle").open("rb") as handle:
                version, records = pickle.load(handle)
            if version == self.VERSION:
                self.previous = records
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError):
            self.previous = {}
        if not self.previous:  # copies no record names any more
            shutil.rmtree(self.store, ignore_errors=True)

    def _stored(self, key: str) -> Path:
        return self.store / key[:2] / f"{key}.html"

    def keep(self, name: str, path: Path) -> bool:
        """Keep the recorded file at ``path`` as it is; False if it is not there.

        A file with the recorded size and modification time is taken as
        written; otherwise the stored copy is checked and put in its place.
        """
        record = self.previous[name]
        try:
            stat = os.stat(path)
            if (stat.st_size, stat.st_mtime_ns) == (record.size, record.mtime_ns):
                self.current[name] = record
                return True
        except OSError:
            pass
        stored = self._stored(record.key)
        try:
            stat = os.stat(stored)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != record.stored:
            return False  # written into since it was stored: not this page
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.pelita-tmp")
        partial.unlink(missing_ok=True)
        try:
            os.link(stored, partial)
        except OSError:
            shutil.copyfile(stored, partial)
        partial.replace(path)
        stat = os.stat(path)
        self.current[name] = PageRecord(
            record.base, record.names, record.shapes, record.digests,
            stat.st_size, stat.st_mtime_ns, record.stored,
        )  # fmt: skip
        return True

    def written(
        self,
        name: str,
        *,
        path: Path,
        data: bytes,
        base: str,
        names: tuple[str, ...],
        shapes: tuple[Any, ...],
        digests: tuple[str, ...],
    ) -> None:
        """Record ``data``, just written to ``path``, and keep it in the store."""
        stat = os.stat(path)
        key = PageRecord(base, names, shapes, digests, 0, 0, (0, 0)).key
        stored = self._stored(key)
        stored.parent.mkdir(parents=True, exist_ok=True)
        partial = stored.with_suffix(".tmp")
        partial.unlink(missing_ok=True)
        try:
            os.link(path, partial)
        except OSError:
            partial.write_bytes(data)
        partial.replace(stored)
        kept = os.stat(stored)
        self.current[name] = PageRecord(
            base, names, shapes, digests, stat.st_size, stat.st_mtime_ns,
            (kept.st_size, kept.st_mtime_ns),
        )  # fmt: skip

    def save(self) -> tuple[int, int]:
        """Save this build's records, drop stored pages no longer used.

        Returns (pages recorded, stored copies removed).
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / "pages.pickle.tmp"
        with partial.open("wb") as handle:
            pickle.dump(
                (self.VERSION, self.current), handle, protocol=pickle.HIGHEST_PROTOCOL
            )
        partial.replace(self.folder / "pages.pickle")
        used = {record.key for record in self.current.values()}
        removed = 0
        for record in self.previous.values():
            if record.key not in used:
                self._stored(record.key).unlink(missing_ok=True)
                removed += 1
        return len(self.current), removed
