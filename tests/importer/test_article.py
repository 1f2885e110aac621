"""Listing and article pages read into links and entries (no server needed)."""

import datetime as dt
from dataclasses import replace

import pytest
from importer_testkit import REPO, fetch_result, live_markup, render_markdown
from sitekit import HTML, HTML_RULES, LAZY, Article, listing

from pelita.importer.errors import FeedError
from pelita.importer.feeds.identity import page_guid
from pelita.importer.htmlchannels.article import ArticleJob, read_article
from pelita.importer.htmlchannels.listing import ListingJob, read_listing
from pelita.importer.htmlchannels.noise import load_noise_rules
from pelita.importer.htmlchannels.page import site_domain
from pelita.importer.model import Channel, HtmlRules

SITE = "https://tlogosarikulon.example.go.id"
RULES = HtmlRules(
    **{k: v for k, v in HTML_RULES.items() if k != "remove"},
    remove=tuple(HTML_RULES["remove"]),
)
CHANNEL = Channel(
    "kel-contoh", "Kelurahan Contoh", "kelurahan", f"{SITE}/berita/",
    format="html", html=RULES,
)  # fmt: skip
NOISE = load_noise_rules(REPO / "data" / "html-noise.yml")
FETCHED = dt.datetime(2026, 6, 10, 3, 0, tzinfo=dt.UTC)


def read(item: Article, url: str = f"{SITE}/berita/kabar/", channel=CHANNEL):
    result = fetch_result(item.html(), HTML, url)
    result = type(result)(**{**result.__dict__, "fetched_at": FETCHED})
    return read_article(ArticleJob(channel, result, url, url, NOISE))


def test_an_article_becomes_a_clean_entry():
    item = Article(
        title="Posyandu Melati Juara I",
        date="Kamis, 4 Juni 2026 | 09:15 WIB",
        body=(
            "<div class='dilihat'>Dilihat: 990 kali</div>"
            "<p>Posyandu Melati meraih juara.</p>"
            "<p><strong>Baca juga:</strong> <a href='/berita/lain/'>Lain</a></p>"
            "<div class='kotak-bagikan'>Bagikan: <a href='https://wa.me/'>WA</a></div>"
            "<p>Penulis: Rina | Editor: Humas</p>"
            "<script>alert(1)</script><p onclick='x()'>Kader siap.</p>"
            "<p><a href='javascript:alert(1)'>klik</a><img src=x onerror=alert(1)></p>"
        ),
        photo=f"<img {LAZY} data-src='../../media/posyandu.jpg' alt='Kader menimbang'>",
    )
    read_ = read(item)
    entry = read_.entry
    assert read_.warnings == ()
    assert entry.title == "Posyandu Melati Juara I"
    assert entry.published.isoformat() == "2026-06-04T09:15:00+07:00"
    assert entry.body.startswith("Posyandu Melati meraih juara.\n\nKader siap.\n")
    assert "javascript" not in entry.body and "onerror" not in entry.body
    assert entry.image.url == f"{SITE}/media/posyandu.jpg"
    assert entry.image.alt == "Kader menimbang"
    assert entry.link == f"{SITE}/berita/kabar/"
    assert entry.guid == page_guid(entry.link)  # a link: normalized
    assert live_markup(render_markdown(entry.body)) == []


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        (f"<img {LAZY} data-src='/media/a.jpg'>", "/media/a.jpg"),
        (f"<img {LAZY} data-lazy-src='a.jpg'>", "/berita/kabar/a.jpg"),
        ("<img data-srcset='/s.jpg 300w, /l.jpg 1024w'>", "/l.jpg"),
        ("<img srcset='/s.jpg 1x, /l.jpg 2x'>", "/l.jpg"),
        (f"<img {LAZY} srcset='/s.jpg 1x, /l.jpg 2x'>", "/l.jpg"),
        ("<img src='/biasa.jpg'>", "/biasa.jpg"),
    ],
)
def test_lazy_images_resolve_to_their_real_source(image, expected):
    item = Article("Judul berita", "1 Juni 2026", f"<p>Teks.</p><p>{image}</p>")
    entry = read(item).entry
    assert f"]({SITE}{expected})" in entry.body


def test_relative_links_resolve_against_the_page_and_its_base():
    item = Article(
        "Judul berita",
        "1 Juni 2026",
        "<p><a href='../lain/'>lain</a> <a href='/x'>x</a> <a href='y?a=1#k'>y</a></p>",
        head="<base href='https://arsip.example.go.id/2026/'>",
    )
    body = read(item).entry.body
    assert "](https://arsip.example.go.id/lain/)" in body
    assert "](https://arsip.example.go.id/x)" in body
    assert "](https://arsip.example.go.id/2026/y?a=1#k)" in body


