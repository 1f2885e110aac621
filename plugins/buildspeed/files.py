"""Files under ``content/`` that an article names: its photo, linked images.

A page shows a photo's size and derived versions, so replacing the photo
must change the page's key even when the post's text is the same.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_LINK = re.compile(r"""(?:src|href)=["']([^"'#?]+)""")


def _looks_like_file(value: str) -> bool:
    return "/" in value and "." in value.rsplit("/", 1)[-1] and " " not in value


def referenced_files(article: Any, settings: dict[str, Any], siteurl: str) -> set[Path]:
    """Existing files under PATH named in the metadata or linked from the HTML."""
    root = Path(settings["PATH"])
    candidates = [
        v
        for v in article.metadata.values()
        if isinstance(v, str) and _looks_like_file(v)
    ]
    for found in _LINK.findall(str(getattr(article, "_content", "") or "")):
        link = found.removeprefix(siteurl) if siteurl else found
        if "://" not in link and _looks_like_file(link):
            candidates.append(link)
    found = set()
    for candidate in candidates:
        path = root / candidate.lstrip("/")
        if path.is_file():
            found.add(path)
    return found
