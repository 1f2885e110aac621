"""The theme's published files: one stylesheet per page type, fingerprinted.

A page should block on one small stylesheet, not on every component of the
theme, and a phone should download it once a year, not once a day. So the
theme's files under ``static/`` are published under names that carry a
hash of their bytes (``css/pages/article.3f9a2b1c7e.css``), which lets a
host cache them for a year: a changed file gets a new name.

- A stylesheet under ``css/pages/`` is an *entry*: a list of ``@import``
  rules naming the parts it needs (``../parts/cards.css``). The imports are
  joined into one file, minified with rcssmin, and ``url()`` references to
  other theme files are pointed at their fingerprinted names.
- Other stylesheets are *parts*: read through the entries, never published.
- Every other file (scripts, images) is published as it is, fingerprinted.

Pure: the build plugin (``pelita.build.assets``) writes the files and gives
templates the ``asset`` filter; the web editor asks for the article
stylesheet the same way.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import rcssmin

from pelita.core.registries import closest

ENTRY_FOLDER = "css/pages"
HASH_LENGTH = 10
_IMPORT = re.compile(
    r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)["']?\s*\)?\s*([^;]*);"""
)
_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


class ThemeAssetError(ValueError):
    """A theme file that cannot be published (bad import, unknown asset)."""


@dataclass(frozen=True)
class Asset:
    """One published file: its name in the theme and its fingerprinted name."""

    logical: str  # "css/pages/article.css", "js/site.js"
    published: str  # "css/pages/article.3f9a2b1c7e.css"
    data: bytes


def fingerprinted(logical: str, data: bytes) -> str:
    """``js/site.js`` -> ``js/site.<hash>.js``; the hash is of ``data``."""
    digest = hashlib.sha256(data).hexdigest()[:HASH_LENGTH]
    folder, _, name = logical.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    named = f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"
    return f"{folder}/{named}" if folder else named


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def join_imports(path: Path, root: Path, seen: tuple[Path, ...] = ()) -> str:
    """The stylesheet at ``path`` with every local ``@import`` put in its place.

    ``url()`` references of each file are made relative to ``root`` (the
    static folder) with a leading ``/`` so they survive the move into one
    file; :func:`collect_assets` points them at the published names.
    """
    if path in seen:
        chain = " -> ".join(p.name for p in (*seen, path))
        raise ThemeAssetError(f"{path}: @import loop ({chain})")
    text = path.read_text(encoding="utf-8")
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)

    def imported(match: re.Match[str]) -> str:
        target, media = match.group(1), match.group(2).strip()
        if "://" in target or target.startswith("//"):
            raise ThemeAssetError(
                f"{path}:{_line_of(text, match.start())}: @import {target!r} loads "
                "from another host; theme stylesheets import local files only"
            )
        found = (path.parent / target).resolve()
        if not found.is_file():
            known = [
                Path(os.path.relpath(p, path.parent)).as_posix()
                for p in root.rglob("*.css")
            ]
            hint = closest(target, known, limit=1)
            raise ThemeAssetError(
                f"{path}:{_line_of(text, match.start())}: @import {target!r}: no "
                f"such file{f'; did you mean {hint[0]!r}?' if hint else ''}"
            )
        body = join_imports(found, root, (*seen, path))
        return f"@media {media} {{\n{body}\n}}" if media else body

    text = _IMPORT.sub(imported, text)
    return _URL.sub(lambda m: _rooted_url(m, path, root), text)


def _rooted_url(match: re.Match[str], path: Path, root: Path) -> str:
    url = match.group(2).strip()
    if url.startswith(("data:", "#", "/")) or "://" in url:
        return match.group(0)
    bare = url.split("?")[0].split("#")[0]
    target = (path.parent / bare).resolve()
    try:
        relative = target.relative_to(root.resolve()).as_posix()
    except ValueError as error:
        raise ThemeAssetError(
            f"{path}: url({url}) points outside the theme's static folder"
        ) from error
    return f'url("/{relative}")'


def collect_assets(static: Path) -> dict[str, Asset]:
    """Every file the theme publishes, by its name under ``static``.

    Raises :class:`ThemeAssetError` for a broken import or a ``url()`` to a
    file the theme does not have.
    """
    static = Path(static)
    assets: dict[str, Asset] = {}
    sheets: list[tuple[str, Path]] = []
    for path in sorted(p for p in static.rglob("*") if p.is_file()):
        logical = path.relative_to(static).as_posix()
        if any(part.startswith(".") for part in logical.split("/")):
            continue
        if logical.endswith(".css"):
            if logical.startswith(ENTRY_FOLDER + "/"):
                sheets.append((logical, path))
            continue
        data = path.read_bytes()
        assets[logical] = Asset(logical, fingerprinted(logical, data), data)
    for logical, path in sheets:
        text = join_imports(path, static)
        text = _URL.sub(lambda m, lg=logical: _published_url(m, lg, assets), text)
        data = rcssmin.cssmin(text).encode("utf-8")
        assets[logical] = Asset(logical, fingerprinted(logical, data), data)
    return assets


def _published_url(match: re.Match[str], logical: str, assets: Mapping) -> str:
    url = match.group(2).strip()
    if not url.startswith("/"):
        return match.group(0)
    target = url[1:].split("?")[0].split("#")[0]
    if target not in assets:
        raise ThemeAssetError(
            f"{logical}: url({url}) names a file the theme does not have"
        )
    relative = posixpath.relpath(
        assets[target].published, posixpath.dirname(logical) or "."
    )
    return f'url("{relative}")'


def published_name(assets: Mapping[str, Asset], logical: str) -> str:
    """The fingerprinted name of ``logical``; an error names the closest one."""
    asset = assets.get(logical)
    if asset is None:
        hint = closest(logical, list(assets), limit=1)
        raise ThemeAssetError(
            f"theme asset {logical!r} does not exist"
            + (f"; did you mean {hint[0]!r}?" if hint else "")
            + f" (stylesheets are entries under {ENTRY_FOLDER}/)"
        )
    return asset.published
