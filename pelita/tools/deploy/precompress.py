"""Gzipped copies of the site's text, for servers that send them as they are.

A page is budgeted at 60 KB as sent, so its text must travel compressed
from every target. The S3 target stores text gzipped itself; GitHub Pages
compresses on its own. A server the ``rsync`` target feeds compresses only
when configured to, so the gated build writes a ``.gz`` sibling next to
every text file (``index.html.gz`` beside ``index.html``), which nginx
(``gzip_static on``) and Caddy (``file_server { precompressed gzip }``)
send to any browser that accepts gzip, with no work per request; and the
gate's ``compressed`` step proves that each sibling is there and holds
exactly its file's bytes, so a stale sibling can never serve an old page.

Which files are text is the S3 target's rule
(:func:`pelita.tools.deploy.s3_rules.is_compressible`). The output is
deterministic (no name or time in the gzip header), so an unchanged page's
sibling has unchanged bytes and rsync links it instead of sending it. Each
sibling is also kept in a cache by its file's content hash: the build
rewrites the whole of output/, but only changed text is compressed again.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .s3_rules import is_compressible

logger = logging.getLogger(__name__)

SUFFIX = ".gz"
LEVEL = 9


@dataclass(frozen=True)
class Precompressed:
    """What one run did: siblings written, of which compressed anew, removed."""

    written: int
    compressed: int
    removed: int


def text_files(output: Path) -> Iterator[Path]:
    """Every file under ``output`` that is sent compressed, in a stable order."""
    for folder, dirs, names in os.walk(output):
        dirs.sort()
        for name in sorted(names):
            if is_compressible(name):
                yield Path(folder) / name


def gzipped(data: bytes) -> bytes:
    """``data`` gzipped the same way every time (no file name, time zero)."""
    return gzip.compress(data, compresslevel=LEVEL, mtime=0)


def precompress(output: Path, cache: Path) -> Precompressed:
    """Write the ``.gz`` sibling of every text file; drop siblings left alone.

    ``cache`` keeps the compressed bytes by content hash between builds;
    entries this run did not use are removed at the end.
    """
    cache.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    written = compressed = 0
    for path in text_files(output):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        cached = cache / f"{digest}{SUFFIX}"
        if not cached.is_file():
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            tmp.write_bytes(gzipped(data))
            tmp.replace(cached)
            compressed += 1
        used.add(cached.name)
        _place(cached, path.with_name(path.name + SUFFIX))
        written += 1
    removed = sum(1 for orphan in orphan_siblings(output) if _unlink(orphan))
    for entry in cache.iterdir():
        if entry.name not in used:
            _unlink(entry)
    logger.info(
        "deploy: %d gzipped siblings in %s (%d compressed anew, %d stale removed)",
        written, output, compressed, removed,
    )  # fmt: skip
    return Precompressed(written, compressed, removed)


def orphan_siblings(output: Path) -> Iterator[Path]:
    """``.gz`` files whose text file is gone (a deleted page's old copy)."""
    for folder, _dirs, names in os.walk(output):
        present = set(names)
        for name in names:
            source = name.removesuffix(SUFFIX)
            if (
                name.endswith(SUFFIX)
                and is_compressible(source)
                and (source not in present)
            ):
                yield Path(folder) / name


def compression_problems(output: Path) -> list[str]:
    """Text files without a ``.gz`` sibling that holds exactly their bytes."""
    problems = []
    for path in text_files(output):
        sibling = path.with_name(path.name + SUFFIX)
        shown = path.relative_to(output).as_posix()
        try:
            packed = sibling.read_bytes()
        except FileNotFoundError:
            problems.append(f"{shown}: no {shown}{SUFFIX} beside it")
            continue
        try:
            same = gzip.decompress(packed) == path.read_bytes()
        except (OSError, EOFError):
            problems.append(f"{shown}{SUFFIX}: not a gzip file")
            continue
        if not same:
            problems.append(
                f"{shown}{SUFFIX}: holds other bytes than {shown} (stale copy)"
            )
    for orphan in orphan_siblings(output):
        shown = orphan.relative_to(output).as_posix()
        problems.append(f"{shown}: left over, its page is gone")
    return problems


def _place(cached: Path, sibling: Path) -> None:
    """Copy the cached bytes to ``sibling``.

    A copy, not a hard link: anything that later writes to a file of
    output/ in place must not reach the cache and every build after it.
    """
    tmp = sibling.with_name(f"{sibling.name}.{os.getpid()}.tmp")
    shutil.copyfile(cached, tmp)
    tmp.replace(sibling)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True
