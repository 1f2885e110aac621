"""One small end-to-end build with every post type, through all theme plugins."""

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote

from PIL import Image

from .conftest import SMALL_SITE_URL, Site, build_small_site

PRESTASI = "prestasi/kelurahan-meteseh-juara-nasional-lomba-kampung-hijau/"
HOAKS = "klarifikasi/pesan-berantai-bansos-lewat-tautan-whatsapp-adalah-hoaks/"
IMPORTED = "berita/warta-genangan-kaligawe/"
VIDEO = "wisata/menyusuri-kota-lama-semarang-di-malam-hari/"


def meta(html: str, name: str) -> str:
    match = re.search(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html
    )
    assert match, name
    return unescape(match.group(1))


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def graph_node(html: str, kind: str) -> dict:
    return next(node for node in json_ld(html)["@graph"] if node["@type"] == kind)


def test_article_page_has_indonesian_date_links_and_provenance(small_site: Site):
    html = small_site.html(PRESTASI)
    assert "Selasa, 14 Oktober 2025 10.00 WIB" in html
    assert 'datetime="2025-10-14T10:00:00+07:00"' in html
    assert "Kecamatan Tembalang" in html
    assert "Dinas Lingkungan Hidup" in html
    history = "https://github.com/pemkot-semarang/pelita/commits/main/content/posts/2025/juara.md"
    assert f'href="{history}"' in html


def test_award_box_and_badge_for_an_achievement(small_site: Site):
    html = small_site.html(PRESTASI)
    assert "Juara I Lomba Kampung Hijau" in html
    assert "<dt>Pemberi</dt><dd>Kementerian Lingkungan Hidup</dd>" in html
    # Penerima given as an OPD id shows the OPD's name.
    assert "<dt>Penerima</dt><dd>Dinas Lingkungan Hidup</dd>" in html
    assert "Tingkat Nasional" in html


def test_prestasi_tidak_overrides_the_category(small_site: Site):
    html = small_site.html("prestasi/pelatihan-juri-lomba-kelurahan/")
    header = html.split("<article")[1].split('<div class="prose">')[0]
    assert "Pelatihan Juri Lomba Kelurahan" in header
    assert "badge--award" not in header
    home = small_site.html("")
    achievements = home.split('id="achievements-heading"')[1].split("</section>")[0]
    assert "Kelurahan Meteseh" in achievements
    assert "Pelatihan Juri" not in achievements


def test_imported_post_names_its_source_and_links_the_original(small_site: Site):
    html = small_site.html(IMPORTED)
    assert (
        'Sumber: <a href="https://warta.example.id/2025/10/genangan-kaligawe" '
        'rel="nofollow">warta-semarang</a>' in html
    )
    assert "commits/main/content/imported/warta/2025/banjir.md" in html


def test_open_graph_is_absolute_and_indonesian(small_site: Site):
    html = small_site.html(PRESTASI)
    url = f"{SMALL_SITE_URL}/{PRESTASI}"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:locale") == "id_ID"
    assert meta(html, "og:site_name") == "Pelita Semarang"
    assert meta(html, "og:url") == url
    assert f'<link rel="canonical" href="{url}">' in html
    image = meta(html, "og:image")
    assert image.startswith(f"{SMALL_SITE_URL}/images/og/juara.")
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "article:published_time") == "2025-10-14T10:00:00+07:00"


def test_news_article_json_ld_has_timezone_aware_dates(small_site: Site):
    node = graph_node(small_site.html(PRESTASI), "NewsArticle")
    assert node["datePublished"] == "2025-10-14T10:00:00+07:00"
    assert node["url"] == f"{SMALL_SITE_URL}/{PRESTASI}"
    assert node["image"][0].startswith(f"{SMALL_SITE_URL}/images/og/juara.")
    assert node["publisher"]["logo"]["url"] == f"{SMALL_SITE_URL}/images/og/logo.png"
    assert (small_site.output / "images/og/logo.png").is_file()


def test_clarification_leads_with_the_fact_and_shares_it_first(small_site: Site):
    html = small_site.html(HOAKS)
    assert "claim verdict--hoaks" in html
    claim = "Warga bisa mendaftar bansos Rp2 juta lewat tautan di WhatsApp."
    assert claim in html
    review = graph_node(html, "ClaimReview")
    assert review["claimReviewed"].startswith("Warga bisa mendaftar bansos")
    assert review["reviewRating"]["alternateName"] == "Hoaks"
    assert review["reviewRating"]["ratingValue"] == 1
    # The box: verdict, the fact, then the claim (the truth sandwich), before
    # any picture; the page has one share row, its WhatsApp message fact first.
    box = html[html.index('class="claim ') :]
    assert box.index("claim__verdict") < box.index("claim__fact") < box.index(claim)
    assert "article__figure" not in html.split('class="claim ')[0]
    readers = html.split('<details class="kit"')[0]  # the admins' kit is folded
    shares = re.findall(r'href="https://wa\.me/\?text=([^"]+)"', readers)
    assert len(shares) == 1
    text = unquote(shares[0])
    assert text.startswith("*Faktanya:* ")
    assert text.index("Faktanya") < text.index("Klaim yang beredar (Hoaks)")
    assert text.endswith(f"{SMALL_SITE_URL}/{HOAKS}")


def test_clarification_preview_card_is_drawn_with_the_verdict(small_site: Site):
    html = small_site.html(HOAKS)
    path = meta(html, "og:image").removeprefix(SMALL_SITE_URL + "/")
    card = small_site.output / path
    # The share kit's link card (claim and verdict), else ogcard's own.
    assert path.startswith(("bagikan/", "images/og/"))
    assert card.stat().st_size < 300_000
    with Image.open(card) as image:
        assert image.size == (1200, 630)


