"""The plugin in a real Pelican build: small sites built into ``tmp_path``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings
from sitebuild import build_site

from pelita.core.wilayah.errors import WilayahError

from .conftest import PATHS, REPO

PELICANCONF_PLUGINS = read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"]

POSTS = {
    "meteseh.md": """Title: Kelurahan Meteseh Juara Kampung Hijau
Date: 2025-03-04 09:00
Category: Prestasi

Warga RW 7 menyulap lahan tidur menjadi kebun sayur.
""",
    "kerja-bakti.md": """Title: Kerja Bakti Serentak di Tembalang dan Banyumanik
Date: 2025-03-01 07:00
Category: Berita

Ratusan warga membersihkan saluran air.
""",
    "explicit.md": """Title: Pelatihan UMKM di Tembalang
Date: 2025-02-01 10:00
Category: UMKM
Kecamatan: gunung pati

Pelatihan digelar untuk pelaku usaha dari Tembalang.
""",
    "penghargaan.md": """Title: Posyandu Raih Penghargaan
Date: 2025-01-15 10:00
Category: Berita
Kecamatan: Tembalang
Prestasi: ya

Posyandu Melati dinilai terbaik.
""",
    "kota.md": """Title: Wali Kota Semarang Buka Festival
Date: 2025-01-10 10:00
Category: Berita

Festival digelar di Balai Kota.
""",
    "draft.md": """Title: Draf Kabar Tugu
Date: 2025-01-09 10:00
Category: Berita
Kecamatan: Tugu
Status: draft

Belum terbit.
""",
}

CHANNELS = """channels:
  - {id: kec-tembalang, name: Kecamatan Tembalang, kind: kecamatan,
     url: "https://tembalang.example.go.id/feed/", kecamatan: Tembalang,
     opd: kec-tembalang}
  - {id: kel-meteseh, name: Kelurahan Meteseh, kind: kelurahan,
     url: "https://meteseh.example.go.id/feed/", kecamatan: Tembalang,
     kelurahan: Meteseh}
  - {id: mati, name: Kanal Mati, kind: kecamatan, kecamatan: Tembalang,
     opd: kec-tembalang, enabled: false, website: "https://mati.example.go.id/"}
  - {id: salah, name: Kanal Salah, kind: kecamatan, url: "https://y.example/feed/",
     kecamatan: Tembalng}
  - {id: jahat, name: "<img src=x onerror=alert(1)>", kind: kecamatan,
     url: "https://z.example/feed/", kecamatan: Tugu}
