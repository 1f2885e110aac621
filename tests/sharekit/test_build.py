"""A built hub: a kit on every achievement and clarification, /bagikan/, cache."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote

from PIL import Image
from sitebuild import plugins, run_pelican

from .conftest import SITE_URL, TODAY, Build, build

CARD = re.compile(
    r'<a class="button button--secondary" href="([^"]+)" download="([^"]+)"'
)
THUMB = re.compile(
    r'<img src="([^"]+\.webp)" srcset="([^"]+)" sizes="[^"]+" width="(\d+)" '
    r'height="(\d+)" loading="lazy"'
)
SIZES = {"portrait": (1080, 1350), "story": (1080, 1920), "link": (1200, 630)}


def metadata(path: Path) -> dict[str, str]:
    """A post's metadata header, keys lower-cased as Pelican reads them."""
    meta = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        meta[key.strip().casefold()] = value.strip()
    return meta


def expected_kits(site: Build) -> dict[str, dt.date]:
    """Posts that must have a kit, by URL path, with their dates.

    The awards wall's register (one row per achievement, duplicates left
    out) and every Klarifikasi post not marked ``Duplicate_of``.
    """
    wall = json.loads((site.output / "prestasi/prestasi.json").read_text())
    kits = {
        row["url"].removeprefix(f"{SITE_URL}/"): dt.date.fromisoformat(row["tanggal"])
        for row in wall["prestasi"]
    }
    for path in sorted((site.content / "posts").rglob("*.md")):
        meta = metadata(path)
        if meta.get("category") == "Klarifikasi" and "duplicate_of" not in meta:
            kits[f"klarifikasi/{meta['slug']}/"] = dt.date.fromisoformat(
                meta["date"][:10]
            )
    return kits


def post_pages(site: Build) -> list[str]:
    return sorted(
        str(page.parent.relative_to(site.output)) + "/"
        for page in site.output.glob("*/*/index.html")
        if 'property="og:type" content="article"' in page.read_text(encoding="utf-8")
    )


def test_every_achievement_and_clarification_has_a_kit_and_no_other_post(kit_site):
    expected = expected_kits(kit_site)
    assert len(expected) > 15
    assert "prestasi/adipura-lagi/" not in expected
    with_kit = [p for p in post_pages(kit_site) if 'id="bagikan"' in kit_site.html(p)]
    assert sorted(with_kit) == sorted(expected)
    for duplicate in ("prestasi/adipura-lagi/", "klarifikasi/hoaks-salinan/"):
        assert 'id="bagikan"' not in kit_site.html(duplicate)


def test_every_card_is_downloadable_at_its_size_under_300_kb(kit_site):
    for page in expected_kits(kit_site):
        html = kit_site.html(page)
        cards = CARD.findall(html)
        assert [name.rsplit("-", 1)[1] for _, name in cards] == [
            "portrait.png", "story.png", "link.png",
        ], page  # fmt: skip
        for url, _name in cards:
            assert url.startswith(f"{SITE_URL}/bagikan/")
            data = (kit_site.output / url.removeprefix(f"{SITE_URL}/")).read_bytes()
            assert len(data) < 300_000
            kind = url.rsplit("-", 1)[1].removesuffix(".png")
            with Image.open(io.BytesIO(data)) as image:
                assert image.size == SIZES[kind]
        thumbs = THUMB.findall(html)
        assert len(thumbs) == 3, page
        for src, srcset, width, height in thumbs:
            with Image.open(
                kit_site.output / src.removeprefix(f"{SITE_URL}/")
            ) as thumb:
                assert thumb.size == (int(width), int(height))
            # Each srcset candidate is the width it claims, the larger one
            # is src, and the smaller keeps the card's proportions.
            candidates = [c.split(" ") for c in srcset.split(", ")]
            assert [c[0] for c in candidates][-1] == src
            assert [c[1] for c in candidates] == ["200w", f"{width}w"]
            for url, claimed in candidates:
                path = kit_site.output / url.removeprefix(f"{SITE_URL}/")
                with Image.open(path) as image:
                    assert image.width == int(claimed.removesuffix("w"))
                    ratio = image.height / image.width
                    assert abs(ratio - int(height) / int(width)) < 0.01


def test_the_share_section_has_captions_and_the_whatsapp_link(kit_site):
    page = "prestasi/adipura-kota-semarang/"
    html = kit_site.html(page)
    section = html.split('id="bagikan"')[1].split("</section>")[0]
    canonical = f"{SITE_URL}/{page}"
    captions = [
        unescape(c)
        for c in re.findall(r'<p id="keterangan-\w+">(.*?)</p>', section, re.S)
    ]
    assert len(captions) == 3
    assert all(canonical in caption for caption in captions)
    assert captions[0].startswith("Kota Semarang Raih Adipura")
    assert "#SemarangHebat" in captions[0]
    assert "#DLHKotaSemarang" in captions[0]
    assert section.count('data-copy-from="keterangan-') == 3
    whatsapp = re.search(r'href="(https://wa\.me/\?text=[^"]+)"', section).group(1)
    assert quote(canonical, safe="") in whatsapp
    assert canonical in unquote(whatsapp)


def test_hashtags_come_from_kecamatan_opd_and_topic_without_duplicates(kit_site):
    html = kit_site.html("prestasi/prestasi-judul-panjang/")
    caption = unescape(
        re.search(r'<p id="keterangan-portrait">(.*?)</p>', html, re.S).group(1)
    )
    tags = caption.rsplit("\n\n", 1)[1].split()
    assert tags[:4] == ["#SemarangHebat", "#Tembalang", "#DLHKotaSemarang", "#Prestasi"]
    assert "#KampungHijau" in tags
    assert len({t.casefold() for t in tags}) == len(tags)
    assert all(re.fullmatch(r"#\w+", t) and "_" not in t for t in tags)


