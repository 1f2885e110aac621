"""Feed files next to the registry: the offline demo's fetch backend.

A channel whose ``url`` is a relative path (allowed only when
``IMPORTER['local_feeds']`` is on, i.e. in the demo registry) is read from the
registry's folder and then goes through the same parse, clean, convert,
identity and write stages as a fetched feed. The path must stay inside that
folder. The file's SHA-256 stands in for an ETag, so an unchanged demo feed
is "not modified" on the next run. URLs relative to the feed resolve to files
next to it (``file:`` URLs that the media stage may read; they never reach
the published Markdown).

Demo web sites are served the same way: an HTML page is a ``.html`` file, a
folder stands for its ``index.html`` (a site given by its address), and the
links of a page (``file:`` URLs once resolved against it) may be read when
they point inside the registry's folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from pelita.importer.errors import FetchError
from pelita.importer.model import FetchResult, Validators

_TYPES = {
    ".json": "application/feed+json",
    ".atom": "application/atom+xml",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
}


def _file_uri_path(url: str, folder: Path) -> Path:
    """The path of a ``file:`` URL, which must lie inside ``folder``."""
    path = Path(unquote(urlsplit(url).path)).resolve()
    if not path.is_relative_to(folder):
        raise FetchError(f"{url!r} leaves the registry folder")
    return path


def resolve_local_feed(url: str, registry_dir: Path) -> Path:
    """The file a relative feed path names; refuse anything outside the folder.

    A ``file:`` URL (a link of a demo page) is accepted inside the folder; a
    folder means its ``index.html``.
    """
    folder = registry_dir.resolve()
    if url.startswith("file:"):
        path = _file_uri_path(url, folder)
        return path / "index.html" if path.is_dir() else path
    posix = PurePosixPath(url.replace("\\", "/"))
    if posix.is_absolute() or ":" in url or ".." in posix.parts:
        raise FetchError(f"{url!r} is not a relative path inside the registry folder")
    path = (folder / posix).resolve()
    if not path.is_relative_to(folder):
        raise FetchError(f"{url!r} leaves the registry folder")
    return path / "index.html" if path.is_dir() else path


def registry_relative(url: str, registry_dir: Path) -> str:
    """A ``file:`` URL inside the registry folder as a path relative to it.

    What the state and the report record for a demo channel, so they never
    hold a path of the machine.
    """
    if not url.startswith("file:"):
        return url
    folder = registry_dir.resolve()
    try:
        return _file_uri_path(url, folder).relative_to(folder).as_posix()
    except (FetchError, ValueError):
        return url


def fetch_local(
    url: str, registry_dir: Path, validators: Validators | None, max_bytes: int
) -> FetchResult:
    """Read a feed file as if it had been fetched (with an ETag of its hash)."""
    started = time.monotonic()
    path = resolve_local_feed(url, registry_dir)
    shown = registry_relative(url, registry_dir)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(f"{shown}: {size} bytes, over the {max_bytes}-byte cap")
        body = path.read_bytes()
    except FileNotFoundError as exc:
        raise FetchError(f"{shown}: no such file next to the registry") from exc
    except OSError as exc:
        raise FetchError(f"{shown}: cannot be read: {exc.strerror}") from exc
    etag = f'"sha256-{hashlib.sha256(body).hexdigest()[:32]}"'
    unchanged = validators is not None and validators.etag == etag
    content_type = _TYPES.get(path.suffix.lower(), "application/xml")
    return FetchResult(
        url=url,
        final_url=path.as_uri(),
        status=304 if unchanged else 200,
        headers=(("content-type", content_type),),
        body=b"" if unchanged else body,
        fetched_at=dt.datetime.now(dt.UTC),
        etag=etag,
        not_modified=unchanged,
        seconds=round(time.monotonic() - started, 3),
    )
