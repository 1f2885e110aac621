"""Stable digests of what a page is made from, for the page cache.

``stable`` turns settings, articles and whatever plugins attach to them into
text that is the same in every process for equal inputs: no memory
addresses, sets and dicts in sorted order, other site content named by its
source file and that file's hash. ``site_fingerprint`` covers everything
that is shared by all pages: Pelican's settings, the installed packages'
versions, and every file of the theme, the plugins and the registries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import importlib.metadata
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

import pelita

from .paths import looks_like_file

PELITA_CODE = Path(pelita.__file__).resolve().parent

_ADDRESS = re.compile(r" at 0x[0-9a-f]+")
# Attributes that are the whole build (or derived from the source) and would
# make a digest enormous; the source is covered by the file hash instead.
SKIPPED_ATTRIBUTES = frozenset({"settings", "_context", "_content", "_summary"})
MAX_DEPTH = 6


class FileHashes:
    """SHA-256 of files, each read once per build; also other posts' digests."""

    def __init__(self) -> None:
        self._known: dict[Path, str] = {}
        # A post is in the related lists of several others: describe it once.
        self.refs: dict[int, tuple[Any, str]] = {}
        # Digests of posts for page keys (``PostDigests.ref``), when a build has them.
        self.posts: Any = None

    def of(self, path: Path) -> str:
        """The hash of ``path``, or "" when it is not a readable file."""
        if path not in self._known:
            try:
                self._known[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._known[path] = ""
        return self._known[path]


def _scalar(value: Any) -> str | None:
    if value is None or isinstance(value, bool | int | float | str):
        return repr(str(value) if isinstance(value, str) else value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return f"{type(value).__name__}({value.isoformat()})"
    if isinstance(value, Path):
        return f"Path({value})"
    if isinstance(value, ModuleType):
        return f"<module {value.__name__}>"
    return None


def _content_ref(value: Content, hashes: FileHashes) -> str:
    """Another post as a page may show it: metadata, URL, HTML, named files.

    Its HTML (not its file) is hashed, so no file is read for it; its photo
    is, since a card shows the photo's sizes. Computed once per post and build.
    """
    if hashes.posts is not None:
        return f"{type(value).__name__}({hashes.posts.ref(value)})"
    known = hashes.refs.get(id(value))
    if known is not None and known[0] is value:
        return known[1]
    text = _describe_ref(value, hashes)
    hashes.refs[id(value)] = (value, text)
    return text


def _describe_ref(value: Content, hashes: FileHashes) -> str:
    html = str(getattr(value, "_content", "") or "").encode("utf-8", "replace")
    root = Path((getattr(value, "settings", None) or {}).get("PATH", "."))
    files = [
        hashes.of(root / v)
        for v in value.metadata.values()
        if isinstance(v, str) and looks_like_file(v)
    ]
    fields = {
        "source": getattr(value, "source_path", ""),
        "url": getattr(value, "url", ""),
        "metadata": value.metadata,
        "html": hashlib.sha256(html).hexdigest(),
        "files": files,
    }
    digest = hashlib.sha256(stable(fields, hashes, MAX_DEPTH - 2).encode("utf-8"))
    return f"{type(value).__name__}({digest.hexdigest()})"


def stable(value: Any, hashes: FileHashes, depth: int = 0) -> str:
    """Deterministic text for ``value`` (see the module docstring)."""
    scalar = _scalar(value)
    if scalar is not None:
        return scalar
    if depth > MAX_DEPTH:
        return f"<{type(value).__name__}>"
    if isinstance(value, Content) and depth > 0:
        return _content_ref(value, hashes)
    if isinstance(value, URLWrapper):
        return f"{type(value).__name__}({value.name}|{value.url})"
    return _container(value, hashes, depth + 1)


def _container(value: Any, hashes: FileHashes, depth: int) -> str:
    if isinstance(value, Mapping):
        items = sorted(
            (stable(k, hashes, depth), stable(v, hashes, depth))
            for k, v in value.items()
        )
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(stable(v, hashes, depth) for v in value)) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(stable(v, hashes, depth) for v in value) + "]"
    if callable(value) and hasattr(value, "__qualname__"):
        return f"<{getattr(value, '__module__', '')}.{value.__qualname__}>"
    return _object(value, hashes, depth)


def _object(value: Any, hashes: FileHashes, depth: int) -> str:
    if dataclasses.is_dataclass(value):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    elif hasattr(value, "__dict__"):
        fields = {k: v for k, v in vars(value).items() if k not in SKIPPED_ATTRIBUTES}
    else:
        return _ADDRESS.sub("", repr(value))
    return f"{type(value).__qualname__}{stable(fields, hashes, depth)}"


def _tree_hashes(roots: Iterable[Path], hashes: FileHashes) -> list[str]:
    lines = []
    for root in roots:
        if root.is_file():
            lines.append(f"{root}:{hashes.of(root)}")
            continue
        files = (
            sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
        )
        for path in files:
            if "__pycache__" in path.parts or path.suffix in {".pyc", ".pyo"}:
                continue
            lines.append(f"{path.relative_to(root)}:{hashes.of(path)}")
    return lines


def code_folders(settings: Mapping[str, Any]) -> list[Path]:
    """Pelita's own code (every layer a plugin may import) and ``PLUGIN_PATHS``.

    Plugins are loaded by dotted name from the installed ``pelita`` package,
    so its folder is hashed like the plugin folders of ``PLUGIN_PATHS``.
    """
    return [PELITA_CODE, *(Path(p) for p in settings.get("PLUGIN_PATHS") or [])]


@functools.cache
def installed_packages() -> list[str]:
    """``name==version`` of every installed package (read once per process)."""
    return sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    )


def site_fingerprint(
    settings: Mapping[str, Any], folders: Iterable[Path], hashes: FileHashes
) -> str:
    """A digest that changes whenever anything shared by every page changes.

    ``folders`` may also name single files (a registry outside ``data/``).
    """
    digest = hashlib.sha256()
    packages = installed_packages()
    for part in (
        packages,
        [stable(settings, hashes)],
        _tree_hashes(folders, hashes),
    ):
        digest.update("\n".join(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