@pytest.mark.parametrize(
    ("date", "head", "expected"),
    [
        ("21/03/2026", "", "2026-03-21T00:00:00+07:00"),
        ("21-03-2026 09:15", "", "2026-03-21T09:15:00+07:00"),
        ("21 Mar 2026", "", "2026-03-21T00:00:00+07:00"),
        ("3 jam yang lalu", "", "2026-06-10T07:00:00+07:00"),
        ("kemarin", "", "2026-06-09T10:00:00+07:00"),
        ("<time datetime='2026-03-21T09:15:00+07:00'>21 Maret</time>", "",
         "2026-03-21T09:15:00+07:00"),
        ("21 Maret 2026",
         "<meta property='article:published_time' content='2026-03-20T08:00:00+00:00'>",
         "2026-03-20T15:00:00+07:00"),
    ],
)  # fmt: skip
def test_dates_as_pages_print_them(date, head, expected):
    entry = read(Article("Judul berita", date, "<p>Teks.</p>", head=head)).entry
    assert entry.published.isoformat() == expected
    assert entry.date_note is None


def test_a_relative_date_is_kept_on_later_runs():
    entry = read(Article("Judul berita", "2 hari lalu", "<p>Teks.</p>")).entry
    assert entry.date_is_fallback


def test_a_missing_date_is_the_first_seen_time_and_warned():
    item = Article("Judul berita", "", "<p>Teks.</p>")
    read_ = read(item)
    assert read_.entry.published.isoformat() == "2026-06-10T10:00:00+07:00"
    assert read_.entry.date_note == (
        "the date element html.date '.info-berita .tanggal' is empty; "
        "using the time Pelita first saw it"
    )


def test_a_body_selector_that_matches_nothing_skips_the_article_with_a_warning():
    item = Article("Judul berita", "1 Juni 2026", "<p>Teks.</p>", body_class="konten")
    read_ = read(item, url=f"{SITE}/berita/baru/")
    assert read_.entry is None
    assert read_.missing_body
    assert read_.warnings == (
        f"html.body '.isi-berita' matched nothing on {SITE}/berita/baru/; "
        "article skipped",
    )


def test_a_missing_title_selector_falls_back_to_h1_with_a_warning():
    rules = HtmlRules(items="a", body=".isi-berita", title="h1.judul-lama")
    channel = Channel("k", "K", "media", SITE, format="html", html=rules)
    read_ = read(Article("Judul dari h1", "1 Juni 2026", "<p>T.</p>"), channel=channel)
    assert read_.entry.title == "Judul dari h1"
    assert read_.warnings == (
        f"html.title 'h1.judul-lama' matched nothing on {SITE}/berita/kabar/",
    )


def test_canonical_address_only_on_the_same_site():
    same = "<link rel='canonical' href='https://www.tlogosarikulon.example.go.id/k/'>"
    other = "<link rel='canonical' href='https://lain.example.com/k/'>"
    first = read(Article("Judul berita", "1 Juni 2026", "<p>T.</p>", head=same))
    assert first.entry.link == "https://www.tlogosarikulon.example.go.id/k/"
    second = read(Article("Judul berita", "1 Juni 2026", "<p>T.</p>", head=other))
    assert second.entry.link == f"{SITE}/berita/kabar/"


def listing_job(body: bytes, url: str = f"{SITE}/berita/") -> ListingJob:
    return ListingJob(fetch_result(body, HTML, url), RULES, url)


def test_a_listing_gives_its_site_links_in_order_and_its_next_page():
    body = listing(
        [
            ("artikel-2/", "dua"),
            ("/berita/artikel-1/#komentar", "satu"),
            ("https://www.tlogosarikulon.example.go.id/berita/artikel-0/", "nol"),
            ("https://jatengprov.example.go.id/pengumuman/", "luar"),
            ("artikel-2/", "dua lagi"),
            ("javascript:void(0)", "bukan"),
        ],
        next_href="?halaman=2",
    )
    found = read_listing(listing_job(body))
    assert found.links == (
        f"{SITE}/berita/artikel-2/",
        f"{SITE}/berita/artikel-1/",
        "https://www.tlogosarikulon.example.go.id/berita/artikel-0/",
    )
    assert found.offsite == ("https://jatengprov.example.go.id/pengumuman/",)
    assert found.next_url == f"{SITE}/berita/?halaman=2"


def test_a_listing_without_matches_names_the_selector():
    body = (
        b"<html><body><div class='berita-baru'><a href='/a'>a</a></div></body></html>"
    )
    with pytest.raises(FeedError) as info:
        read_listing(listing_job(body))
    assert str(info.value).startswith(
        f"html.items '.daftar-berita .judul a' matched nothing on {SITE}/berita/"
    )


def test_a_listing_of_only_other_sites_is_an_error():
    body = listing([("https://lain.example.com/a/", "a")])
    with pytest.raises(FeedError, match=r"every link on .* leaves the site"):
        read_listing(listing_job(body))


