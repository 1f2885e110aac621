"""Files an article names (its photo, linked images); cached files published.

A page shows a photo's size and derived versions, so replacing the photo
must change the page's key even when the post's text is the same.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from .paths import looks_like_file

_LINK = re.compile(r"""(?:src|href)=["']([^"'#?]+)""")


def referenced_files(article: Any, settings: dict[str, Any], siteurl: str) -> set[Path]:
    """Existing files under PATH named in the metadata or linked from the HTML."""
    root = Path(settings["PATH"])
    candidates = [
        v
        for v in article.metadata.values()
        if isinstance(v, str) and looks_like_file(v)
    ]
    for found in _LINK.findall(str(getattr(article, "_content", "") or "")):
        link = found.removeprefix(siteurl) if siteurl else found
        if "://" not in link and looks_like_file(link):
            candidates.append(link)
    found = set()
    for candidate in candidates:
        path = root / candidate.lstrip("/")
        if path.is_file():
            found.add(path)
    return found


def publish_file(cached: Path, target: Path) -> None:
    """Put a cached derived file (card, resized photo) at ``target`` in output/.

    A hard link costs no copying: a 20,000-post site has some 18,000 cards
    and 10,000 photo sizes, about a gigabyte copied on every build otherwise.
    Output files are replaced, never written in place, so the cache cannot be
    changed through the link. Falls back to a copy across file systems.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
