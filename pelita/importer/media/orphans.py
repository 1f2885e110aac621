"""Images no post uses: what a killed or interrupted run leaves behind.

An entry's images are stored before its post is written (the post names
them), so a run killed in between, or a post held back after its images
were fetched, leaves image files without a post. The nightly commit would
publish them. They are removed here: only files the importer itself names
(``<20 hex digits>.webp`` in ``images_dir``, and its unfinished temporary
files), and only when no text file of the site mentions the name, so an
admin's post that reuses an imported image keeps it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from pelita.importer.writing.files import remove_stale_temp_files

logger = logging.getLogger(__name__)

IMAGE_NAME = re.compile(r"[0-9a-f]{20}\.webp")
# Where a post or page can name an image: what Pelican reads, and templates.
TEXT_SUFFIXES = frozenset(
    {".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".rst"}
)


def referenced_names(content_root: Path, skip: Path) -> set[str]:
    """Every importer image name a text file under ``content_root`` mentions."""
    names: set[str] = set()
    for path in content_root.rglob("*"):
        if path.suffix.lower() not in TEXT_SUFFIXES or path.is_relative_to(skip):
            continue
        try:
            text = path.read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        names.update(IMAGE_NAME.findall(text))
    return names


def remove_orphan_images(
    content_root: Path, images_dir: str, among: Iterable[str] | None = None
) -> list[str]:
    """Delete the importer's images no post mentions; return their paths.

    ``among`` limits the check to these paths (relative to the content
    root, as a post names them), such as the images one run stored; by
    default every image of ``images_dir`` is checked.
    """
    folder = content_root / images_dir
    if not folder.is_dir():
        return []
    remove_stale_temp_files(folder)
    if among is None:
        candidates = [p for p in folder.iterdir() if IMAGE_NAME.fullmatch(p.name)]
    else:
        candidates = [content_root / p for p in among]
        candidates = [p for p in candidates if IMAGE_NAME.fullmatch(p.name)]
    if not candidates:
        return []
    used = referenced_names(content_root, folder)
    removed = []
    for path in sorted(candidates):
        if path.name not in used and path.is_file():
            path.unlink()
            removed.append(path.relative_to(content_root).as_posix())
    if removed:
        logger.info(
            "importer: removed %s image(s) no post uses (a run stopped before "
            "writing their posts): %s",
            len(removed),
            ", ".join(removed[:5]) + (" ..." if len(removed) > 5 else ""),
        )
    return removed