def test_a_monstrous_body_is_skipped_not_walked(monkeypatch):
    monkeypatch.setattr("pelita.importer.htmlchannels.article.MAX_BODY_ELEMENTS", 50)
    item = Article("Judul berita", "1 Juni 2026", "<div><i>x</i></div>" * 30)
    read_ = read(item)
    assert read_.entry is None
    assert "over 50 elements" in read_.warnings[0]


def test_every_published_date_meta_tag_is_read_not_only_the_first():
    head = (
        "<meta property='article:published_time' content='{{ tanggal }}'>"
        "<meta property='article:published_time' content='2026-03-20T08:00:00+00:00'>"
    )
    entry = read(Article("Judul berita", "", "<p>Teks.</p>", head=head)).entry
    assert entry.published.isoformat() == "2026-03-20T15:00:00+07:00"
    assert entry.date_note is None


def test_an_empty_date_element_is_skipped_and_named_as_empty():
    rules = HtmlRules(items="a", body=".isi-berita", date=".tanggal")
    channel = Channel("k", "K", "media", SITE, format="html", html=rules)
    filled = "<p class='tanggal'>Senin, 1 Juni 2026 | 08:30 WIB</p><p>Teks.</p>"
    entry = read(Article("Judul", "", filled), channel=channel).entry
    assert entry.published.isoformat() == "2026-06-01T08:30:00+07:00"
    assert entry.body.strip() == "Teks."  # the byline left the body
    empty = read(Article("Judul", "", "<p>Teks.</p>"), channel=channel).entry
    assert empty.date_note == (
        "the date element html.date '.tanggal' is empty; "
        "using the time Pelita first saw it"
    )
    rules = HtmlRules(items="a", body=".isi-berita")
    channel = Channel("k", "K", "media", SITE, format="html", html=rules)
    none = read(Article("Judul", "", "<p>Teks.</p>"), channel=channel).entry
    assert none.date_note == "no date on the page; using the time Pelita first saw it"


@pytest.mark.parametrize(
    ("og_title", "site", "expected"),
    [
        ("Banjir Surut di Kaligawe | Republika Online", "", "Banjir Surut di Kaligawe"),
        ("Banjir Surut di Kaligawe - Kelurahan Contoh", "Kelurahan Contoh",
         "Banjir Surut di Kaligawe"),
        ("Banjir - Warga Mengungsi", "", "Banjir - Warga Mengungsi"),
        ("Wali Kota: Pasar Dibuka Senin", "", "Wali Kota: Pasar Dibuka Senin"),
    ],
)  # fmt: skip
def test_the_og_title_fallback_loses_the_site_suffix(og_title, site, expected):
    head = f"<meta property='og:title' content='{og_title}'>"
    if site:
        head += f"<meta property='og:site_name' content='{site}'>"
    rules = HtmlRules(items="a", body=".isi-berita", title="h1.judul-lama")
    channel = Channel("k", "K", "media", SITE, format="html", html=rules)
    item = Article("Logo Situs", "1 Juni 2026", "<p>Teks.</p>", head=head)
    assert read(item, channel=channel).entry.title == expected


def test_a_gallery_without_text_is_skipped_with_a_warning():
    photos = "".join(f"<p><img src='/galeri/{n}.jpg' alt=''></p>" for n in range(4))
    read_ = read(Article("Galeri Kegiatan", "1 Juni 2026", photos))
    assert read_.entry is None
    assert read_.warnings == (
        f"{SITE}/berita/kabar/: the article has no text (only photos, links or an "
        "embed: a gallery?); skipped",
    )
    captioned = photos + "<p>Warga membersihkan saluran air.</p>"
    assert read(Article("Galeri Kegiatan", "1 Juni 2026", captioned)).entry


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("nasional.portal.com", "portal.com"),
        ("www.portal.com", "portal.com"),
        ("portal.com", "portal.com"),
        ("berita.semarangkota.go.id", "semarangkota.go.id"),
        ("semarangkota.go.id", "semarangkota.go.id"),
        ("a.b.portal.co.id", "portal.co.id"),
    ],
)
def test_the_site_a_host_belongs_to(host, domain):
    assert site_domain(host) == domain


def test_a_listing_follows_sibling_subdomains_only_when_asked():
    body = listing(
        [
            ("https://nasional.tlogosarikulon.example.go.id/a/", "A"),
            ("https://tlogosarikulon.example.go.id.evil.test/b/", "B"),
            ("https://lain.example.com/c/", "C"),
        ]
    )
    kept = read_listing(
        ListingJob(fetch_result(body, HTML, f"{SITE}/berita/"),
                   replace(RULES, subdomains=True), f"{SITE}/berita/")
    )  # fmt: skip
    assert kept.links == ("https://nasional.tlogosarikulon.example.go.id/a/",)
    assert len(kept.offsite) == 2
    with pytest.raises(FeedError, match=r"every link on \S+ leaves the site"):
        read_listing(listing_job(body))
