"""Hashes of the site's source files, kept between builds by their stat.

Every page key needs the hash of the posts it shows, and a 20,000-post site
has 20,000 sources and some 2,000 photos: reading and hashing them all
takes seconds. A file whose size and modification time (to the nanosecond)
are those recorded last time keeps its recorded hash; any other file is read
again. A fresh checkout (new modification times everywhere) is hashed in
full once, which is always correct.

The local links of a post's HTML (which photos it shows) depend only on the
source and the settings, so they are kept by the source's hash.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from .files import html_links


@dataclass(frozen=True)
class Record:
    """A file's hash and, for a post, the local links of its HTML."""

    sha256: str
    links: tuple[str, ...] = ()


class SourceFiles:
    """File hashes by stat, loaded from and saved to one file in the cache."""

    VERSION = 1

    def __init__(self, path: Path, settings_key: str) -> None:
        self.path = path
        self.settings_key = settings_key
        self._stats: dict[str, tuple[int, int, str]] = {}
        self._links: dict[str, tuple[str, ...]] = {}
        self._is_file: dict[Path, bool] = {}
        self._used: dict[str, tuple[int, int, str]] = {}
        self._used_links: dict[str, tuple[str, ...]] = {}
        self._load()

    def _load(self) -> None:
        try:
            with self.path.open("rb") as handle:
                version, key, stats, links = pickle.load(handle)
        except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError):
            return
        if version != self.VERSION:
            return
        self._stats = stats
        if key == self.settings_key:
            self._links = links

    def sha256(self, path: Path) -> str:
        """The SHA-256 of ``path``, or "" when it is not a readable file."""
        name = os.fspath(path)
        known = self._used.get(name)
        if known is not None:
            return known[2]
        try:
            stat = os.stat(name)
        except OSError:
            return ""
        stored = self._stats.get(name)
        if stored is not None and stored[:2] == (stat.st_size, stat.st_mtime_ns):
            self._used[name] = stored
            return stored[2]
        try:
            with open(name, "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
        except OSError:
            return ""
        self._used[name] = (stat.st_size, stat.st_mtime_ns, digest)
        return digest

    def record(self, path: Path, html: str | None = None) -> Record:
        """The hash of a post's source and the local links of its ``html``."""
        sha = self.sha256(path)
        links = self._used_links.get(sha)
        if links is None:
            links = self._links.get(sha)
            if links is None:
                links = html_links(html or "")
            self._used_links[sha] = links
        return Record(sha, links)

    def is_file(self, path: Path) -> bool:
        """Whether ``path`` is a file (asked once per build)."""
        if path not in self._is_file:
            self._is_file[path] = path.is_file()
        return self._is_file[path]

    def save(self) -> None:
        """Keep what this build hashed (and nothing it did not look at)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump(
                (self.VERSION, self.settings_key, self._used, self._used_links),
                handle,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        partial.replace(self.path)
