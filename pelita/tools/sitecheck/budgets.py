"""Page budgets over a built site: bytes on load, web fonts, other hosts.

A page's weight is what a phone downloads before it can use the page:
the HTML plus every stylesheet (with its @imports) and script it loads, each
gzip-compressed as a web server sends them. Images are left out (they are
lazy and sized by srcset), as is code loaded later on demand (the search
index). Pure functions over an output folder: no server, no browser.
"""

from __future__ import annotations

import gzip
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

DEFAULT_LIMIT = 60_000
FONT_SUFFIXES = (".woff", ".woff2", ".ttf", ".otf", ".eot")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_CANONICAL = re.compile(r'<link rel="canonical" href="(https?://[^"]+)"')
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?\s*['"]?([^'")\s;]+)""")
# Elements whose URL attributes the browser fetches while loading the page.
_FETCHED = {
    "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
    "object": ("data",), "script": ("src",), "track": ("src",),
}  # fmt: skip


@dataclass(frozen=True)
class PageWeight:
    """Gzip bytes of one page and of the CSS and JS it loads."""

    page: str
    kind: str
    html: int
    css: int
    js: int
    assets: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """HTML + CSS + JS, gzip."""
        return self.html + self.css + self.js


@dataclass(frozen=True)
class BudgetProblem:
    """One broken rule on one page."""

    page: str
    message: str

    def __str__(self) -> str:
        return f"{self.page}: {self.message}"


# Every element that can make the browser fetch something while loading.
_ASSET_SELECTOR = ",".join(["link", *_FETCHED])


@dataclass
class _Collector:
    """What one page makes the browser fetch, sorted by what it is."""

    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)

    def feed(self, html: str) -> None:
        """Collect the URLs of ``html`` (parsed with lexbor, as the link check does)."""
        for node in LexborHTMLParser(html).css(_ASSET_SELECTOR):
            values = {k: v or "" for k, v in node.attributes.items()}
            self._element(node.tag, values)

    def _element(self, tag: str, values: dict[str, str]) -> None:
        if tag == "link":
            rel = values.get("rel", "").lower().split()
            href = values.get("href", "")
            if "stylesheet" in rel:
                self.stylesheets.append(href)
            elif {"preload", "modulepreload"} & set(rel):
                kind = values.get("as", "script" if "modulepreload" in rel else "")
                target = {"style": self.stylesheets, "script": self.scripts}
                (
                    self.fonts if kind == "font" else target.get(kind, self.fetched)
                ).append(href)
            elif {"icon", "manifest", "apple-touch-icon"} & set(rel):
                self.fetched.append(href)
            return
        if tag == "script" and values.get("src"):
            self.scripts.append(values["src"])
        for name in _FETCHED.get(tag, ()):
            for url in values.get(name, "").split(","):
                if url.strip():
                    self.fetched.append(url.strip().split()[0])


