"""Share kits in Chromium at phone size: copy a caption, download a card."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from PIL import Image

from .conftest import Site

PHONE = {"width": 360, "height": 640}
FEED = "Instagram & Facebook (4:5)"


def test_a_kit_caption_copies_and_its_card_downloads(browser, published: Site):
    context = browser.new_context(viewport=PHONE, locale="id-ID", accept_downloads=True)
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=published.url
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{published.url}/prestasi/adipura-kota-semarang/")
    canonical = page.get_attribute("link[rel=canonical]", "href")
    kit = page.locator("#bagikan")
    # Folded for readers: nothing of it shows, no thumbnail loads, until an
    # admin opens "Kit untuk admin".
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    assert not kit.locator("img").first.is_visible()
    assert (
        page.evaluate(
            "performance.getEntriesByType('resource')"
            ".filter(e => e.name.includes('/bagikan/')).length"
        )
        == 0
    )
    kit.get_by_text("Kit untuk admin").click()
    whatsapp = kit.get_by_role("link", name="Kirim lewat WhatsApp").get_attribute(
        "href"
    )
    assert quote(canonical, safe="") in whatsapp
    kit.get_by_role("button", name=f"Salin keterangan {FEED}").click()
    kit.get_by_text("Tersalin.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == kit.locator("#keterangan-portrait").text_content()
    assert copied.startswith("Kota Semarang Raih Adipura")
    assert canonical in copied
    with page.expect_download() as download:
        kit.get_by_role("link", name=f"Unduh {FEED}").click()
    assert download.value.suggested_filename == "adipura-kota-semarang-portrait.png"
    with Image.open(download.value.path()) as card:
        assert card.size == (1080, 1350)
    thumbs = kit.locator("img")
    assert thumbs.count() == 3
    for number in range(3):
        thumb = thumbs.nth(number)
        assert thumb.get_attribute("loading") == "lazy"
        assert int(thumb.get_attribute("width")) == 360
    context.close()


def test_the_admins_page_copies_a_kits_caption(browser, published: Site):
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=published.url
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{published.url}/bagikan/")
    assert page.locator("h1").inner_text() == "Kit berbagi"
    assert page.get_attribute("meta[name=robots]", "content") == "noindex, nofollow"
    items = page.locator(".kit-list__item")
    if items.count() == 0:
        assert page.locator(".notice").inner_text().startswith("Belum ada")
    else:
        first = items.first
        first.get_by_role("button", name="Salin keterangan").click()
        first.get_by_text("Tersalin.").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        link = first.locator("h2 a").get_attribute("href").split("#")[0]
        assert link in copied
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


# naturalWidth of a srcset image is scaled by the candidate's density, so the
# file's own width is read from the candidate the browser chose.
THUMB_STATE = """imgs => imgs.map(img => ({
    src: img.currentSrc, shown: img.clientWidth, ratio: window.devicePixelRatio,
    natural: Number((img.srcset.split(", ").map(c => c.split(" "))
        .find(c => c[0] === img.currentSrc) || ["", "0w"])[1].slice(0, -1))}))"""


def _loaded_thumbs(page, selector: str) -> list[dict]:
    page.locator(selector).last.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    page.wait_for_function(
        f"[...document.querySelectorAll({selector!r})]"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )
    return page.eval_on_selector_all(selector, THUMB_STATE)


@pytest.mark.parametrize(
    ("viewport", "ratio"),
    [({"width": 360, "height": 640}, 2), ({"width": 1280, "height": 800}, 1)],
)
def test_thumbnails_are_fetched_at_the_size_of_their_slot(
    browser, published: Site, viewport, ratio
):
    context = browser.new_context(
        viewport=viewport, device_scale_factor=ratio, locale="id-ID"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{published.url}/prestasi/adipura-kota-semarang/")
    page.locator("#bagikan").get_by_text("Kit untuk admin").click()
    kit = _loaded_thumbs(page, "#bagikan img")
    # A 6rem slot: the 200 px thumbnail is enough at either density.
    assert [t["natural"] for t in kit] == [200, 200, 200], kit
    assert all(t["natural"] >= t["shown"] * t["ratio"] for t in kit), kit
    page.goto(f"{published.url}/bagikan/")
    if page.locator(".kit-list__item").count():
        listed = _loaded_thumbs(page, ".kit-list__cards img")
        for thumb in listed:
            # Sharp (at most a tenth short of the screen's pixels, or the
            # largest there is) and not larger than needed.
            needed = thumb["shown"] * thumb["ratio"]
            assert thumb["natural"] >= min(0.9 * needed, 360), thumb
            if needed <= 200:
                assert thumb["natural"] == 200, thumb
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    context.close()
