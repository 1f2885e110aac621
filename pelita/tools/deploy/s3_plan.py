"""What an S3 deploy must upload and delete, and in which order.

A file is uploaded when the bucket has no object under its key, when the
object's ETag (the MD5 of a single-part upload) differs from the file's MD5,
or when the headers recorded for it at the last deploy differ from today's
rules. Everything else is left alone, so a nightly deploy sends only what
changed. Uploads go in phases: fingerprinted assets, other assets, data
(feeds, sitemaps, search index), and HTML last, deepest pages first, so a
page never goes live before what it links to; deletions come after all
uploads, when no new page points at a removed object any more.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .config import S3Config
from .s3_rules import cache_class, content_type, is_compressible

PHASES = ("immutable", "default", "data", "html")
# gzip -9 saves about 1 % over -6 on pages and costs three times the time.
GZIP_LEVEL = 6


@dataclass(frozen=True)
class LocalObject:
    """A file of output/ as the object it becomes."""

    key: str
    path: Path
    md5: str
    size: int
    content_type: str
    cache_control: str
    phase: str
    encoding: str = ""  # "gzip": the object holds the file gzipped

    @property
    def headers(self) -> dict[str, str]:
        """The headers recorded in the manifest (to notice rule changes)."""
        recorded = {"type": self.content_type, "cache": self.cache_control}
        if self.encoding:
            recorded["encoding"] = self.encoding
        return recorded

    def body(self) -> bytes:
        """The bytes the object holds (``md5`` and ``size`` are of these)."""
        data = self.path.read_bytes()
        return gzipped(data) if self.encoding == "gzip" else data

    @property
    def content_md5(self) -> str:
        """The ``Content-MD5`` header value (base64 of the digest)."""
        return base64.b64encode(bytes.fromhex(self.md5)).decode("ascii")


@dataclass(frozen=True)
class Plan:
    """Uploads in order, deletions, and how many objects stay as they are."""

    uploads: tuple[LocalObject, ...]
    deletes: tuple[str, ...]
    unchanged: int

    def phases(self) -> list[tuple[str, list[LocalObject]]]:
        """The uploads grouped by phase, in upload order, empty phases left out."""
        grouped = [
            (phase, [item for item in self.uploads if item.phase == phase])
            for phase in PHASES
        ]
        return [(phase, items) for phase, items in grouped if items]


def object_key(prefix: str, relative: str) -> str:
    """The object key of a file at ``relative`` under the bucket ``prefix``."""
    prefix = prefix.strip("/")
    return f"{prefix}/{relative}" if prefix else relative


def scan_output(output: Path, config: S3Config) -> list[LocalObject]:
    """Every file of ``output`` with its key, digest and headers."""
    objects = []
    for folder, _dirs, names in os.walk(output):
        for name in names:
            path = Path(folder) / name
            relative = path.relative_to(output).as_posix()
            phase = cache_class(relative, config.immutable_patterns)
            if config.gzip and is_compressible(relative):
                body = gzipped(path.read_bytes())
                md5, size, encoding = _md5_of(body), len(body), "gzip"
            else:
                md5, size, encoding = _md5(path), path.stat().st_size, ""
            objects.append(
                LocalObject(
                    key=object_key(config.prefix, relative),
                    path=path,
                    md5=md5,
                    size=size,
                    content_type=content_type(relative),
                    cache_control=config.cache_control[phase],
                    phase=phase,
                    encoding=encoding,
                )
            )
    return objects


def gzipped(data: bytes) -> bytes:
    """``data`` gzipped the same way every time (no timestamp, fixed level).

    The same file then gives the same object and ETag at every deploy, so
    an unchanged page is not uploaded again.
    """
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def _md5_of(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def make_plan(
    local: list[LocalObject],
    remote_etags: Mapping[str, str],
    recorded: Mapping[str, Mapping[str, str]],
    keep: frozenset[str] = frozenset(),
) -> Plan:
    """Compare ``local`` with the bucket listing and the last manifest."""
    uploads = [
        item
        for item in local
        if remote_etags.get(item.key) != item.md5
        or dict(recorded.get(item.key, {})) != item.headers
    ]
    wanted = {item.key for item in local} | keep
    deletes = tuple(sorted(key for key in remote_etags if key not in wanted))
    uploads.sort(key=_upload_order)
    return Plan(tuple(uploads), deletes, len(local) - len(uploads))


def _upload_order(item: LocalObject) -> tuple[int, int, str]:
    depth = item.key.count("/")
    return (PHASES.index(item.phase), -depth if item.phase == "html" else 0, item.key)


def _md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