def og_image(html: str) -> str:
    return re.search(r'property="og:image" content="([^"]+)"', html).group(1)


def test_the_link_card_is_the_og_image_unless_an_achievement_has_a_photo(kit_site):
    # A clarification shows its verdict even in the preview, photo or not.
    assert re.fullmatch(
        rf"{SITE_URL}/bagikan/hoaks-bantuan-tunai-tautan-whatsapp/[0-9a-f]{{16}}-link\.png",
        og_image(kit_site.html("klarifikasi/hoaks-bantuan-tunai-tautan-whatsapp/")),
    )
    assert og_image(kit_site.html("prestasi/prestasi-judul-panjang/")).endswith(
        "-link.png"
    )
    photo = og_image(kit_site.html("prestasi/adipura-kota-semarang/"))
    assert photo.startswith(f"{SITE_URL}/images/og/adipura.")


def test_ogcard_draws_no_card_that_a_kit_replaced(kit_site):
    used = {og_image(kit_site.html(page)) for page in post_pages(kit_site)}
    drawn = {
        f"{SITE_URL}/images/og/{card.name}"
        for card in (kit_site.output / "images/og").glob("*.png")
        if card.name not in {"situs.png", "logo.png"}
    }
    assert drawn <= used


def test_bagikan_lists_exactly_the_kits_of_the_last_30_days(kit_site):
    today = dt.date.fromisoformat(TODAY)
    since = today - dt.timedelta(days=29)
    expected = {
        page: day for page, day in expected_kits(kit_site).items() if day >= since
    }
    assert "klarifikasi/klarifikasi-awal-jendela/" in expected
    assert "prestasi/prestasi-di-luar-jendela/" not in expected
    html = kit_site.html("bagikan/")
    listed = re.findall(rf'<h2><a href="{SITE_URL}/([^"#]+)#bagikan">', html)
    assert sorted(listed) == sorted(expected)
    days = [expected[page] for page in listed]
    assert days == sorted(days, reverse=True)
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "19 Oktober 2026" in html
    assert "17 November 2026" in html


def test_bagikan_is_in_the_footer_not_the_main_navigation(kit_site):
    home = (kit_site.output / "index.html").read_text(encoding="utf-8")
    footer = home.split('<footer class="site-footer">')[1]
    header = home.split("<main")[0]
    assert f'href="{SITE_URL}/bagikan/"' in footer
    assert "bagikan/" not in header
    assert "bagikan/" not in (kit_site.output / "sitemap.xml").read_text()


def test_a_second_build_draws_nothing(kit_site):
    first, second = kit_site.logs
    kits = len(expected_kits(kit_site))
    assert (
        f"sharekit: {kits} kits, {3 * kits} cards, {3 * kits} drawn anew"
        in " ".join(first)
    )
    assert any(f"{3 * kits} cards, 0 drawn anew" in m for m in second)
    cached = {p: p.stat().st_mtime_ns for p in (kit_site.cache / "sharekit").iterdir()}
    assert cached == kit_site.stamps


def test_an_edited_post_redraws_only_its_three_cards(kit_site, tmp_path):
    site = Build(
        tmp_path, tmp_path / "output", tmp_path / "cache", tmp_path / "content"
    )
    shutil.copytree(kit_site.content, site.content)
    shutil.copytree(kit_site.cache, site.cache)
    post = site.content / "posts/2025/adipura-kota-semarang.md"
    post.write_text(
        post.read_text(encoding="utf-8").replace(
            "Title: Kota Semarang Raih", "Title: Semarang Raih"
        ),
        encoding="utf-8",
    )
    messages = " ".join(build(site))
    assert ", 3 drawn anew" in messages


def _build_with_a_bagikan_page(root: Path, **settings: object) -> str:
    """Build content holding only a page at /bagikan/ (in a subprocess, as
    `invoke build` runs: an aborted build leaves other plugins' state, the
    sitemap's, behind in the process); return its log on one line."""
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages/bagikan.md").write_text(
        "Title: Bagikan\nSlug: bagikan\n\nHalaman admin.\n", encoding="utf-8"
    )
    result = run_pelican(
        content, root / "output", cache=root / "cache", env={"COLUMNS": "500"},
        check=False, **settings,
    )  # fmt: skip
    output = " ".join((result.stdout + result.stderr).split())
    return f"exit {result.returncode}: {output}"


def test_a_page_where_bagikan_goes_is_held_back_and_bagikan_is_kept(tmp_path):
    # The guard (on for the city's site) holds the admin's page back, names
    # it with line, field and a fix, and the kit list is still written.
    log = _build_with_a_bagikan_page(tmp_path)
    assert log.startswith("exit 0:"), log  # the tasks turn held-back into exit 3
    held = json.loads((tmp_path / "held-back.json").read_text(encoding="utf-8"))
    assert [(h["file"].endswith("pages/bagikan.md"), h["line"], h["field"])
            for h in held] == [(True, 2, "slug")], held  # fmt: skip
    assert "bagikan" in held[0]["message"] and "Slug:" in held[0]["suggestion"]
    bagikan = (tmp_path / "output" / "bagikan" / "index.html").read_text("utf-8")
    assert "Halaman admin." not in bagikan


def test_a_page_where_bagikan_goes_stops_an_unguarded_build(tmp_path):
    # Sharekit's own refusal, under the guard (defence in depth): built
    # without pelita.build.guard, which would hold the page back first.
    unguarded = plugins(without=["pelita.build.guard"])
    log = _build_with_a_bagikan_page(tmp_path, PLUGINS=unguarded)
    assert not log.startswith("exit 0:"), log
    assert "pages/bagikan.md would be written to bagikan/index.html" in log
