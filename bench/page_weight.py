"""Every page type's total weight at load, images included, in Chromium.

Builds the demo hub as production does (``invoke import-feeds``, ``demo-content`` and
``invoke preview``, SITEURL pointing at a local server), serves it on
127.0.0.1 as a static host does (gzip for text), and loads pages in
Debian's Chromium with an empty cache, once as a phone (360x640, device
pixel ratio 2, as most cheap Android phones) and once on a desktop
(1280x800, ratio 1). A page's weight is every byte the browser received
until the load event and the network went quiet: HTML, CSS, JavaScript,
the images it shows (lazy images near the screen included, as Chromium
loads them) and anything else. Prints one row per page type (the heaviest
page of the type measured) against the 60 KB budget.

    python bench/page_weight.py                     # the demo hub
    python bench/page_weight.py --site output --port 8000 --per-kind 1
    python bench/page_weight.py --site out --url http://127.0.0.1:8123 --kinds home

Which pages are measured: for each page type (``page_kind`` of the site
check), the ``--per-kind`` pages that look heaviest from their files (gzip
HTML, CSS and JS plus every image they show at its smallest candidate).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE / "lighthouse"))
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402
from server import serve  # noqa: E402

from pelita.tools.sitecheck.budgets import (  # noqa: E402
    DEFAULT_LIMIT,
    check_site,
    page_kind,
    resolve,
)

VIEWPORTS = {
    "phone": {"viewport": {"width": 360, "height": 640}, "device_scale_factor": 2},
    "desktop": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
KINDS = ("html", "css", "js", "img", "other")


@dataclass(frozen=True)
class Load:
    """Bytes one page load received, by kind of resource."""

    page: str
    viewport: str
    sizes: tuple[tuple[str, int], ...]
    requests: int

    @property
    def total(self) -> int:
        """Every byte received (bodies as sent, gzip where the server zipped)."""
        return sum(size for _, size in self.sizes)

    def of(self, kind: str) -> int:
        """Bytes of one kind (html, css, js, img, other)."""
        return sum(size for k, size in self.sizes if k == kind)


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag != "img":
            return
        candidates = [c.strip().split() for c in values.get("srcset", "").split(",")]
        sized = [(int(c[1][:-1]), c[0]) for c in candidates if len(c) == 2]
        if sized:
            self.urls.append(min(sized)[1])
        elif values.get("src"):
            self.urls.append(values["src"])


def _image_bytes(output: Path, page: str, site_url: str) -> int:
    parser = _Images()
    parser.feed((output / page).read_text(encoding="utf-8", errors="replace"))
    total = 0
    for url in parser.urls:
        target = resolve(url, page, site_url)
        if target and (output / target).is_file():
            total += (output / target).stat().st_size
    return total


def pages_to_measure(
    output: Path, site_url: str, per_kind: int, kinds: Iterable[str] = ()
) -> list[str]:
    """The heaviest-looking ``per_kind`` pages of each page type (or of ``kinds``)."""
    weights, _problems = check_site(output, site_url)
    wanted = set(kinds)
    by_kind: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for weight in weights:
        if wanted and weight.kind not in wanted:
            continue
        guess = weight.total + _image_bytes(output, weight.page, site_url)
        by_kind[weight.kind].append((guess, weight.page))
    chosen = []
    for kind in sorted(by_kind):
        chosen += [page for _, page in sorted(by_kind[kind], reverse=True)[:per_kind]]
    return chosen


def _kind(resource_type: str, url: str) -> str:
    if resource_type == "document":
        return "html"
    if resource_type == "stylesheet":
        return "css"
    if resource_type == "script":
        return "js"
    if resource_type == "image":
        return "img"
    return "other" if not url.endswith(".css") else "css"


def measure(browser, url: str, page: str, viewport: str) -> Load:
    """Load ``page`` once with an empty cache; what it received."""
    context = browser.new_context(**VIEWPORTS[viewport], locale="id-ID")
    tab = context.new_page()
    finished = []

    def done(request) -> None:  # Playwright's handlers cannot be builtins
        finished.append(request)

    tab.on("requestfinished", done)
    address = f"{url}/{page.removesuffix('index.html')}"
    tab.goto(address, wait_until="load")
    tab.wait_for_load_state("networkidle")
    sizes = []
    for request in finished:
        body = request.sizes()["responseBodySize"]
        sizes.append((_kind(request.resource_type, request.url), body))
    context.close()
    return Load(page, viewport, tuple(sizes), len(finished))


def build(url: str) -> Path:
    """Import the demo feeds, stage the demo's own posts, build for ``url``."""
    env = {**os.environ, "PELITA_DEMO": "1", "SITEURL": url}
    invoke = [sys.executable, "-m", "invoke"]
    for task in ("import-feeds", "demo-content", "preview"):
        subprocess.run(
            [*invoke, task], cwd=REPO, env=env, check=True, stdout=sys.stderr
        )
    return REPO / "output"