"""


def build(root: Path, posts: dict[str, str], **overrides) -> Path:
    content, output = root / "content", root / "output"
    (content / "posts").mkdir(parents=True, exist_ok=True)
    for name, text in posts.items():
        post = content / "posts" / name
        if not post.exists() or post.read_text(encoding="utf-8") != text:
            post.write_text(text, encoding="utf-8")  # unchanged files stay cached
    channels = root / "channels.yml"
    channels.write_text(CHANNELS, encoding="utf-8")
    settings = {
        "REGISTRIES": {key: str(path) for key, path in PATHS.items()},
        "IMPORTER": {"channels_file": str(channels)},
        "WILAYAH": {"per_page": 2},
    }
    return build_site(content, output, cache=root / "cache", **(settings | overrides))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("wilayah-site"), POSTS)


def read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-title"><a href="[^"]*">([^<]*)</a>', html)


def achievement_titles(html: str) -> list[str]:
    """The achievements listed above the cards (not repeated among them)."""
    listed = html.split('class="wilayah-achievements"')[1]
    listed = listed.split("</ul>", maxsplit=1)[0]
    return re.findall(r'<a href="[^"]*">([^<]*)</a>', listed)


def test_every_area_gets_a_page(site):
    pages = list((site / "kecamatan").rglob("index.html"))
    parts = [p.relative_to(site / "kecamatan").parts for p in pages]
    kelurahan = [p for p in parts if len(p) == 3 and not p[1].isdigit()]
    assert len(kelurahan) == 177
    assert (site / "kecamatan" / "index.html").is_file()
    assert (site / "kecamatan" / "semarang-tengah" / "index.html").is_file()


def test_kecamatan_page_lists_its_posts_newest_first(site):
    first = read(site, "kecamatan/tembalang/index.html")
    # The first page lists the achievements above the cards, not among them.
    assert achievement_titles(first) == [
        "Kelurahan Meteseh Juara Kampung Hijau",
        "Posyandu Raih Penghargaan",
    ]
    assert card_titles(first) == ["Kerja Bakti Serentak di Tembalang dan Banyumanik"]
    # Stable pagination: 3 posts at 2 a page all stay on the front page
    # (it holds per_page to 2 * per_page - 1), so there is no archived page.
    assert not (site / "kecamatan" / "tembalang" / "halaman").exists()
    assert 'class="pagination"' not in first


def test_kecamatan_pages_are_archived_from_the_oldest_post(tmp_path):
    """At 1 a page: the front has the newest, halaman/1 the oldest, for good."""
    output = build(tmp_path, POSTS, WILAYAH={"per_page": 1})
    folder = output / "kecamatan" / "tembalang"
    front = (folder / "index.html").read_text("utf-8")
    newer = (folder / "halaman" / "2" / "index.html").read_text("utf-8")
    oldest = (folder / "halaman" / "1" / "index.html").read_text("utf-8")
    assert not (folder / "halaman" / "3").exists()
    assert achievement_titles(front)[0] == "Kelurahan Meteseh Juara Kampung Hijau"

    def titles(page: str) -> list[str]:  # archived pages use the archive cards
        return re.findall(r'class="card-title"><a href="[^"]*">([^<]*)</a>', page)

    assert titles(newer) == ["Kerja Bakti Serentak di Tembalang dan Banyumanik"]
    assert titles(oldest) == ["Posyandu Raih Penghargaan"]
    assert re.search(r'<a rel="next" href="[^"]*tembalang/halaman/2/"', front)
    assert re.search(r'<a rel="next" href="[^"]*tembalang/halaman/1/"', newer)
    assert re.search(r'<a rel="prev" href="[^"]*kecamatan/tembalang/"', newer)
    assert 'rel="next"' not in oldest


def test_explicit_metadata_wins(site):
    assert card_titles(read(site, "kecamatan/gunungpati/index.html")) == [
        "Pelatihan UMKM di Tembalang"
    ]
    article = read(site, "umkm/pelatihan-umkm-di-tembalang/index.html")
    assert 'href="../../kecamatan/gunungpati/">Kecamatan Gunungpati</a>' in article
    assert "ditandai otomatis" not in article


def test_inferred_areas_are_linked_and_marked_on_the_article(site):
    article = read(site, "prestasi/kelurahan-meteseh-juara-kampung-hijau/index.html")
    assert 'href="../../kecamatan/tembalang/">Kecamatan Tembalang</a>' in article
    assert 'href="../../kecamatan/tembalang/meteseh/">Kelurahan Meteseh</a>' in article
    assert "ditandai otomatis" in article


def channel_list(page: str) -> list[tuple[str, str | None, bool]]:
    """(name, link, listed as not active) of each channel a page lists."""
    soup = BeautifulSoup(page, "html.parser")
    return [
        (
            item.get_text(" ", strip=True).replace(" (belum aktif)", ""),
            item.a["href"] if item.a else None,
            "channel-inactive" in (item.get("class") or ()),
        )
        for item in soup.select("ul.channel-list li")
    ]


def test_opd_and_kecamatan_pages_list_one_channel_alike(site):
    """One rule for every page: a disabled channel is listed as "belum aktif",
    and each channel links the same address (its declared site, else its feed's).
    """
    on_opd = channel_list(read(site, "opd/kec-tembalang/index.html"))
    on_kecamatan = channel_list(read(site, "kecamatan/tembalang/index.html"))
    assert on_opd == [
        ("Kecamatan Tembalang", "https://tembalang.example.go.id/", False),
        ("Kanal Mati", "https://mati.example.go.id/", True),
    ]
    assert [c for c in on_kecamatan if c in on_opd] == on_opd


def test_kelurahan_page_lists_its_posts_and_channels(site):
    page = read(site, "kecamatan/tembalang/meteseh/index.html")
    assert card_titles(page) == ["Kelurahan Meteseh Juara Kampung Hijau"]
    assert (
        '<a href="https://meteseh.example.go.id/" rel="noopener">Kelurahan Meteseh</a>'
        in page
    )
    assert "33.74.10.1001" in page
    assert 'name="robots"' not in page


def test_an_empty_kelurahan_says_so_and_shows_its_kecamatan_news(site):
    """Rowosari has no post of its own: no own list, but the nearby news."""
    page = read(site, "kecamatan/tembalang/rowosari/index.html")
    assert 'id="kabar-kelurahan"' not in page
    assert "Belum ada kabar dari Kelurahan Rowosari" in page
    nearby = page.split('id="nearby-heading"')[1]
    assert "Kecamatan Tembalang" in nearby.split("</h2>")[0]
    assert card_titles(nearby) == [  # the kecamatan's posts, none of elsewhere
        "Kelurahan Meteseh Juara Kampung Hijau",
        "Kerja Bakti Serentak di Tembalang dan Banyumanik",
        "Posyandu Raih Penghargaan",
    ]
    assert '<meta name="robots" content="noindex, follow">' in page


def test_kecamatan_page_shows_achievements_kelurahan_and_channels(site):
    page = read(site, "kecamatan/tembalang/index.html")
    achievements = page.split('id="prestasi-kecamatan"')[1].split("</section>")[0]
    assert "Kelurahan Meteseh Juara Kampung Hijau" in achievements
    assert "Posyandu Raih Penghargaan" in achievements
    assert "Kerja Bakti" not in achievements
    channels = page.split('id="kanal-kecamatan"')[1].split("</section>")[0]
    assert "Kecamatan Tembalang" in channels and "Kelurahan Meteseh" in channels
    assert "Kanal Salah" not in page  # a misspelt kecamatan is held back
    # A disabled channel is listed, marked as not imported yet (as on OPD pages).
    inactive = channels.split('class="channel-inactive"')[1].split("</li>")[0]
    assert "Kanal Mati" in inactive and "(belum aktif)" in inactive
    assert page.count('href="../../kecamatan/tembalang/') >= 12  # its kelurahan


def test_drafts_and_city_wide_posts_are_on_no_area_page(site):
    every = "".join(
        p.read_text(encoding="utf-8") for p in (site / "kecamatan").rglob("*.html")
    )
    assert "Draf Kabar Tugu" not in every
    assert "Wali Kota Semarang Buka Festival" not in every


def test_index_counts_posts_and_awards_and_draws_the_map(site):
    page = read(site, "kecamatan/index.html")
    row = re.search(
        r"Tembalang</a>.*?</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>", page, re.S
    )
    assert row.groups() == ("3", "2")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert len(svg.encode()) < 25_000
    links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><path', svg)
    assert len(links) == 16
    assert (
        "../kecamatan/tembalang/",
        "Kecamatan Tembalang: 3 kabar, 2 prestasi",
    ) in links


def test_a_city_without_boundaries_gets_the_list_and_no_map(tmp_path):
    registries = {key: str(path) for key, path in PATHS.items()}
    output = build(tmp_path, POSTS, REGISTRIES={**registries, "boundaries": None})
    page = read(output, "kecamatan/index.html")
    assert "<svg" not in page
    assert "pada peta" not in page
    assert "Pilih kecamatan dalam daftar" in page
    row = re.search(
        r"Tembalang</a>.*?</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>", page, re.S
    )
    assert row.groups() == ("3", "2")
    assert (output / "kecamatan" / "tembalang" / "index.html").is_file()


def test_a_boundaries_file_that_is_missing_says_how_to_go_without(tmp_path):
    registries = {key: str(path) for key, path in PATHS.items()}
    missing = tmp_path / "batas.geojson"
    with pytest.raises(WilayahError) as error:
        build(tmp_path, POSTS, REGISTRIES={**registries, "boundaries": str(missing)})
    assert f"{missing}: boundaries file not found" in str(error.value)
    assert "or None for a city without one yet" in str(error.value)


def test_json_ld_names_the_area_and_its_code(site):
    page = read(site, "kecamatan/tembalang/meteseh/index.html")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(raw.group(1))
    assert data["@type"] == "AdministrativeArea"
    assert data["identifier"]["value"] == "33.74.10.1001"
    assert data["containedInPlace"]["name"] == "Kecamatan Tembalang"


def test_no_feeds_in_development(site):
    assert not (site / "feeds").exists()
    assert "application/atom+xml" not in read(site, "kecamatan/tembalang/index.html")


def test_feeds_and_absolute_links_when_feeds_are_on(tmp_path):
    output = build(
        tmp_path,
        POSTS,
        SITEURL="https://kabar.example.go.id",
        RELATIVE_URLS=False,
        FEED_DOMAIN="https://kabar.example.go.id",
        FEED_ALL_ATOM="feeds/semua.atom.xml",
    )
    feed = read(output, "feeds/kecamatan/tembalang.atom.xml")
    assert feed.count("<entry>") == 3
    page = read(output, "kecamatan/tembalang/index.html")
    assert (
        'href="https://kabar.example.go.id/feeds/kecamatan/tembalang.atom.xml"' in page
    )
    assert '"url": "https://kabar.example.go.id/kecamatan/tembalang/"' in page


def test_a_second_build_in_the_same_process_starts_clean(tmp_path, site):
    posts = {"other.md": POSTS["kerja-bakti.md"].replace("Tembalang dan ", "")}
    output = build(tmp_path, posts)
    assert card_titles(read(output, "kecamatan/tembalang/index.html")) == []
    assert len(card_titles(read(output, "kecamatan/banyumanik/index.html"))) == 1


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Kecamatan: Tembalng", r"bad\.md:4: Kecamatan 'Tembalng'.*closest: Tembalang"),
        (
            "Kecamatan: Banyumanik\nKelurahan: Meteseh",
            r"bad\.md:5: Kelurahan 'Meteseh': "
            r"is in Kecamatan Tembalang, not in Banyumanik",
        ),
    ],
)
def test_bad_metadata_fails_the_build_with_file_line_and_fix(
    tmp_path, header, expected
):
    """The plugin's own error, under the guard (defence in depth): built
    without pelita.build.guard, which would hold the post back before the
    wilayah plugin saw it (see the held-back test below)."""
    bad = f"Title: Salah\nDate: 2025-01-01 10:00\nCategory: Berita\n{header}\n\nIsi.\n"
    unguarded = [p for p in PELICANCONF_PLUGINS if p != "pelita.build.guard"]
    with pytest.raises(WilayahError, match=expected):
        build(tmp_path, {"bad.md": bad}, PLUGINS=unguarded)


@pytest.mark.parametrize(
    "header, held_as",  # held_as: (line, field, value, closest valid choice)
    [
        ("Kecamatan: Tembalng", (4, "kecamatan", "Tembalng", "Tembalang")),
        ("Kecamatan: Banyumanik\nKelurahan: Meteseh",
         (5, "kelurahan", "Meteseh", "Tembalang")),
    ],
)  # fmt: skip
def test_bad_metadata_holds_back_the_post_with_file_line_and_fix(
    tmp_path, header, held_as
):
    """With the guard on (the city's site), a post with a bad Kecamatan or
    Kelurahan is held back and named with its file, line, field and the
    closest valid choice; the rest of the site is published."""
    bad = f"Title: Salah\nDate: 2025-01-01 10:00\nCategory: Berita\n{header}\n\nIsi.\n"
    output = build(tmp_path, {"bad.md": bad, "kota.md": POSTS["kota.md"]})
    assert not (output / "berita" / "salah").exists()
    assert (output / "berita" / "wali-kota-semarang-buka-festival").is_dir()
    held = json.loads((tmp_path / "held-back.json").read_text(encoding="utf-8"))
    assert {h["file"].rsplit("/", 1)[-1] for h in held} == {"bad.md"}, held
    line, field, value, fix = held_as
    entry = next(h for h in held if h["field"].lower() == field)
    assert (entry["line"], entry["value"]) == (line, value), entry
    assert fix in entry["message"] + entry["suggestion"], entry


def test_unknown_setting_keys_are_rejected(tmp_path):
    with pytest.raises(
        WilayahError, match=r"WILAYAH: unknown key 'perpage'; did you mean 'per_page'"
    ):
        build(tmp_path, {}, WILAYAH={"perpage": 3})


def test_cached_articles_are_tagged_again_from_their_metadata(tmp_path):
    cache = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "generator",  # whole articles are cached
    }
    build(tmp_path, POSTS, **cache)
    assert any((tmp_path / "cache").iterdir())
    # The cached Meteseh post still carries the kecamatan inferred by the
    # first build; with inference off it must not pass for explicit metadata.
    output = build(tmp_path, POSTS, WILAYAH={"infer": False}, **cache)
    tembalang = read(output, "kecamatan/tembalang/index.html")
    assert "Posyandu Raih Penghargaan" in achievement_titles(tembalang)
    assert card_titles(tembalang) == []


def test_hostile_titles_and_channel_names_are_escaped(tmp_path):
    hostile = POSTS["penghargaan.md"].replace(
        "Title: Posyandu Raih Penghargaan", "Title: Juara <script>alert(1)</script>"
    )
    output = build(tmp_path, {"hostile.md": hostile})
    page = read(output, "kecamatan/tembalang/index.html")
    achievements = page.split('id="prestasi-kecamatan"')[1].split("</section>")[0]
    assert "<script>" not in achievements
    assert "Juara alert(1)" in achievements
    tugu = read(output, "kecamatan/tugu/index.html")
    assert "<img src=x" not in tugu
    assert "&lt;img src=x onerror=alert(1)&gt;" in tugu
