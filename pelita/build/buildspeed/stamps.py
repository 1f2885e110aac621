"""Pelican's content-cache check, without reading files that did not change.

With ``CHECK_MODIFIED_METHOD = "md5"`` (a fresh checkout changes every
modification time, so ``mtime`` would miss the cache everywhere), Pelican
reads and hashes every source file twice per build: once for the
generator's cache, once for the readers'. On a 20,000-post site that is
40,000 reads to learn that nothing changed. Here the hash of a file is kept
with its size and modification time (to the nanosecond) in
``CACHE_PATH/buildspeed/stamps.pickle``: a file whose size and time are the
recorded ones keeps its recorded hash, any other is read and hashed as
Pelican would. A fresh checkout is hashed in full once, which is always
correct. The hashes are Pelican's own (``hashlib`` with the same method),
so the content cache written by one build is valid for the next either way.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any, ClassVar

from .settings import incremental

FILE = Path("buildspeed") / "stamps.pickle"


class StampCache:
    """File hashes by method, size and modification time, kept between builds."""

    _current: ClassVar[dict[str, StampCache]] = {}

    def __init__(self, path: Path, method: str) -> None:
        self.path = path
        self.method = method
        self.known: dict[str, tuple[int, int, bytes]] = {}
        self.used: dict[str, tuple[int, int, bytes]] = {}
        try:
            with path.open("rb") as handle:
                stored_method, known = pickle.load(handle)
            if stored_method == method:
                self.known = known
        except (OSError, EOFError, ValueError, pickle.UnpicklingError, TypeError):
            pass

    @classmethod
    def of(cls, settings: dict[str, Any]) -> StampCache:
        """The cache of this build's ``CACHE_PATH`` (one per process and path)."""
        path = Path(settings["CACHE_PATH"]) / FILE
        method = str(settings["CHECK_MODIFIED_METHOD"])
        key = f"{path}:{method}"
        if key not in cls._current:
            cls._current[key] = StampCache(path, method)
        return cls._current[key]

    def stamp(self, filename: str | os.PathLike[str]) -> bytes:
        """The file's hash, as Pelican's ``filestamp_func`` returns it."""
        name = os.fspath(filename)
        stat = os.stat(name)
        known = self.used.get(name) or self.known.get(name)
        if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
            self.used[name] = known
            return known[2]
        with open(name, "rb") as handle:
            digest = hashlib.new(self.method, handle.read()).digest()
        self.used[name] = (stat.st_size, stat.st_mtime_ns, digest)
        return digest

    def save(self) -> None:
        """Keep the hashes of the files this build looked at."""
        if not self.used:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump((self.method, self.used), handle, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.path)


def use_kept_stamps(cacher: Any) -> None:
    """Give a generator's or the readers' content cache the kept hashes.

    Only with a hash method (not ``mtime``) and when the build keeps work
    between builds (``BUILDSPEED``'s ``page_cache``).
    """
    settings = cacher.settings
    method = str(settings.get("CHECK_MODIFIED_METHOD") or "mtime")
    if method == "mtime" or not incremental(settings):
        return
    if method not in hashlib.algorithms_available:
        return  # Pelican warns about it and stamps nothing; leave that as it is
    if getattr(cacher, "_filestamp_func", None) is None:
        return
    cacher._filestamp_func = StampCache.of(settings).stamp


def save_stamps(pelican: Any) -> None:
    """Save every kept-stamp cache of the build, and forget them.

    The next build in this process (a test, a development server) reads the
    file again, so a cache folder deleted in between is never outlived.
    """
    for cache in StampCache._current.values():
        cache.save()
    StampCache._current.clear()
