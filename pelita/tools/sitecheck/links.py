"""Internal link and asset check over a built site.

Every internal ``href``, ``src``, ``srcset``, ``poster``, form ``action`` and
``og:image`` in the HTML, every ``<loc>``/``<link>`` of sitemaps and feeds,
every ``url()`` in CSS, the ``Sitemap:`` lines of robots.txt and the icons of
a web manifest must resolve to a file in ``output/``; a ``#fragment`` pointing
into an HTML page must name an ``id`` on that page. Each file is read and
parsed once (HTML with lexbor through selectolax), so the check stays fast on
sites of tens of thousands of pages. External links are not fetched.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .refs import Ref, css_refs, html_refs, manifest_refs, robots_refs, xml_refs
from .urls import SiteUrls

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
_SAME_PAGE_OK = {"", "top"}


@dataclass(frozen=True)
class BrokenLink:
    """One reference that does not resolve, and the page it is on."""

    page: str
    element: str
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.element} {self.url!r} → {self.reason}"


@dataclass
class LinkReport:
    """What the check looked at and every broken reference it found."""

    files: int = 0
    checked: int = 0
    broken: list[BrokenLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every internal reference resolved."""
        return not self.broken

    def summary(self) -> str:
        """One line for logs and the gate."""
        pages = len({link.page for link in self.broken})
        if self.ok:
            return (
                f"links: {self.checked} internal references in {self.files} "
                "files resolve"
            )
        return (
            f"links: {len(self.broken)} broken internal references on {pages} "
            f"pages ({self.checked} checked in {self.files} files)"
        )

    def lines(self, limit: int = 200) -> list[str]:
        """Every broken reference (up to ``limit``), then the commonest targets."""
        shown = [str(link) for link in sorted(self.broken, key=_sort_key)[:limit]]
        if len(self.broken) > limit:
            shown.append(f"... and {len(self.broken) - limit} more")
            common = Counter(link.url for link in self.broken).most_common(10)
            shown.append("most common broken targets:")
            shown += [f"  {count} x {url}" for url, count in common]
        return shown


def _sort_key(link: BrokenLink) -> tuple[str, str]:
    return (link.page, link.url)


@dataclass
class _Pending:
    page: str
    element: str
    url: str
    target: str
    fragment: str


class _Checker:
    """One run of the check: the file list, the ids seen, the findings."""

    def __init__(self, output: Path, site_url: str, ignore: Sequence[str]) -> None:
        self.output = output
        self.urls = SiteUrls.from_site_url(site_url)
        self.ignore = tuple(ignore)
        self.files = _list_files(output)
        self.ids: dict[str, frozenset[str]] = {}
        self.pending: list[_Pending] = []
        self.bases: dict[str, str] = {}
        self.resolved: dict[tuple[str, str, str], tuple[str | None, str] | None] = {}
        self.report = LinkReport(files=len(self.files))

    def run(self) -> LinkReport:
        if "index.html" not in self.files:
            self._broken("index.html", "site", "/", "the site has no index.html")
        for path in sorted(self.files):
            self._check_file(path)
        self._check_fragments()
        return self.report

    def _check_file(self, path: str) -> None:
        lower = path.lower()
        if lower.endswith(HTML_SUFFIXES):
            refs = self._html_refs(path)
        elif lower.endswith(".xml"):
            refs = self._xml_refs(path)
        elif lower.endswith(".css"):
            refs = css_refs(self._read_text(path))
        elif path == "robots.txt":
            refs = robots_refs(self._read_text(path))
        elif lower.endswith((".webmanifest", "manifest.json")):
            refs = self._manifest_refs(path)
        else:
            return
        for element, url in refs:
            self._check_ref(path, element, url)

    def _read_text(self, path: str) -> str:
        return (self.output / path).read_text(encoding="utf-8", errors="replace")

    def _html_refs(self, path: str) -> list[Ref]:
        found = html_refs((self.output / path).read_bytes())
        if found.ids:
            self.ids[path] = frozenset(found.ids)
        if found.base:
            self.bases[path] = found.base
        return found.refs

    def _xml_refs(self, path: str) -> list[Ref]:
        try:
            return xml_refs(self.output / path)
        except ET.ParseError as error:
            self._broken(path, "xml", "", f"not well-formed XML: {error}")
            return []

    def _manifest_refs(self, path: str) -> list[Ref]:
        try:
            return manifest_refs(self._read_text(path))
        except ValueError as error:
            self._broken(path, "manifest", "", f"not valid JSON: {error}")
            return []

    def _check_ref(self, page: str, element: str, url: str) -> None:
        url = url.strip()
        resolved = self._resolve(url, page)
        if resolved is None:
            return
        target, fragment = resolved
        if self._ignored(url, target):
            return
        self.report.checked += 1
        if target is None:
            self._broken(page, element, url, "points outside the site root")
            return
        found = _find_target(target, self.files)
        if found is None:
            self._broken(page, element, url, f"missing {target or 'index.html'}")
        elif fragment and found.endswith(HTML_SUFFIXES):
            self.pending.append(_Pending(page, element, url, found, fragment))

    def _resolve(self, url: str, page: str) -> tuple[str | None, str] | None:
        """``SiteUrls.resolve``, remembered: navigation repeats on every page."""
        base = self.bases.get(page, "")
        if not url or url[0] in "#?":
            scope = page
        elif url[0] == "/" or ":" in url.split("/", 1)[0]:
            scope = ""  # rooted or absolute: the same from every page
        else:
            scope = page.rpartition("/")[0]
        key = (url, scope, base)
        if key not in self.resolved:
            self.resolved[key] = self.urls.resolve(url, page, base)
        return self.resolved[key]

    def _ignored(self, url: str, target: str | None) -> bool:
        if not self.ignore:
            return False
        site_path = "/" + (target or "")
        return any(
            fnmatch.fnmatchcase(url, pattern) or fnmatch.fnmatchcase(site_path, pattern)
            for pattern in self.ignore
        )

    def _check_fragments(self) -> None:
        for item in self.pending:
            fragment = unquote(item.fragment)
            if fragment.lower() in _SAME_PAGE_OK or fragment.startswith(":~:"):
                continue
            if fragment not in self.ids.get(item.target, frozenset()):
                self._broken(
                    item.page,
                    item.element,
                    item.url,
                    f"no element with id {fragment!r} in {item.target}",
                )

    def _broken(self, page: str, element: str, url: str, reason: str) -> None:
        self.report.broken.append(BrokenLink(page, element, url, reason))


def _find_target(target: str, files: set[str]) -> str | None:
    if target == "" or target.endswith("/"):
        candidate = target + "index.html"
        return candidate if candidate in files else None
    if target in files:
        return target
    candidate = target + "/index.html"  # a folder link without the slash
    return candidate if candidate in files else None


def _list_files(output: Path) -> set[str]:
    files: set[str] = set()
    root = str(output)
    for folder, _dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        files.update(prefix + name for name in names)
    return files


def check_links(
    output: Path, site_url: str = "", ignore: Iterable[str] = ()
) -> LinkReport:
    """Check every internal reference in ``output``.

    ``site_url`` (``SITEURL``) tells which absolute URLs belong to the site.
    """
    output = Path(output)
    if not output.is_dir():
        report = LinkReport()
        report.broken.append(
            BrokenLink(str(output), "site", "", "the output folder does not exist")
        )
        return report
    report = _Checker(output, site_url, tuple(ignore)).run()
    logger.info("sitecheck: %s", report.summary())
    return report
