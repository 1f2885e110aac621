"""Keep pages marked ``noindex`` out of ``sitemap.xml``.

A page says it should not be indexed with ``<meta name="robots"
content="noindex ...">`` (a kelurahan or OPD page without posts of its own,
the search page, the admins' pages). The sitemap plugin lists every page
written, so once it has written ``sitemap.xml`` the entries of such pages
are dropped: the page's own robots tag is the one owner of that choice,
whichever template or plugin wrote it.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

_ROBOTS = re.compile(
    rb'<meta\s+name="robots"\s+content="[^"]*\bnoindex\b', re.IGNORECASE
)
_URL = re.compile(r"<url>\s*<loc>([^<]+)</loc>.*?</url>\s*", re.DOTALL)


def _page_file(output: Path, location: str, site_url: str) -> Path:
    path = unquote(urlsplit(location).path)
    base = urlsplit(site_url).path.rstrip("/")
    if base and path.startswith(base):
        path = path[len(base) :]
    target = output / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or not path else target


def drop_noindex_pages(output: Path, site_url: str = "") -> int:
    """Remove the sitemap entries of noindex pages; how many were removed."""
    sitemap = output / "sitemap.xml"
    if not sitemap.is_file():
        return 0
    text = sitemap.read_text(encoding="utf-8")
    removed = 0

    def keep(entry: re.Match[str]) -> str:
        nonlocal removed
        page = _page_file(output, entry.group(1).strip(), site_url)
        head = page.read_bytes()[:4096] if page.is_file() else b""
        if _ROBOTS.search(head):
            removed += 1
            return ""
        return entry.group(0)

    cleaned = _URL.sub(keep, text)
    if removed:
        sitemap.write_text(cleaned, encoding="utf-8")
        logger.info("seo: left %d noindex pages out of sitemap.xml", removed)
    return removed


def on_finalized(pelican: Any) -> None:
    """Pelican ``finalized``: runs after the sitemap plugin (PLUGINS order)."""
    drop_noindex_pages(Path(pelican.output_path), pelican.settings.get("SITEURL", ""))
