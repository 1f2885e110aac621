"""Where a reference in a built page points: inside the site, or elsewhere.

A page's own address is rebuilt from ``SITEURL`` and its path in output/, and
each reference is joined to it as a browser would (``<base href>`` included),
so relative, root-relative and absolute links to the site are treated alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

_PLACEHOLDER_ORIGIN = "http://site.invalid"
_WEB_SCHEMES = {"http", "https"}


@dataclass(frozen=True)
class SiteUrls:
    """The site's origin and path prefix, as given by ``SITEURL``."""

    origin: str
    netloc: str
    prefix: str

    @classmethod
    def from_site_url(cls, site_url: str) -> SiteUrls:
        """Parse ``SITEURL`` (empty for relative builds)."""
        parts = urlsplit(site_url.strip() or _PLACEHOLDER_ORIGIN)
        if parts.scheme not in _WEB_SCHEMES or not parts.netloc:
            parts = urlsplit(_PLACEHOLDER_ORIGIN)
        return cls(
            origin=f"{parts.scheme}://{parts.netloc}",
            netloc=parts.netloc.lower(),
            prefix=parts.path.rstrip("/"),
        )

    def page_url(self, page: str) -> str:
        """The address a file in output/ is served at."""
        return f"{self.origin}{self.prefix}/{page}"

    def resolve(
        self, url: str, page: str, base: str = ""
    ) -> tuple[str | None, str] | None:
        """Map ``url`` found on ``page`` to ``(path in output/, fragment)``.

        Returns None for references that leave the site (other hosts, mailto:,
        data:, ...); the path is None for a relative or root-relative reference
        that leaves the site's path prefix (``SITEURL`` with a path).
        """
        page_url = self.page_url(page)
        if base:
            page_url = urljoin(page_url, base)
        joined = urlsplit(urljoin(page_url, url))
        if joined.scheme not in _WEB_SCHEMES or joined.netloc.lower() != self.netloc:
            return None
        path = joined.path or "/"
        inside = path == self.prefix or path.startswith(self.prefix + "/")
        if self.prefix and not inside:
            # Written as a full address, it is another site on the same host;
            # written as a path, it is a link the site's prefix breaks.
            return None if urlsplit(url).netloc else (None, joined.fragment)
        return unquote(path[len(self.prefix) :].lstrip("/")), joined.fragment


def parse_srcset(value: str) -> list[str]:
    """The URLs of a ``srcset`` attribute, parsed as the HTML standard says."""
    urls: list[str] = []
    pos, end = 0, len(value)
    while pos < end:
        while pos < end and (value[pos].isspace() or value[pos] == ","):
            pos += 1
        start = pos
        while pos < end and not value[pos].isspace():
            pos += 1
        url = value[start:pos]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            pos = _skip_descriptors(value, pos)
        if url:
            urls.append(url)
    return urls


def _skip_descriptors(value: str, pos: int) -> int:
    depth = 0
    while pos < len(value):
        char = value[pos]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            return pos
        pos += 1
    return pos
