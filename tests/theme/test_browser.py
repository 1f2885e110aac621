"""The published demo hub in Chromium at phone size: accessibility (axe-core,
WCAG 2.2 AA), layout, keyboard, search, sharing, no errors, no other hosts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import Site

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 640}
MISSING = "halaman/yang/tidak/ada/"


@dataclass
class Tab:
    """A page plus what it logged and asked for."""

    page: object
    site: Site
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        self.errors.clear()
        self.requests.clear()
        self.page.goto(f"{self.site.url}/{path}", wait_until="load")


@pytest.fixture
def tab(browser, published: Site) -> Iterator[Tab]:
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(10_000)
    result = Tab(page, published)
    page.on(
        "console",
        lambda m: result.errors.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: result.errors.append(str(e)))
    page.on("request", lambda r: result.requests.append(r.url))
    yield result
    context.close()


def pages_to_audit(output: Path) -> list[str]:
    """Every page type on the hub: each top-level section and one page in it."""
    # The home list's oldest archived page (stable pagination: it never moves).
    assert (output / "halaman" / "1" / "index.html").is_file()
    paths = ["", "halaman/1/", MISSING]
    for folder in sorted(p for p in output.iterdir() if p.is_dir()):
        if folder.name in {"theme", "images", "pagefind", "feeds"}:
            continue
        if (folder / "index.html").is_file():
            paths.append(f"{folder.name}/")
        children = sorted(c for c in folder.iterdir() if (c / "index.html").is_file())
        named = [c for c in children if not c.name.isdigit() or len(c.name) == 4]
        if named:
            paths.append(f"{folder.name}/{named[0].name}/")
            deeper = sorted(
                d for d in named[0].iterdir() if (d / "index.html").is_file()
            )
            if deeper:
                paths.append(f"{folder.name}/{named[0].name}/{deeper[0].name}/")
    return paths


# Pages no folder walk reaches first: an award with its share kit, the
# channel admins' page.
EXTRA_PAGES = ["prestasi/adipura-kota-semarang/", "kanal/admin/"]


def test_every_page_type_passes_axe_fits_a_phone_and_stays_on_the_site(tab: Tab):
    paths = pages_to_audit(tab.site.output) + EXTRA_PAGES
    assert {
        "",
        "cari/",
        "layanan/",
        "berita/",
        "prestasi/",
        "kanal/",
        "bagikan/",
        MISSING,
    } <= set(paths)
    axe = Axe()
    failures = {}
    for path in paths:
        tab.open(path)
        problems = []
        results = axe.run(
            tab.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
        )
        for violation in results.response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            problems.append(f"axe {violation['id']}: {violation['help']} {targets}")
        width = tab.page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems.append(f"scrolls sideways: {width}px wide")
        foreign = [u for u in tab.requests if urlsplit(u).hostname != "127.0.0.1"]
        problems += [f"request to another host: {u}" for u in foreign]
        errors = [e for e in tab.errors if not (path == MISSING and "404" in e)]
        problems += [f"console: {e}" for e in errors]
        if problems:
            failures[path] = problems
    assert failures == {}
    assert len(paths) > 15


def test_dark_mode_keeps_wcag_contrast(browser, published: Site):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    axe = Axe()
    found = {}
    for path in ("", "prestasi/adipura-kota-semarang/", "klarifikasi/", "cari/",
                 "bagikan/"):  # fmt: skip
        page.goto(f"{published.url}/{path}")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(18, 20, 23)", path
        results = axe.run(
            page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}
        )
        found[path] = [v["id"] for v in results.response["violations"]]
    context.close()
    assert found == {path: [] for path in found}


def test_missing_page_is_the_404_page_with_working_links_at_any_depth(tab: Tab):
    tab.open(MISSING)
    assert tab.page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    assert tab.page.evaluate("getComputedStyle(document.body).fontFamily").startswith(
        "system-ui"
    )
    tab.page.get_by_role("link", name="Jelajahi arsip").click()
    assert tab.page.url == f"{tab.site.url}/arsip/"


def test_keyboard_skip_link_then_main_then_navigation(tab: Tab):
    tab.open("")
    page = tab.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_keyboard_reaches_a_category_with_a_visible_focus_and_opens_it(tab: Tab):
    tab.open("")
    page = tab.page
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Prestasi":
            break
    focused = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.backgroundColor, document.activeElement.closest('nav').id"
        " || document.activeElement.closest('nav').className]; })()"
    )
    assert focused[0] == "rgb(255, 221, 0)"
    assert "site-nav" in focused[1]
    page.keyboard.press("Enter")
    page.wait_for_url(f"{tab.site.url}/prestasi/")
    assert page.locator("h1").inner_text().startswith("Prestasi")
    current = page.locator(".site-nav [aria-current=page]")
    assert current.inner_text() == "Prestasi"


def test_search_loads_only_when_asked_and_finds_a_known_post(tab: Tab):
    tab.open("cari/")
    page = tab.page
    page.wait_for_load_state("networkidle")
    assert not [u for u in tab.requests if "/pagefind/" in u]
    page.get_by_label("Kata yang dicari").fill("Adipura")
    result = page.locator(
        "[data-search-results] a[href$='/prestasi/adipura-kota-semarang/']"
    )
    result.wait_for()
    assert "Adipura" in result.inner_text()
    assert (
        "ditemukan untuk “Adipura”" in page.locator("[data-search-status]").inner_text()
    )
    assert [u for u in tab.requests if "/pagefind/pagefind.js" in u]
    assert "q=Adipura" in page.url
    assert tab.errors == []


def test_search_filters_narrow_by_category_without_a_query(tab: Tab):
    tab.open("cari/?kategori=Klarifikasi")
    page = tab.page
    links = page.locator("[data-search-results] h2 a")
    links.first.wait_for()
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    expected = len(list((tab.site.output / "klarifikasi").glob("*/index.html")))
    assert len(hrefs) == expected
    assert all("/klarifikasi/" in h for h in hrefs)


def test_newest_first_browsing_runs_across_the_parts_of_the_index(tab: Tab):
    parts = json.loads((tab.site.output / "pagefind/pelita-parts.json").read_text())
    assert len(parts["parts"]) >= 1  # the fixture indexes in parts
    tab.open("cari/?kategori=Berita")
    page = tab.page
    links = page.locator("[data-search-results] h2 a")
    links.first.wait_for()
    more = page.locator("[data-search-results] + button")
    while more.is_visible():
        count = links.count()
        more.click()
        page.wait_for_function(
            f"document.querySelectorAll('[data-search-results] h2 a').length > {count}"
        )
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    berita = [
        page
        for page in (tab.site.output / "berita").glob("*/index.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    ]
    assert len(hrefs) == len(set(hrefs)) == len(berita) > 10
    dates = [_sort_date(tab.site.output, href, tab.site.url) for href in hrefs]
    assert dates == sorted(dates, reverse=True)
    assert tab.errors == []


def _sort_date(output: Path, href: str, site_url: str) -> str:
    path = href.removeprefix(site_url).strip("/")
    html = (output / path / "index.html").read_text(encoding="utf-8")
    return re.search(r'data-pagefind-sort="date:([^"]+)"', html).group(1)


def test_share_links_and_copy_carry_the_canonical_url(tab: Tab):
    tab.page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=tab.site.url
    )
    tab.open("prestasi/adipura-kota-semarang/")
    page = tab.page
    canonical = page.get_attribute("link[rel=canonical]", "href")
    assert canonical == f"{tab.site.url}/prestasi/adipura-kota-semarang/"
    assert page.get_attribute("meta[property='og:url']", "content") == canonical
    hrefs = page.locator(".share a").evaluate_all("els => els.map(e => e.href)")
    assert len(hrefs) == 4
    assert all(quote(canonical) in h or quote(canonical, safe="") in h for h in hrefs)
    page.get_by_role("button", name="Salin tautan").click()
    page.get_by_text("Tersalin.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == canonical


def test_video_player_is_requested_only_after_a_tap(tab: Tab):
    page = tab.page
    page.route(
        "https://www.youtube-nocookie.com/**", lambda r: r.fulfill(body="<p>video</p>")
    )
    tab.open("wisata/")
    page.evaluate(
        """document.querySelector('main .container').insertAdjacentHTML(
        'afterbegin',
        '<a class="video" href="https://www.youtube.com/watch?v=abcdEFGH123" data-video'
        + ' data-title="Video uji"><span class="video__label">Putar</span></a>')"""
    )
    assert not [u for u in tab.requests if "youtube" in u]
    page.locator("a[data-video]").click()
    frame = page.locator(".video iframe")
    frame.wait_for()
    assert frame.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/abcdEFGH123?autoplay=1&rel=0"
    )
    assert frame.get_attribute("title") == "Video uji"
    assert page.locator("a[data-video]").count() == 0
