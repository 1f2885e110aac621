"""Git conflict markers left in a file the build reads: a merge not finished.

When two people change the same lines, git stops the merge and writes both
versions into the file between marker lines (``<<<<<<< ours``, ``=======``,
``>>>>>>> theirs``, and ``|||||||`` in diff3 style). A file committed like
that would publish both versions and the markers. Every text file of the
content tree and of the registry folder is searched (Markdown posts and
pages, HTML, YAML, JSON, CSV ...), whoever wrote it, and each file with
markers is one error naming every marker line.

A line of exactly seven ``=`` is a marker too, even alone: it is also a
Markdown heading underline, but a heading is written with ``#`` in Pelita,
and a leftover ``=======`` is the one marker a hasty clean-up forgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pelita.core.registries import RegistryError, registry_paths

from .context import CheckContext
from .corpus import MARKDOWN_SUFFIXES, display_path
from .model import Problem, Severity

CODE = "konflik-git"
TEXT_SUFFIXES = (
    *MARKDOWN_SUFFIXES, ".html", ".htm", ".txt", ".rst", ".yml", ".yaml",
    ".json", ".geojson", ".csv", ".xml", ".css", ".js",
)  # fmt: skip
LARGEST = 20 << 20  # bytes; a bigger "text" file is not a post or a registry
MARKER = re.compile(rb"^(?:(?:<{7}|>{7}|\|{7})(?:[ \t][^\r\n]*)?|={7})\r?$", re.M)


def check_conflict_markers(ctx: CheckContext) -> Iterator[Problem]:
    """One error per file that still holds conflict markers."""
    for path in _files(ctx):
        try:
            if path.stat().st_size > LARGEST:
                continue
            data = path.read_bytes()
        except OSError:
            continue  # unreadable files are reported by the other checks
        lines = marker_lines(data)
        if lines:
            yield _problem(display_path(path, ctx.root), lines)


def marker_lines(data: bytes) -> list[int]:
    """The 1-based numbers of the lines of ``data`` that are conflict markers."""
    if not any(token in data for token in (b"<" * 7, b">" * 7, b"=" * 7, b"|" * 7)):
        return []  # most files: no regex run at all
    return [data.count(b"\n", 0, found.start()) + 1 for found in MARKER.finditer(data)]


def _problem(shown: str, lines: list[int]) -> Problem:
    where = ", ".join(str(line) for line in lines)
    return Problem(
        shown,
        lines[0],
        Severity.ERROR,
        CODE,
        f"Penanda konflik git (<<<<<<<, =======, >>>>>>>) tertinggal di baris "
        f"{where}: penggabungan (merge) belum selesai",
        "pilih isi yang benar di antara <<<<<<< dan >>>>>>>, hapus isi yang lain "
        "dan semua baris penanda; judul ditulis dengan #, bukan garis =======",
    )


def _files(ctx: CheckContext) -> Iterable[Path]:
    corpus = ctx.corpus
    if not corpus.everything_selected:
        yield from (source.path for source in corpus.selected)
        return
    seen: set[Path] = set()
    for relative in sorted(corpus.all_paths):
        if relative.lower().endswith(TEXT_SUFFIXES):
            seen.add(corpus.content / relative)
            yield corpus.content / relative
    for folder in _registry_folders(ctx):
        for path in sorted(folder.iterdir()):
            text = path.is_file() and path.name.lower().endswith(TEXT_SUFFIXES)
            if text and path not in seen:
                yield path


def _registry_folders(ctx: CheckContext) -> set[Path]:
    """The folders of the registries (``data/``): channels, state, gazetteer."""
    try:
        paths = list(registry_paths(dict(ctx.settings), ctx.root).values())
    except RegistryError:
        paths = []  # reported by the registry check
    importer = ctx.settings.get("IMPORTER") or {}
    for key in ("channels_file", "state_file"):
        if isinstance(importer, dict) and importer.get(key):
            paths.append(ctx.root / str(importer[key]))
    return {path.parent.resolve() for path in paths if path.parent.is_dir()}
