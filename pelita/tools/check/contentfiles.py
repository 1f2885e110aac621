"""Every file under ``content/``: allowed types only, and no links.

The rules are :mod:`pelita.core.staticfiles`'s, which the build guard
applies to every file it would publish: an SVG, an HTML page, a script, a
file whose bytes are not what its name says, a symbolic link (to a file or
a folder) or a hard link is an error here and is never published.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pelita.core.staticfiles import static_problem

from .context import ERROR, CheckContext
from .corpus import IMAGE_SUFFIXES, display_path
from .model import Problem


def check_content_files(ctx: CheckContext) -> Iterator[Problem]:
    """A problem for each file (or linked folder) under content/ not allowed."""
    content = ctx.corpus.content
    ignore = list(ctx.settings.get("IGNORE_FILES", []))
    if ctx.corpus.everything_selected:
        paths: Iterable[Path] = _walk(content, ignore)
    else:
        paths = [content / rel for rel in _inside(ctx.corpus.selected_paths, content)]
    for path in paths:
        if _judged_as_image(path, content, ctx):
            continue
        found = static_problem(path, content)
        if found is not None:
            yield Problem(
                f"{display_path(path.parent, ctx.root)}/{path.name}",
                None,
                ERROR,
                found.code,
                found.message,
                found.suggestion,
            )


def _judged_as_image(path: Path, content: Path, ctx: CheckContext) -> bool:
    """An image file the image check judges (with these rules first)."""
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return False
    relative = path.relative_to(content).as_posix()
    return not any(
        relative.startswith(folder.rstrip("/") + "/")
        for folder in ctx.config.imported_media
    )


def _walk(content: Path, ignore: list[str]) -> Iterator[Path]:
    """Every file and every linked folder under ``content``, links not followed."""
    if not content.is_dir():
        return
    for folder, dirs, names in os.walk(content, followlinks=False):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            if any(fnmatch.fnmatch(name, pattern) for pattern in ignore):
                continue
            if (here / name).is_symlink():
                yield here / name
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            if not any(fnmatch.fnmatch(name, pattern) for pattern in ignore):
                yield here / name


def _inside(paths: Iterable[Path], content: Path) -> Iterator[Path]:
    resolved_content = content.resolve()
    for path in paths:
        absolute = Path(os.path.abspath(path))
        for base in (content, resolved_content):
            try:
                yield absolute.relative_to(base)
                break
            except ValueError:
                continue
