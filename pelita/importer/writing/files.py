"""Write posts atomically, and never over an admin's edit.

Only this module writes under ``content/``. A file is written to a hidden
temporary file in its folder and renamed into place, so a run killed at any
moment leaves either the old file or the new one, never half of one
(Pelican ignores the ``*.tmp`` leftovers, and the next run removes them).

Whether a file may be replaced is decided from its hash: the state records
the hash of what the importer wrote, and the file carries it as
``Import_hash``. A file whose text no longer matches was edited by someone,
and stays as it is; a file that was deleted stays deleted.
"""

from __future__ import annotations

import enum
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .metadata import HASH_KEY, document_hash, parse_header, seal, strip_hash_line

logger = logging.getLogger(__name__)

TEMP_PREFIX = ".pelita-"
TEMP_SUFFIX = ".tmp"


class Outcome(enum.StrEnum):
    """What happened to one entry; the report counts these."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_ADMIN_EDIT = "kept_admin_edit"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Written:
    """The outcome for one entry, and the hash now on record for its file."""

    outcome: Outcome
    hash: str | None
    note: str | None = None


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one rename (same folder, so same disk)."""
    atomic_write_bytes(path, text.encode("utf-8"))


_MADE_FOLDERS: set[Path] = set()


def _ensure_folder(folder: Path) -> None:
    """Create ``folder`` once per process (a mkdir per file costs on slow disks)."""
    if folder not in _MADE_FOLDERS or not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        _MADE_FOLDERS.add(folder)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename (an image, say)."""
    _ensure_folder(path.parent)
    fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def remove_stale_temp_files(folder: Path) -> int:
    """Delete temporary files a killed run left under ``folder``."""
    removed = 0
    if not folder.is_dir():
        return removed
    for temp in folder.rglob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        temp.unlink(missing_ok=True)
        removed += 1
    return removed


def recorded_hash(text: str) -> str | None:
    """The ``Import_hash`` a file carries, if any."""
    return parse_header(text.splitlines()).get(HASH_KEY.lower())


def write_new(path: Path, document: str, dry_run: bool) -> Written:
    """Write a post for a new entry."""
    sealed, digest = seal(document)
    if not dry_run:
        atomic_write(path, sealed)
    return Written(Outcome.NEW, digest)


def rewrite(
    path: Path,
    candidate: str,
    replacement: str,
    known_hash: str | None,
    dry_run: bool,
) -> Written:
    """Write a changed entry over its file, unless the file was edited.

    ``candidate`` is what the file holds if nothing changed since the last
    run; ``replacement`` is written when the entry changed (it differs only
    by its ``Modified`` date). ``known_hash`` is the hash on record in the
    state (None when the state was lost: the file's own ``Import_hash`` is
    used then).
    """
    try:
        current = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Written(
            Outcome.KEPT_ADMIN_EDIT,
            known_hash,
            f"{path.name} was deleted; not restored",
        )
    current_hash = document_hash(current)
    if strip_hash_line(current) in (candidate, replacement):
        return Written(Outcome.UNCHANGED, current_hash)
    expected = known_hash or recorded_hash(current)
    if expected != current_hash:
        return Written(
            Outcome.KEPT_ADMIN_EDIT,
            expected,
            f"{path.name} was edited by hand; the feed's new version is not written",
        )
    sealed, digest = seal(replacement)
    if not dry_run:
        atomic_write(path, sealed)
    return Written(Outcome.UPDATED, digest)
