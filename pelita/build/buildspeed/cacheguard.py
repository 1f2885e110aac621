"""Throw Pelican's content cache away when settings, packages or plugins change.

Pelican checks a cached post only against its file (mtime or hash). The
cache also holds what the settings and packages made of the file: the HTML
(Markdown extensions and versions), parsed dates (``TIMEZONE``), and
categories and tags that carry the settings they were built with, and what
plugins' readers made of it. So a stamp of the settings, installed versions
and plugin files is kept beside the cache, and a build that finds a
different stamp starts from an empty content cache.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .fingerprint import FileHashes, code_folders, site_fingerprint
from .settings import BUILD_ONLY_SETTINGS

logger = logging.getLogger(__name__)

STAMP = "buildspeed-content-cache.stamp"


def settings_stamp(settings: dict[str, Any]) -> str:
    """A digest of the settings (less where to build), packages and plugins.

    Plugins count because their readers and ``article_generator_context``
    handlers shape what the content cache holds.
    """
    shared = {k: v for k, v in settings.items() if k not in BUILD_ONLY_SETTINGS}
    return site_fingerprint(shared, code_folders(settings), FileHashes())


def guard_content_cache(pelican: Any) -> None:
    """Before any generator loads it, drop a content cache made differently."""
    settings = pelican.settings
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    folder = Path(settings["CACHE_PATH"])
    stamp = folder / STAMP
    current = settings_stamp(settings)
    try:
        previous = stamp.read_text(encoding="utf-8").strip()
    except OSError:
        previous = None
    if previous == current:
        return
    removed = [p for p in folder.glob("*Generator*") if p.is_file()]
    for path in removed:
        path.unlink()
    if removed:
        logger.info(
            "buildspeed: settings, packages or plugins changed; content cache "
            "cleared (%s)",
            ", ".join(p.name for p in removed),
        )
    folder.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n", encoding="utf-8")
