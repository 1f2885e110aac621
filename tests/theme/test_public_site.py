"""What a resident meets on the published demo hub, in Chromium at phone and
desktop sizes: the menu, the first screen, and each post once per page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .conftest import Site

PHONES = [(320, 640), (360, 640), (412, 823)]
DESKTOP = (1280, 800)
# Every category of the demo hub, then the kecamatan, OPD and service pages.
SECTIONS = (
    "berita", "prestasi", "wisata", "kuliner", "umkm", "layanan-publik",
    "klarifikasi", "kecamatan", "opd", "layanan",
)  # fmt: skip


@pytest.fixture
def context_at(browser, published: Site) -> Iterator:
    """A function opening a fresh page at a given viewport size."""
    contexts = []

    def open_page(size: tuple[int, int], path: str = ""):
        context = browser.new_context(
            viewport={"width": size[0], "height": size[1]}, locale="id-ID"
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{published.url}/{path}", wait_until="load")
        return page

    yield open_page
    for context in contexts:
        context.close()


def main_sections(site: Site) -> dict[str, str]:
    """Every section the menu must reach: label -> URL path."""
    sections = {"Beranda": "/"}
    for folder in SECTIONS:
        if (site.output / folder / "index.html").is_file():
            sections[folder] = f"/{folder}/"
    assert {"klarifikasi", "kecamatan", "opd", "layanan"} <= set(sections)
    return sections


def _any_in_first_screen(page, links) -> bool:
    return any(_in_first_screen(page, links.nth(i)) for i in range(links.count()))


def _in_first_screen(page, link) -> bool:
    box = link.bounding_box()
    size = page.viewport_size
    return bool(
        box
        and link.is_visible()
        and box["y"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= size["width"]
    )


@pytest.mark.parametrize("size", [*PHONES, DESKTOP], ids=lambda s: f"{s[0]}px")
def test_every_main_section_is_one_tap_away_in_the_first_screen(
    context_at, published: Site, size
):
    page = context_at(size)
    site_url = published.url
    sections = main_sections(published)
    header = page.locator("header.site-header")
    nav = header.locator("nav.site-nav")
    missing = []
    more = nav.locator("summary")
    for label, path in sections.items():
        link = header.locator(f"a[href='{site_url}{path}']")
        if _any_in_first_screen(page, link):
            continue
        if more.is_visible():
            more.click()
            shown = _any_in_first_screen(page, link)
            more.click()
            if shown:
                continue
        missing.append(label)
    assert missing == []
    assert page.evaluate("document.documentElement.scrollWidth") <= size[0]
    # The menu leaves most of the first screen to the page.
    assert nav.bounding_box()["height"] <= 0.16 * size[1]


def clarification_pages(site: Site) -> list[str]:
    """Every clarification page of the hub (the hub lists each story once)."""
    pages = sorted((site.output / "klarifikasi").glob("*/index.html"))
    paths = [f"klarifikasi/{p.parent.name}/" for p in pages]
    assert len(paths) >= 3
    return paths


@pytest.mark.parametrize("size", [(360, 640), DESKTOP], ids=lambda s: f"{s[0]}px")
def test_a_clarifications_verdict_and_fact_are_in_the_first_screen(
    context_at, published: Site, size
):
    late = {}
    for path in clarification_pages(published):
        page = context_at(size, path)
        verdict = page.locator(".claim__verdict")
        fact = page.locator(".claim__fact")
        for name, element in (("verdict", verdict), ("fact", fact)):
            box = element.bounding_box()
            if not box or box["y"] + min(box["height"], 60) > size[1]:
                late[f"{path} {name}"] = box and box["y"]
        # No picture above the verdict (a decorative one could contradict it).
        above = page.evaluate(
            """() => {
              const top = document.querySelector('.claim').getBoundingClientRect().top;
              return [...document.querySelectorAll('main img')]
                .filter(i => i.getBoundingClientRect().top < top).length; }"""
        )
        if above:
            late[f"{path} picture above the verdict"] = above
        page.close()
    assert late == {}


CATEGORY_FOLDERS = (
    "berita", "prestasi", "wisata", "kuliner", "umkm", "layanan-publik", "klarifikasi",
)  # fmt: skip


def listing_pages(site: Site) -> list[str]:
    """The home page, its oldest archived page, every category, kecamatan, OPD."""
    assert (site.output / "halaman" / "1" / "index.html").is_file()
    paths = ["", "halaman/1/", "kecamatan/", "opd/"]
    paths += [f"{folder}/" for folder in CATEGORY_FOLDERS]
    for folder in ("kecamatan", "opd"):
        paths += [
            f"{folder}/{p.parent.name}/"
            for p in sorted((site.output / folder).glob("*/index.html"))
        ]
    return [p for p in paths if (site.output / p / "index.html").is_file()]


# For each post linked from the page's main part, the number of separate
# items (cards, list entries) that link it; an item may link a post twice
# (an award's name and the headline), a page may not show it twice.
APPEARANCES = """folders => {
  const items = new Map();
  for (const a of document.querySelectorAll('main a[href]')) {
    const parts = new URL(a.getAttribute('href'), location.href).pathname
      .split('/').filter(Boolean);
    if (parts.length !== 2 || !folders.includes(parts[0]) || /^\\d+$/.test(parts[1]))
      continue;
    const item = a.closest('article, li') || a;
    const key = parts.join('/');
    if (!items.has(key)) items.set(key, new Set());
    items.get(key).add(item);
  }
  return Object.fromEntries([...items].map(([k, v]) => [k, v.size]));
}"""


def test_each_post_appears_once_per_page(context_at, published: Site):
    page = context_at((1280, 800))
    repeated = {}
    pages = listing_pages(published)
    for path in pages:
        page.goto(f"{published.url}/{path}")
        found = page.evaluate(APPEARANCES, list(CATEGORY_FOLDERS))
        twice = {post: n for post, n in found.items() if n > 1}
        if twice:
            repeated[path] = twice
    assert repeated == {}
    assert len(pages) > 20
