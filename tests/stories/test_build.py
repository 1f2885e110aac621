"""A story told by several posts, built with the project's settings.

One build of a small site: an OPD press release, a kecamatan's verbatim
copy, a news outlet's rewrite, an admin's post merged into the story by hand,
a post an admin split off, and an award reported twice. The duplicates must
be listed nowhere yet keep their pages; the primary names the others.
"""

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from sitebuild import build_site
from storykit import REPO

SITE = "https://kabar.example.id"
MASTER = "images/imported/3f2a9c0d1e4b5a6c7d8e.webp"
POSTS = {
    "imported/diskominfo/2025/rilis.md": """\
Title: Perekaman KTP-el Keliling Hadir di Tembalang
Slug: rilis
Date: 2025-06-04 08:00
Category: Berita
Tags: kependudukan
Kecamatan: Tembalang
Channel: diskominfo
Source: https://diskominfo.example.go.id/ktp-keliling/
Image: {master}
Image_alt: Mobil layanan KTP-el
Story: rilis
Import_id: guid:aaaa

Disdukcapil membuka perekaman KTP-el keliling di Tembalang.
""",
    "imported/kec-semarang-tengah/2025/salinan.md": """\
Title: Perekaman KTP-el Keliling Hadir di Tembalang
Slug: salinan
Date: 2025-06-04 10:00
Category: Berita
Tags: kependudukan
Kecamatan: Tembalang
Channel: kec-semarang-tengah
Source: https://kec.example.go.id/ktp-keliling/
Story: rilis
Duplicate_of: rilis
Story_reason: teks sama dengan rilis
Import_id: guid:bbbb

Disdukcapil membuka perekaman KTP-el keliling di Tembalang.
""",
    "imported/warta-semarang/2025/tulis-ulang.md": """\
Title: Warga Tembalang Bisa Rekam KTP-el Dekat Rumah
Slug: tulis-ulang
Date: 2025-06-04 15:00
Category: Berita
Tags: kependudukan
Kecamatan: Tembalang
Channel: warta-semarang
Source: https://warta.example/ktp/
Story: rilis
Duplicate_of: guid:aaaa
Import_id: guid:cccc

Mobil layanan kependudukan mendatangi Tembalang.
""",
    "posts/2025/catatan-admin.md": """\
Title: Jadwal Perekaman KTP-el di Tembalang
Slug: catatan-admin
Date: 2025-06-05 09:00
Category: Berita
Tags: kependudukan
Kecamatan: Tembalang
Duplicate_of: berita/rilis/

Catatan admin tentang jadwal yang sama.
""",
    "imported/warta-semarang/2025/pisah.md": """\
Title: Antrean KTP-el Mengular di Hari Kedua
Slug: pisah
Date: 2025-06-05 16:00
Category: Berita
Tags: kependudukan
Kecamatan: Tembalang
Channel: warta-semarang
Source: https://warta.example/antrean/
Story: rilis
Import_id: guid:dddd

Antrean panjang di hari kedua, kabar lanjutan yang dipisahkan admin.
""",
    "posts/2025/penghargaan.md": """\
Title: Puskesmas Rowosari Raih Akreditasi Paripurna
Date: 2025-09-02 10:00
Category: Prestasi
Kecamatan: Tembalang
Prestasi: ya
Penghargaan: Akreditasi Paripurna
Pemberi: Kementerian Kesehatan
Tingkat: nasional
Penerima: Puskesmas Rowosari

Puskesmas Rowosari meraih akreditasi Paripurna.
""",
    "imported/warta-semarang/2025/penghargaan-ulang.md": """\
Title: Puskesmas di Tembalang Kini Paripurna
Slug: penghargaan-ulang
Date: 2025-09-03 09:00
Category: Prestasi
Kecamatan: Tembalang
Channel: warta-semarang
Source: https://warta.example/paripurna/
Duplicate_of: puskesmas-rowosari-raih-akreditasi-paripurna
Import_id: guid:eeee

Satu lagi puskesmas meraih akreditasi Paripurna.
""",
}


def write_site(content):
    for name, text in POSTS.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text.replace("{master}", MASTER), encoding="utf-8")
    master = content / MASTER
    master.parent.mkdir(parents=True)
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (20, 90, 160)).save(buffer, "WEBP")
    master.write_bytes(buffer.getvalue())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("stories")
    write_site(root / "content")
    return build_site(
        root / "content",
        root / "output",
        cache=root / "cache",
        SITEURL=SITE,
        RELATIVE_URLS=False,
        FEED_DOMAIN=SITE,
        FEED_ALL_ATOM="feeds/semua.atom.xml",
        CATEGORY_FEED_ATOM="feeds/kategori/{slug}.atom.xml",
        IMPORTER={
            "channels_file": str(REPO / "data" / "channels.demo.yml"),
            "content_dir": str(root / "content" / "imported"),
            "state_file": str(root / "state.json"),
            "report_file": str(root / "report.json"),
        },
    )


