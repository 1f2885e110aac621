"""robots.txt: everything may be crawled except the search index files."""

from __future__ import annotations

from collections.abc import Sequence


def robots_txt(site_url: str, sitemaps: Sequence[str], disallow: Sequence[str]) -> str:
    """The file's text; sitemap lines only when the site URL is absolute."""
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallow] or ["Disallow:"]
    if site_url.startswith(("https://", "http://")):
        lines.append("")
        lines += [f"Sitemap: {site_url.rstrip('/')}/{name}" for name in sitemaps]
    return "\n".join(lines) + "\n"