def test_share_links_carry_the_canonical_url(small_site: Site):
    html = small_site.html(PRESTASI)
    url = f"{SMALL_SITE_URL}/{PRESTASI}"
    encoded = quote(url)
    assert 'href="https://wa.me/?text=' in html
    assert f'{encoded}"' in html.split("https://wa.me/?text=")[1].split(">")[0] + '"'
    assert f"https://t.me/share/url?url={encoded}&amp;" in html
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in html
    assert f"https://x.com/intent/post?url={encoded}&amp;" in html
    assert f'data-copy="{url}"' in html


def test_body_images_are_responsive_and_remote_ones_are_links(small_site: Site):
    body = small_site.html(PRESTASI).split('<div class="prose">')[1].split("</div>")[0]
    assert re.search(
        r'<img alt="Kebun warga" src="[^"]*kebun-640w\.[0-9a-f]+\.webp"', body
    )
    assert 'loading="lazy"' in body
    assert "https://cdn.example.org/foto.jpg" in body
    assert not re.search(r"<img[^>]+cdn\.example\.org", body)
    assert '<a class="remote-image" href="https://cdn.example.org/foto.jpg"' in body
    assert "stats.example.invalid" not in body


def test_a_post_whose_image_is_missing_is_held_back_and_named(small_site: Site):
    """A broken Image holds back that post only, named with its field and value."""
    assert not (
        small_site.output / "berita/jalan-baru-di-mijen-mulai-dibangun"
    ).exists()
    assert "jalan-baru-di-mijen" not in small_site.html("index.html")
    held = json.loads((small_site.cache.parent / "held-back.json").read_text("utf-8"))
    mine = [entry for entry in held if entry["file"].endswith("tanpa-foto.md")]
    assert mine, held
    assert any("jalan-mijen.jpg" in json.dumps(entry) for entry in mine)
    assert small_site.html(VIDEO)  # the rest of the site is published


def test_video_post_renders_a_click_to_load_facade(small_site: Site):
    html = small_site.html(VIDEO)
    facade = re.search(
        r'<a class="video" href="([^"]+)" data-video[^>]*>(.*?)</a>', html, re.S
    )
    assert facade
    assert facade.group(1) == "https://www.youtube.com/watch?v=abcdEFGH123"
    assert "<iframe" not in html
    assert "youtube-nocookie" not in html
    assert 'fetchpriority="high"' in facade.group(2)


def test_published_images_carry_no_gps_and_originals_are_replaced(small_site: Site):
    images = list((small_site.output / "images").rglob("*.*"))
    assert images
    for path in images:
        data = path.read_bytes()
        assert b"PelitaPhone" not in data, path
        assert b"GPSLatitude" not in data, path
    with Image.open(small_site.output / "images/2025/juara.jpg") as original:
        assert not original.getexif()
        assert original.size == (1600, 2400)  # upright, width capped at 1600


def test_related_posts_prefer_shared_kecamatan_and_topics(small_site: Site):
    html = small_site.html(PRESTASI)
    related = html.split('id="related-heading"')[1].split("</aside>")[0]
    titles = re.findall(r'class="card-title"><a href="[^"]+">([^<]+)</a>', related)
    assert 0 < len(titles) <= 4
    assert "Meteseh" not in " ".join(titles)
    assert titles[0] in {
        "Pelatihan Juri Lomba Kelurahan",
        "Pesan Berantai Bansos lewat Tautan WhatsApp Adalah Hoaks",
    }


def test_robots_news_sitemap_and_feeds_are_written(small_site: Site):
    robots = (small_site.output / "robots.txt").read_text()
    assert f"Sitemap: {SMALL_SITE_URL}/sitemap.xml" in robots
    assert f"Sitemap: {SMALL_SITE_URL}/news-sitemap.xml" in robots
    news = (small_site.output / "news-sitemap.xml").read_text()
    assert news.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    sitemap = (small_site.output / "sitemap.xml").read_text()
    assert f"{SMALL_SITE_URL}/{PRESTASI}" in sitemap
    assert "404.html" not in sitemap
    assert "/cari/" not in sitemap
    assert (small_site.output / "feeds/kategori/klarifikasi.atom.xml").is_file()


def test_rebuild_encodes_no_image_again(small_site: Site, tmp_path: Path, caplog):
    root = small_site.output.parent
    caplog.set_level("INFO")
    build_small_site(root, root / "content")
    assert "images: 2 images published, 0 encoded anew" in caplog.text
    assert "ogcard:" in caplog.text
    assert re.search(r"ogcard: \d+ cards written, 0 drawn anew", caplog.text)


def test_kecamatan_and_opd_link_to_their_pages(small_site: Site):
    html = small_site.html(PRESTASI)
    # wilayah publishes /kecamatan/<slug>/, prestasi /opd/<id>/.
    assert (
        f'href="{SMALL_SITE_URL}/kecamatan/tembalang/">Kecamatan Tembalang</a>' in html
    )
    assert (
        f'href="{SMALL_SITE_URL}/kecamatan/tembalang/meteseh/">Kelurahan Meteseh'
        in html
    )
    assert f'<a href="{SMALL_SITE_URL}/opd/dlh/">Dinas Lingkungan Hidup</a>' in html
    home = small_site.html("")
    districts = home.split('id="districts-heading"')[1].split("</section>")[0]
    links = re.findall(r'href="[^"]*/kecamatan/([\w-]+)/"', districts)
    assert len(links) == 16
    assert "tembalang" in links
    assert re.search(
        r'kecamatan/tembalang/">Tembalang <span class="count">3</span>', districts
    )