def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


DUPLICATES = ("salinan", "tulis-ulang", "catatan-admin", "penghargaan-ulang")
LISTS = ("", "berita/", "topik/kependudukan/", "kecamatan/tembalang/", "arsip/",
         "prestasi/")  # fmt: skip


def test_duplicates_are_listed_nowhere(site):
    for path in LISTS:
        html = (site / path / "index.html").read_text("utf-8")
        for slug in DUPLICATES:
            assert f"/{slug}/" not in html, (path, slug)
    for feed in ("feeds/semua.atom.xml", "feeds/kategori/berita.atom.xml"):
        text = (site / feed).read_text("utf-8")
        assert "/berita/rilis/" in text
        assert not any(f"/{slug}/" in text for slug in DUPLICATES), feed
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/berita/rilis/" in sitemap
    assert not any(f"/{slug}/</loc>" in sitemap for slug in DUPLICATES)
    home = (site / "berita" / "index.html").read_text("utf-8")
    assert "/berita/rilis/" in home
    assert "/berita/pisah/" in home  # split off by an admin: listed again


def test_the_awards_wall_lists_the_award_once(site):
    wall = (site / "prestasi" / "index.html").read_text("utf-8")
    assert wall.count("/prestasi/puskesmas-rowosari-raih-akreditasi-paripurna/") >= 1
    assert "penghargaan-ulang" not in wall
    data = json.loads((site / "prestasi" / "prestasi.json").read_text("utf-8"))
    assert [row["judul"] for row in data["prestasi"]] == [
        "Puskesmas Rowosari Raih Akreditasi Paripurna"
    ]


def test_the_primary_names_the_other_channels_with_their_originals(site):
    story = page(site, "berita/rilis").select_one(".story-also")
    assert story.h2.get_text() == "Diberitakan juga oleh"
    links = [(a.get_text(), a["href"]) for a in story.select("a")]
    assert ("Kecamatan Semarang Tengah", "https://kec.example.go.id/ktp-keliling/") in (
        links
    )
    assert ("Warta Semarang", "https://warta.example/ktp/") in links
    assert any(href == f"{SITE}/berita/catatan-admin/" for _, href in links)
    assert len(links) == 3


def test_a_duplicate_keeps_its_page_and_points_to_the_primary(site):
    for slug in ("salinan", "tulis-ulang", "catatan-admin"):
        html = page(site, f"berita/{slug}")
        assert html.select_one("link[rel=canonical]")["href"] == f"{SITE}/berita/rilis/"
        note = html.select_one(".story-note")
        assert note.select_one("a")["href"] == f"{SITE}/berita/rilis/"
        assert "Dinas Komunikasi" in note.get_text()
        assert html.select_one("[data-pagefind-body]") is None
    primary = page(site, "berita/rilis")
    assert primary.select_one("[data-pagefind-body]") is not None
    assert primary.select_one("link[rel=canonical]")["href"] == f"{SITE}/berita/rilis/"


def test_related_posts_never_suggest_a_duplicate(site):
    for path in site.glob("berita/*/index.html"):
        related = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one(
            ".related"
        )
        if related is not None:
            text = str(related)
            assert not any(f"/{slug}/" in text for slug in DUPLICATES), path


def test_an_imported_webp_master_goes_through_the_images_plugin(site):
    stem = MASTER.removesuffix(".webp")
    widths = sorted(
        int(re.search(r"-(\d+)w\.", v.name).group(1))
        for v in site.glob(f"{stem}-*w.*.webp")
    )
    assert widths == [320, 360, 480, 640, 960, 1280, 1600]
    assert (site / MASTER).is_file()  # the master's own address keeps working
    og = page(site, "berita/rilis").select_one("meta[property='og:image']")["content"]
    assert og.startswith(f"{SITE}/images/og/") and og.endswith(".jpg")
    assert (site / og.removeprefix(f"{SITE}/")).is_file()
    with Image.open(site / og.removeprefix(f"{SITE}/")) as card:
        assert (card.format, card.size) == ("JPEG", (1200, 630))
    srcset = page(site, "berita/rilis").select_one(".article__figure img")["srcset"]
    assert "-320w." in srcset
