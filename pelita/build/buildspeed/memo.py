"""The plugins' per-post work, kept between builds by what it is made from.

Tagging a post's kecamatan, classifying its award, re-sanitizing its HTML:
each plugin does some work per post, and a 20,000-post site pays it on
every build although only a handful of posts changed. A plugin hands that
work to a :class:`PostMemo`:

* a result is kept under the post's *source*: its file's hash (by stat,
  :mod:`.sourcefiles`) and path, plus anything else the plugin names
  (``extra``: what other posts decided about it, such as its story);
* it is used when the build keeps work between builds (``BUILDSPEED``'s
  ``page_cache``), so a build with it off works everything out;
* the whole memo belongs to one *version* of the build: Pelita's code,
  ``PLUGIN_PATHS``, every registry file and ``data/``, and the settings
  (less where to build). Any change there starts the memo afresh, so a new
  rule or gazetteer entry is applied to every post.

Everything a post's source becomes (Pelican's reader, then every plugin in
order) is a function of those, which is what makes the memo safe. A result
must be picklable; results that hold registry objects (areas, offices) are
stored once per object by pickle, not once per post.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from pelita.core.registries import registry_paths

from .fingerprint import FileHashes, code_folders, site_fingerprint
from .settings import BUILD_ONLY_SETTINGS, incremental
from .sourcefiles import SourceFiles

logger = logging.getLogger(__name__)

T = TypeVar("T")
FOLDER = "buildspeed-memo"


def build_version(settings: dict[str, Any]) -> str:
    """A digest of the code, registries, ``data/`` and settings of a build."""
    shared = {k: v for k, v in settings.items() if k not in BUILD_ONLY_SETTINGS}
    folders = [*code_folders(settings), Path("data")]
    folders += list(registry_paths(settings).values())
    return site_fingerprint(shared, folders, FileHashes())


class PostMemo:
    """One plugin's results per post (see the module docstring)."""

    VERSION = 1
    _versions: ClassVar[dict[int, tuple[Any, str]]] = {}
    _sources: ClassVar[dict[str, SourceFiles]] = {}

    def __init__(self, settings: dict[str, Any], name: str) -> None:
        self.name = name
        self.enabled = bool(settings.get("CACHE_PATH")) and incremental(settings)
        self.known: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        self.computed = 0
        if not self.enabled:  # a handler run outside a build: nothing kept
            return
        folder = Path(settings["CACHE_PATH"]) / FOLDER
        self.path = folder / f"{name}.pickle"
        self.version = self._version(settings)
        self.sources = self._source_files(folder)
        try:
            with self.path.open("rb") as handle:
                version, build, known = pickle.load(handle)
            if (version, build) == (self.VERSION, self.version):
                self.known = known
        except (OSError, EOFError, ValueError, pickle.UnpicklingError, TypeError):
            pass
        except (AttributeError, ImportError):  # a class that no longer exists
            pass

    @classmethod
    def _version(cls, settings: dict[str, Any]) -> str:
        known = cls._versions.get(id(settings))
        if known is None or known[0] is not settings:
            known = (settings, build_version(settings))
            cls._versions[id(settings)] = known
        return known[1]

    @classmethod
    def _source_files(cls, folder: Path) -> SourceFiles:
        key = str(folder)
        if key not in cls._sources:
            cls._sources[key] = SourceFiles(folder / "sources.pickle", "")
        return cls._sources[key]

    def key(self, post: Any, extra: tuple[Any, ...] = ()) -> str:
        """What ``post``'s result is kept under."""
        source = str(getattr(post, "source_path", "") or "")
        sha = self.sources.sha256(Path(source)) if source else ""
        text = "\0".join((source, sha, *(repr(x) for x in extra)))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(
        self, post: Any, compute: Callable[[], T], extra: tuple[Any, ...] = ()
    ) -> T:
        """The kept result for ``post``, or ``compute()`` (kept for next time)."""
        source = getattr(post, "source_path", None)
        if not source or not self.enabled:
            return compute()
        key = self.key(post, extra)
        if key in self.used:
            return self.used[key]
        if key in self.known:
            value = self.known[key]
        else:
            value = compute()
            self.computed += 1
        self.used[key] = value
        return value

    def save(self) -> None:
        """Keep this build's results (only those, so the file never grows)."""
        if not self.enabled:
            return
        if not self.computed and len(self.used) == len(self.known):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump(
                (self.VERSION, self.version, self.used),
                handle,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        partial.replace(self.path)
        for sources in self._sources.values():
            sources.save()
        logger.debug(
            "buildspeed: %s: %d posts from the memo, %d worked out",
            self.name,
            len(self.used) - self.computed,
            self.computed,
        )
