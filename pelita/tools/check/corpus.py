"""Find every Markdown file Pelican would read, and index the content tree.

The whole tree is always loaded (duplicate slugs and broken links are about
the whole site), even when only some files are reported on.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.utils import slugify

from pelita.core.registries.paths import display_path

from .config import CheckConfig
from .source import SourceFile, parse_source

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


@dataclass
class Corpus:
    """The content tree: its Markdown files, every file's path, and selections."""

    content: Path
    files: list[SourceFile] = field(default_factory=list)
    all_paths: set[str] = field(default_factory=set)
    selected: list[SourceFile] = field(default_factory=list)
    selected_images: list[Path] = field(default_factory=list)
    # Every file named by the selection, as given (links not followed).
    selected_paths: list[Path] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    everything_selected: bool = True
    _by_name: dict[str, list[str]] | None = field(default=None, repr=False)
    _by_folder: dict[str, list[str]] | None = field(default=None, repr=False)

    def by_name(self) -> dict[str, list[str]]:
        """Content paths by lower-case file name (built once, on first use)."""
        if self._by_name is None:
            self._by_name = defaultdict(list)
            for path in self.all_paths:
                self._by_name[posixpath.basename(path).lower()].append(path)
        return self._by_name

    def by_folder(self) -> dict[str, list[str]]:
        """Content paths by folder (built once, on first use)."""
        if self._by_folder is None:
            self._by_folder = defaultdict(list)
            for path in self.all_paths:
                self._by_folder[posixpath.dirname(path)].append(path)
        return self._by_folder

    def relative(self, path: Path) -> str | None:
        """``path`` relative to the content folder (POSIX), or None if outside."""
        try:
            return path.resolve().relative_to(self.content.resolve()).as_posix()
        except ValueError:
            return None


def _ignored(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def walk_files(folder: Path, ignore: list[str]) -> Iterable[Path]:
    """Every file under ``folder`` that Pelican does not ignore, sorted."""
    for current, dirs, names in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not _ignored(d, ignore))
        for name in sorted(names):
            if not _ignored(name, ignore):
                yield Path(current) / name


def load_corpus(
    settings: Mapping[str, Any],
    root: Path,
    config: CheckConfig,
    paths: Iterable[str | Path] | None = None,
) -> Corpus:
    """Read the content tree under ``settings["PATH"]`` and mark the selection."""
    content = (root / settings.get("PATH", "content")).resolve()
    corpus = Corpus(content)
    ignore = list(settings.get("IGNORE_FILES", []))
    page_paths = tuple(settings.get("PAGE_PATHS", ["pages"]))
    sources = tuple(settings.get("ARTICLE_PATHS", [""])) + page_paths
    seen: set[Path] = set()
    shown = display_path(content, root)
    for path in walk_files(content, ignore) if content.is_dir() else ():
        relative = path.relative_to(content).as_posix()
        corpus.all_paths.add(relative)
        if not path.name.endswith(MARKDOWN_SUFFIXES) or path in seen:
            continue
        if not any(_under(relative, folder) for folder in sources):
            continue
        seen.add(path)
        is_page = any(_under(relative, folder) for folder in page_paths)
        corpus.files.append(parse_source(path, f"{shown}/{relative}", None, is_page))
    _select(corpus, root, paths, ignore)
    return corpus


def _under(relative: str, folder: str) -> bool:
    folder = folder.strip("/")
    return not folder or relative == folder or relative.startswith(folder + "/")


def _select(
    corpus: Corpus, root: Path, paths: Iterable[str | Path] | None, ignore: list[str]
) -> None:
    if paths is None:
        corpus.selected = list(corpus.files)
        return
    corpus.everything_selected = False
    by_path = {source.path.resolve(): source for source in corpus.files}
    chosen: dict[Path, SourceFile] = {}
    for given in paths:
        path = Path(given) if Path(given).is_absolute() else root / given
        if not path.exists():
            corpus.missing.append(str(given))
            continue
        candidates = walk_files(path, ignore) if path.is_dir() else [path]
        for candidate in candidates:
            corpus.selected_paths.append(candidate)
            _choose(corpus, root, candidate.resolve(), by_path, chosen)
    corpus.selected = list(chosen.values())


def _choose(
    corpus: Corpus,
    root: Path,
    path: Path,
    by_path: dict[Path, SourceFile],
    chosen: dict[Path, SourceFile],
) -> None:
    if path.name.endswith(MARKDOWN_SUFFIXES):
        source = by_path.get(path)
        if source is None:  # outside the content tree: judge it as an admin post
            source = parse_source(path, display_path(path, root), "admin", False)
            corpus.files.append(source)
        chosen[path] = source
    elif path.suffix.lower() in IMAGE_SUFFIXES:
        corpus.selected_images.append(path)


IMAGE_SUFFIXES = {
    ".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".tif", ".tiff",
    ".bmp", ".avif",
}  # fmt: skip


def slug_of(source: SourceFile, settings: Mapping[str, Any]) -> str:
    """The slug Pelican gives the file: ``Slug`` or the slugified title."""
    explicit = source.get("slug")
    if explicit:
        return explicit
    title = source.get("title")
    if not title:
        return ""
    return slugify(
        title,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def category_slug(name: str, settings: Mapping[str, Any]) -> str:
    """The URL part Pelican makes from a category name."""
    subs = settings.get(
        "CATEGORY_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    )
    return slugify(name, regex_subs=subs)
