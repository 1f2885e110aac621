"""The published demo hub, read from its files: budgets, search index, images."""

import json
import re
from pathlib import Path

from pelican.settings import read_settings
from PIL import Image

from pelita.tools.sitecheck.budgets import DEFAULT_LIMIT, check_site, heaviest_by_kind
from pelita.tools.sitesearch.pagefind import UNSTEMMED

from .conftest import Site

REPO = Path(__file__).resolve().parents[2]


def test_every_page_is_within_budget_with_no_font_and_no_other_host(published: Site):
    weights, problems = check_site(published.output, published.url)
    assert problems == []
    kinds = heaviest_by_kind(weights)
    for kind in ("home", "404", "cari", "layanan", "arsip", "topik"):
        assert kind in kinds
    assert max(w.total for w in weights) < DEFAULT_LIMIT
    assert len(weights) > 100


def test_search_index_exists_with_the_filters(published: Site):
    bundle = published.output / "pagefind"
    parts = json.loads((bundle / "pelita-parts.json").read_text())["parts"]
    # Every part is indexed in the one language production chooses: "und"
    # (no stemmer) while SEARCH_STEMMING is off, else DEFAULT_LANG.
    settings = read_settings(str(REPO / "publishconf.py"))
    language = settings["DEFAULT_LANG"] if settings["SEARCH_STEMMING"] else UNSTEMMED
    pages = 0
    for folder in [bundle, *(bundle / part for part in parts)]:
        entry = json.loads((folder / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [language], entry["languages"]
        pages += entry["languages"][language]["page_count"]
        assert (folder / "pagefind.js").is_file()
        assert list((folder / "filter").glob("*.pf_filter"))
    assert pages > 80
    search = published.html("cari/")
    for name in ("kategori", "kecamatan", "opd", "tahun"):
        assert f'<select id="f-{name}" name="{name}">' in search


def test_article_pages_mark_their_filters_for_the_index(published: Site):
    html = published.html("prestasi/adipura-kota-semarang/")
    assert "data-pagefind-body" in html
    assert '<span data-pagefind-filter="kategori">Prestasi</span>' in html
    assert '<span data-pagefind-filter="opd">Dinas Lingkungan Hidup</span>' in html
    assert '<span data-pagefind-filter="tahun">2025</span>' in html


def test_every_post_has_an_absolute_preview_image_under_300_kb(published: Site):
    pages = list(published.output.glob("*/*/index.html"))
    articles = [
        p for p in pages if 'property="og:type" content="article"' in p.read_text()
    ]
    assert len(articles) > 60
    for page in articles:
        found = re.search(r'property="og:image" content="([^"]+)"', page.read_text())
        assert found, page
        url = found.group(1)
        assert url.startswith(published.url + "/"), page
        image = published.output / url.removeprefix(published.url + "/")
        assert image.stat().st_size < 300_000, image
        with Image.open(image) as opened:
            assert opened.size == (1200, 630), image


def test_no_published_image_keeps_exif(published: Site):
    rasters = [
        p for p in (published.output / "images").rglob("*")
        if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"}
    ]  # fmt: skip
    assert len(rasters) > 50
    for path in rasters:
        with Image.open(path) as image:
            assert not image.getexif(), path


def test_hoax_clarifications_carry_claim_review(published: Site):
    pages = sorted((published.output / "klarifikasi").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text()
        data = re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        )
        types = {node["@type"] for node in json.loads(data.group(1))["@graph"]}
        if 'class="claim ' in html:
            assert "ClaimReview" in types, page
        assert "NewsArticle" in types


def test_imported_posts_name_their_channel_and_link_the_original(published: Site):
    source = re.compile(
        r'Sumber: <a href="(https://[^"]+)" rel="nofollow">Kelurahan Kandri</a>'
    )
    pages = [
        page
        for page in sorted(published.output.glob("*/*/index.html"))
        if source.search(page.read_text(encoding="utf-8"))
    ]
    # Every entry of the demo's kelurahan feed, and nothing else, names it.
    feed = (REPO / "data" / "demo-feeds" / "kel-kandri.xml").read_text("utf-8")
    assert len(pages) == feed.count("<entry>")
    html = pages[0].read_text(encoding="utf-8")
    assert source.search(html).group(1).startswith("https://")
    assert "/commits/" not in html  # the demo import is not in the repository