def _kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def table(loads: Iterable[Load], limit: int) -> str:
    """A Markdown table: the heaviest page of each type, phone and desktop."""
    heaviest: dict[tuple[str, str], Load] = {}
    for load in loads:
        key = (page_kind(load.page), load.viewport)
        if key not in heaviest or load.total > heaviest[key].total:
            heaviest[key] = load
    lines = [
        f"Budget: {limit / 1000:.0f} KB per page at load, everything included "
        "(bytes received; text gzip). Phone 360x640 at 2x, desktop 1280x800 at 1x.",
        "",
        "| page type | heaviest page | phone KB | (html/css/js/img) | desktop KB "
        "| (html/css/js/img) | within budget |",
        "|---|---|---:|---|---:|---|---|",
    ]
    over = 0
    for kind in sorted({kind for kind, _ in heaviest}):
        phone, desktop = heaviest.get((kind, "phone")), heaviest.get((kind, "desktop"))
        cells = []
        for load in (phone, desktop):
            if load is None:
                cells += ["-", ""]
                continue
            parts = "/".join(_kb(load.of(k)) for k in KINDS[:4])
            cells += [_kb(load.total), parts]
        worst = max(x.total for x in (phone, desktop) if x is not None)
        over += worst > limit
        page = (phone or desktop).page.removesuffix("index.html") or "/"
        ok = "yes" if worst <= limit else "**no**"
        lines.append(f"| {kind} | {page} | {' | '.join(cells)} | {ok} |")
    lines += ["", f"{over} page type(s) over the budget."]
    return "\n".join(lines)


def measure_all(output: Path, url: str, per_kind: int, kinds: list[str]) -> list[Load]:
    """Load the chosen pages of ``output`` (served at ``url``) on both viewports."""
    pages = pages_to_measure(output, url, per_kind, kinds)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    loads = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_FLAGS
        )
        for page in pages:
            for viewport in VIEWPORTS:
                loads.append(measure(browser, url, page, viewport))
        browser.close()
    return loads


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="measure this built output/")
    parser.add_argument("--port", type=int, default=0, help="the port --site is for")
    parser.add_argument(
        "--url", help="--site is already served at this address (built for it)"
    )
    parser.add_argument(
        "--kinds", default="", help="only these page types, comma-separated"
    )
    parser.add_argument("--per-kind", type=int, default=3)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT)
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a page type is over"
    )
    args = parser.parse_args(argv)

    kinds = [k for k in args.kinds.split(",") if k]
    if args.url:
        if args.site is None:
            parser.error("--url needs --site (the folder served there)")
        loads = measure_all(args.site, args.url.rstrip("/"), args.per_kind, kinds)
    else:
        root = args.site or Path(tempfile.mkdtemp(prefix="pelita-weight-"))
        with serve(root, args.port) as (server, url):
            if args.site is None:
                server.root = build(url)
            loads = measure_all(server.root, url, args.per_kind, kinds)
    if not loads:
        print(f"page_weight: no page of the types {kinds} in the site", file=sys.stderr)
        return 2
    print(table(loads, args.limit))
    over = any(load.total > args.limit for load in loads)
    return 1 if args.strict and over else 0


if __name__ == "__main__":
    raise SystemExit(main())