def gzip_size(data: bytes) -> int:
    """Bytes after gzip at the level web servers commonly use."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_kind(page: str) -> str:
    """A page's type from its path: "home", "berita", "berita/*", "404".

    A numeric second segment under four digits is a pagination page of the
    first (``berita/3/``); a year (``arsip/2025/``) is a page of its own.
    """
    parts = page.split("/")[:-1]
    if not parts:
        return "404" if page == "404.html" else "home" if page == "index.html" else page
    paginated = [p for p in parts if p.isdigit() and len(p) < 4]
    if parts == paginated:
        return "home"
    if len(parts) == 1 or (len(parts) == 2 and parts[1] in paginated):
        return parts[0]
    return f"{parts[0]}/*"


def resolve(url: str, page: str, site_url: str = "") -> str | None:
    """Path under output/ that ``url`` on ``page`` loads; None for another host.

    Returns "" for URLs that cause no request (data:, fragments).
    """
    url = url.strip()
    if not url or url.startswith(("data:", "#", "mailto:", "tel:")):
        return ""
    if site_url and url.startswith(site_url.rstrip("/") + "/"):
        url = "/" + url[len(site_url.rstrip("/")) + 1 :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    trailing = path in {"", "."} or path.endswith("/")
    base = urlsplit(site_url).path.rstrip("/")
    if path.startswith("/"):
        if base and (path == base or path.startswith(base + "/")):
            path = path[len(base) :]
        joined = posixpath.normpath("/" + path).lstrip("/")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    joined = "" if joined == "." else joined
    if trailing:
        joined = f"{joined}/index.html" if joined else "index.html"
    return joined


class _Weigher:
    """Weighs pages of one output folder, sizing each shared asset once."""

    def __init__(self, output: Path, site_url: str) -> None:
        self.output = output
        self.site_url = site_url
        self.sizes: dict[str, int] = {}
        self.stylesheets: dict[str, tuple[bool, list[str], list[str]]] = {}

    def _stylesheet(
        self, relative: str, path: Path
    ) -> tuple[bool, list[str], list[str]]:
        """A stylesheet read once: declares a font?, its url()s, its @imports."""
        if relative not in self.stylesheets:
            text = path.read_text(encoding="utf-8", errors="replace")
            self.stylesheets[relative] = (
                "@font-face" in text.lower(),
                _CSS_URL.findall(text),
                _CSS_IMPORT.findall(text),
            )
        return self.stylesheets[relative]

    def _size(self, relative: str, path: Path) -> int:
        """Gzip bytes of an asset, compressed once however many pages load it."""
        if relative not in self.sizes:
            self.sizes[relative] = gzip_size(path.read_bytes())
        return self.sizes[relative]

    def _file(self, relative: str) -> Path | None:
        path = self.output / relative
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def _css(
        self, relative: str, page: str, seen: set[str], problems: list[BudgetProblem]
    ) -> int:
        """Gzip bytes of a stylesheet and its @imports; flags web fonts."""
        if relative in seen:
            return 0
        seen.add(relative)
        path = self._file(relative)
        if path is None:
            problems.append(BudgetProblem(page, f"stylesheet {relative} is missing"))
            return 0
        font_face, urls, imports = self._stylesheet(relative, path)
        if font_face:
            problems.append(BudgetProblem(page, f"{relative} declares a web font"))
        for url in urls:
            if url.lower().split("?")[0].endswith(FONT_SUFFIXES):
                problems.append(BudgetProblem(page, f"{relative} loads font {url}"))
            if resolve(url, relative, self.site_url) is None:
                problems.append(
                    BudgetProblem(page, f"{relative} requests {url} from another host")
                )
        total = self._size(relative, path)
        for url in imports:
            target = resolve(url, relative, self.site_url)
            if target:
                total += self._css(target, page, seen, problems)
        return total

    def _asset(self, url: str, page: str, problems: list[BudgetProblem]) -> str | None:
        target = resolve(url, page, self.site_url)
        if target is None:
            problems.append(BudgetProblem(page, f"requests {url} from another host"))
        return target or None

    def weigh(self, page: str, problems: list[BudgetProblem]) -> PageWeight:
        """Weigh one page; append what breaks the rules to ``problems``."""
        data = (self.output / page).read_bytes()
        collector = _Collector()
        collector.feed(data.decode("utf-8", errors="replace"))
        for url in collector.fonts:
            problems.append(BudgetProblem(page, f"preloads web font {url}"))
        for url in collector.fetched:
            self._asset(url, page, problems)
        css, seen = 0, set()
        for url in collector.stylesheets:
            target = self._asset(url, page, problems)
            css += self._css(target, page, seen, problems) if target else 0
        js, scripts = 0, []
        for url in collector.scripts:
            target = self._asset(url, page, problems)
            path = self._file(target) if target else None
            if target and path is None:
                problems.append(BudgetProblem(page, f"script {target} is missing"))
            elif path is not None and target not in scripts:
                scripts.append(target)
                js += self._size(target, path)
        return PageWeight(
            page, page_kind(page), gzip_size(data), css, js, (*sorted(seen), *scripts)
        )


# The search index and the admins' editor (its own bundle, for admins only)
# are not pages readers load.
NOT_READER_PAGES = ("pagefind/", "admin/")


def html_pages(output: Path, skip: Iterable[str] = NOT_READER_PAGES) -> list[str]:
    """Every reader-facing HTML page under ``output`` as a POSIX path, sorted."""
    pages = (p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    return sorted(p for p in pages if not p.startswith(tuple(skip)))


def check_site(
    output: Path, site_url: str = "", limit: int = DEFAULT_LIMIT
) -> tuple[list[PageWeight], list[BudgetProblem]]:
    """Weigh every page; problems: over ``limit``, web fonts, other hosts."""
    output = Path(output)
    weigher = _Weigher(output, site_url)
    problems: list[BudgetProblem] = []
    weights = [weigher.weigh(page, problems) for page in html_pages(output)]
    for weight in weights:
        if weight.total > limit:
            problems.append(
                BudgetProblem(
                    weight.page,
                    f"{weight.total} bytes on load (gzip HTML {weight.html} + CSS "
                    f"{weight.css} + JS {weight.js}) is over the budget of {limit}",
                )
            )
    fonts = [
        p.relative_to(output).as_posix()
        for p in output.rglob("*")
        if p.suffix.lower() in FONT_SUFFIXES
    ]
    problems += [BudgetProblem(font, "web font file in the site") for font in fonts]
    return weights, problems


def site_url_of(output: Path) -> str:
    """The site's own address, from the home page's canonical link ("" if none)."""
    home = Path(output) / "index.html"
    if not home.is_file():
        return ""
    found = _CANONICAL.search(home.read_text(encoding="utf-8", errors="replace"))
    return found.group(1).rstrip("/") if found else ""


def check_budgets(
    output: Path, site_url: str | None = None, limit: int = DEFAULT_LIMIT
) -> list[BudgetProblem]:
    """Problems only (for the deploy gate); the site URL is read when not given."""
    url = site_url if site_url is not None else site_url_of(output)
    return check_site(output, url, limit)[1]


def heaviest_by_kind(weights: Iterable[PageWeight]) -> dict[str, PageWeight]:
    """The heaviest page of each page type, for reports."""
    result: dict[str, PageWeight] = {}
    for weight in weights:
        if weight.kind not in result or weight.total > result[weight.kind].total:
            result[weight.kind] = weight
    return result
