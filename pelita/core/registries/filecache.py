"""Cache a registry loaded from files until one of the files changes.

``functools.cache`` keyed by path kept serving the old gazetteer after an
admin edited it, so ``invoke livereload`` and ``regenerate`` needed a restart.
Here the key is the path *and* each file's modification time and size: an
edited file is read again on the next call, an unchanged one is not.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

Stamp = tuple[int, int] | None


def file_stamp(path: Any) -> Stamp:
    """``(mtime_ns, size)`` of ``path``, or None when it is absent or not a path."""
    if path is None:
        return None
    try:
        stat = os.stat(Path(path))
    except (OSError, TypeError):
        return None
    return stat.st_mtime_ns, stat.st_size


def cached_by_file_time(loader: Callable[..., T]) -> Callable[..., T]:
    """Memoize ``loader(path, ...)`` on its arguments and their files' stamps.

    Every positional ``str`` or path argument is taken as a file path; other
    arguments (None, keyword options such as a tuple of names, a flag or a
    function) are part of the key as they are, so they must be hashable. A
    failed load is not cached, so a fixed file is read again.
    """
    cache: dict[tuple, tuple[tuple[Stamp, ...], T]] = {}

    @functools.wraps(loader)
    def load(*paths: Any, **options: Any) -> T:
        key = (
            *(str(Path(p)) if isinstance(p, str | os.PathLike) else p for p in paths),
            *sorted(options.items()),
        )
        stamps = tuple(
            file_stamp(p) if isinstance(p, str | os.PathLike) else None for p in paths
        )
        found = cache.get(key)
        if found is not None and found[0] == stamps:
            return found[1]
        value = loader(*paths, **options)
        cache[key] = (stamps, value)
        return value

    return load
