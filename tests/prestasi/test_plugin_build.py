"""End-to-end builds of a small site with the prestasi plugin (into tmp_path)."""

import json
import logging
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from pelita.core.prestasi import PrestasiError
from pelita.core.registries import load_opd

REPO = Path(__file__).resolve().parents[2]


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


ACHIEVEMENTS = {
    "prestasi/pemkot-semarang-terima-penghargaan-pembangunan-daerah/",
    "prestasi/kelurahan-meteseh-juara-lomba-kampung-hijau/",
    "berita/trans-semarang-raih-penghargaan-wahana-tata-nugraha/",
    "berita/puskesmas-halmahera-dinobatkan-puskesmas-terbaik-se-jawa-tengah/",
}


def test_wall_lists_exactly_the_achievements_newest_first(sample_output, wall_entries):
    entries = wall_entries(sample_output)
    assert set(entries) == ACHIEVEMENTS and len(entries) == 4
    assert entries[0].startswith("prestasi/pemkot-semarang")  # 2025-06-10
    assert entries[-1].startswith("berita/puskesmas")  # 2023-11-05


def test_wall_is_paginated_and_replaces_the_category_page(sample_output):
    wall = _soup(sample_output / "prestasi" / "index.html")
    assert wall.select_one("h1").get_text() == "Prestasi & Penghargaan"
    assert wall.select_one("nav.prestasi-filters") is not None
    # Stable pagination: the oldest awards are archived on page 1, for good.
    assert (sample_output / "prestasi" / "halaman" / "1" / "index.html").is_file()
    assert not (sample_output / "prestasi" / "halaman" / "2").exists()
    article = sample_output / "prestasi" / "kelurahan-meteseh-juara-lomba-kampung-hijau"
    assert (article / "index.html").is_file()
    assert (sample_output / "berita" / "index.html").is_file()


def test_counts_per_year_and_level_link_to_filter_pages(sample_output):
    wall = _soup(sample_output / "prestasi" / "index.html")
    counts = {
        a.get_text(): a.find_next_sibling("span").get_text()
        for a in wall.select("nav.prestasi-filters a")
    }
    assert counts["2025"] == "2" and counts["2024"] == "1" and counts["2023"] == "1"
    assert counts["Nasional"] == "2" and counts["Kota"] == "1"
    assert counts["Dinas Perhubungan"] == "1" and counts["Tembalang"] == "1"


@pytest.mark.parametrize(
    "case",
    [
        ("prestasi/2025/index.html", "tahun", "2025"),
        ("prestasi/tingkat/nasional/index.html", "tingkat", "nasional"),
        ("prestasi/opd/dishub/index.html", "opd", "dishub"),
        ("prestasi/kecamatan/tembalang/index.html", "kecamatan", "Tembalang"),
    ],
)
def test_filter_pages_list_what_the_register_says(
    sample_output, case, wall_entries, register_csv
):
    page, column, value = case
    rows = register_csv(sample_output)
    expected = [r["url"].lstrip("/") for r in rows if value in r[column].split("; ")]
    assert expected
    assert wall_entries(sample_output, page) == expected


def test_csv_and_json_match_the_wall(sample_output, wall_entries, register_csv):
    rows = register_csv(sample_output)
    assert [r["url"].lstrip("/") for r in rows] == wall_entries(sample_output)
    data = json.loads((sample_output / "prestasi" / "prestasi.json").read_text())
    assert data["jumlah"] == len(rows) == len(data["prestasi"])
    for row, item in zip(rows, data["prestasi"], strict=True):
        assert item["url"] == row["url"] and item["judul"] == row["judul"]
        assert "; ".join(item["kecamatan"]) == row["kecamatan"]
    explicit = rows[0]
    assert explicit["penghargaan"] == "Penghargaan Pembangunan Daerah 2025"
    assert explicit["penerima"] == "Badan Perencanaan Pembangunan Daerah"
    assert (explicit["opd"], explicit["tingkat"], explicit["sumber"]) == (
        "bappeda", "nasional", "metadata",
    )  # fmt: skip
    inferred = next(r for r in rows if r["url"].startswith("/berita/trans"))
    assert (inferred["sumber"], inferred["opd"]) == ("otomatis", "dishub")


def test_article_pages_carry_the_badge_and_pagefind_filters(sample_output):
    page = (
        sample_output / "berita" / "trans-semarang-raih-penghargaan-wahana-tata-nugraha"
    )
    badge = _soup(page / "index.html").select_one("aside.award-badge")
    filters = {
        tag["data-pagefind-filter"]: tag.get_text()
        for tag in badge.select("[data-pagefind-filter]")
    }
    assert badge["data-pagefind-filter"] == "jenis:Prestasi"
    assert filters == {
        "tingkat": "Nasional",
        "tahun-prestasi": "2025",
        "opd": "Dinas Perhubungan",
    }
    negative = sample_output / "berita" / "pendaftaran-lomba-kampung-hijau-2025-dibuka"
    assert _soup(negative / "index.html").select_one("aside.award-badge") is None


def test_every_opd_has_a_page_with_json_ld(sample_output):
    registry = load_opd(REPO / "data" / "opd.csv")
    for opd in registry.items:
        assert (sample_output / "opd" / opd.id / "index.html").is_file(), opd.id
    index = _soup(sample_output / "opd" / "index.html")
    assert len(index.select("ul.opd-list li")) == len(registry.items)
    dishub = _soup(sample_output / "opd" / "dishub" / "index.html")
    data = json.loads(dishub.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "GovernmentOrganization" and data["identifier"] == "dishub"
    assert data["award"] == ["Wahana Tata Nugraha"]
    channels = [a.get_text() for a in dishub.select("section.opd-channels a")]
    assert channels == ["Berita Dinas Perhubungan"]
    award = dishub.select("section.opd-awards li.award-entry h3 a")
    assert len(award) == 1
    # Its only post is that award: listed once, above, not again as a card.
    assert dishub.select("section.opd-posts article.card") == []


def test_publish_build_has_absolute_urls_and_the_achievements_feed(
    publish_output, register_csv
):
    rows = register_csv(publish_output)
    assert all(r["url"].startswith("https://pelita.example.go.id/") for r in rows)
    atom = "{http://www.w3.org/2005/Atom}"
    for feed in ("feeds/prestasi.atom.xml", "feeds/kategori/prestasi.atom.xml"):
        root = ElementTree.parse(publish_output / feed).getroot()
        links = {e.find(f"{atom}link").get("href") for e in root.iter(f"{atom}entry")}
        assert links == {r["url"] for r in rows}
    assert (publish_output / "feeds" / "kategori" / "berita.atom.xml").is_file()
    wall = (publish_output / "prestasi" / "index.html").read_text()
    assert 'href="https://pelita.example.go.id/feeds/prestasi.atom.xml"' in wall


def test_development_build_writes_no_feed(sample_output):
    assert not (sample_output / "feeds").exists()


def test_bad_metadata_is_logged_with_file_line_and_fix(
    site_builder, sample_posts, caplog
):
    with caplog.at_level(logging.WARNING):
        site_builder({"bad-metadata": sample_posts["bad-metadata"]})
    messages = [r.getMessage() for r in caplog.records if "prestasi:" in r.getMessage()]
    assert any(
        "bad-metadata.md:4: Tingkat: 'nasonal' is not allowed" in m
        and "did you mean 'nasional'?" in m
        for m in messages
    )
    assert any("bad-metadata.md:5: Penerima:" in m for m in messages)


def test_a_post_whose_url_is_a_wall_page_is_a_clear_error(site_builder):
    meta = "Title: Rekap\nDate: 2025-01-01\nCategory: Prestasi\nSlug: 2025"
    clash = {"clash": (meta, "Rekap prestasi tahun ini.")}
    expected = r"clash\.md would be written to prestasi/2025/index.html, which is"
    with pytest.raises(PrestasiError, match=expected):
        site_builder(clash)


def test_unknown_setting_is_rejected_with_allowed_keys(site_builder):
    with pytest.raises(PrestasiError, match=r"PRESTASI: unknown key 'per_pages'"):
        site_builder(PRESTASI={"per_pages": 3})


def test_two_builds_in_one_process_do_not_share_awards(
    site_builder, wall_entries, register_csv
):
    first = site_builder(name="first")
    assert len(wall_entries(first)) == 4
    quiet = {
        "plain": ("Title: Harga Cabai Naik\nDate: 2025-01-01", "Pedagang mengeluh.")
    }
    second = site_builder(quiet, name="second")
    assert wall_entries(second) == []
    assert register_csv(second) == []
    assert "Belum ada prestasi" in (second / "prestasi" / "index.html").read_text()


def test_one_row_per_story_and_none_for_duplicates(site_builder, wall_entries):
    story = "Story: rowosari-paripurna\nCategory: Berita"
    posts = {
        "press": (f"Title: Puskesmas Rowosari Raih Akreditasi Paripurna\n"
                  f"Date: 2025-09-02 09:00\n{story}\nPrestasi: ya", "Siaran pers."),
        "outlet": (f"Title: Puskesmas Rowosari Raih Akreditasi Paripurna Lagi\n"
                   f"Date: 2025-09-01 08:00\n{story}", "Liputan media."),
        "copy": ("Title: Kelurahan Meteseh Juara Lomba Kampung Hijau\n"
                 "Date: 2025-09-03 08:00\nCategory: Berita\nDuplicate_of: berita/asli",
                 "Salinan."),
    }  # fmt: skip
    output = site_builder(posts)
    assert wall_entries(output) == [
        "berita/puskesmas-rowosari-raih-akreditasi-paripurna/"
    ]
    copy = output / "berita" / "kelurahan-meteseh-juara-lomba-kampung-hijau"
    assert (copy / "index.html").is_file()


def test_content_cache_hits_still_get_their_awards(
    site_builder, wall_entries, tmp_path, monkeypatch
):
    from pelican.readers import Readers

    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
             "CONTENT_CACHING_LAYER": "generator",
             "CACHE_PATH": str(tmp_path / "cache")}  # fmt: skip
    first = wall_entries(site_builder(name="cached", **cache))
    reads = []
    original = Readers.read_file
    monkeypatch.setattr(
        Readers, "read_file", lambda *a, **k: reads.append(1) or original(*a, **k)
    )
    second = wall_entries(site_builder(name="cached", again=True, **cache))
    assert reads == []  # every article came from the cache
    assert len(first) == 4 and second == first


def test_hostile_titles_and_fields_stay_text(site_builder, wall_entries):
    hostile = {
        "hostile": (
            "Title: &lt;img src=x onerror=alert(1)&gt; Semarang Raih Adipura\n"
            "Date: 2025-05-05 08:00\nCategory: Berita\n"
            "Penerima: <script>alert(2)</script>\nBukti: javascript:alert(3)",
            '<p>Penghargaan "<b onclick=alert(4)>Kota Bersih</b>" diterima.</p>',
        ),
    }
    output = site_builder(hostile)
    assert len(wall_entries(output)) == 1
    # The theme's own scripts (theme/js/) are allowed; injected ones are not.
    bad = (
        "img[onerror], [onclick], a[href^=javascript], "
        "script:not([type]):not([src*='theme/js/'])"
    )
    for page in (
        output / "prestasi" / "index.html",
        output / "prestasi" / "2025" / "index.html",
        output / "opd" / "index.html",
    ):
        assert not _soup(page).select(bad), page
    article = next(output.glob("berita/*/index.html"))
    badge = _soup(article).select_one("aside.award-badge")
    assert badge is not None and not badge.select(bad)
    text = badge.get_text()  # the bad values were dropped, the text's kept
    assert "alert" not in text and "Bukti" not in text and "Semarang" in text


def test_guard_holds_back_bad_award_metadata_and_publishes_the_rest(
    site_builder, wall_entries, sample_posts, tmp_path
):
    """With the guard on (as on the city's site), the post with a misspelt
    Tingkat is held back and named with file, line, field and the fix; the
    other achievements are still published."""
    plugins = [
        "pelita.build.guard",
        "pelita.build.i18n",
        "pelita.build.indodate",
        "pelita.build.prestasi",
        "pelita.build.themecontext",
        "pelita.build.assets",
    ]
    posts = {name: sample_posts[name] for name in ("explicit", "bad-metadata")}
    output = site_builder(posts, PLUGINS=plugins)
    assert wall_entries(output) == [
        "prestasi/pemkot-semarang-terima-penghargaan-pembangunan-daerah/"
    ]
    held_post = "berita/puskesmas-halmahera-dinobatkan-puskesmas-terbaik-se-jawa-tengah"
    assert not (output / held_post).exists()
    held = json.loads((tmp_path / "site" / "held-back.json").read_text("utf-8"))
    tingkat = [h for h in held if h["field"].lower() == "tingkat"]
    assert tingkat, held
    assert {h["file"].rsplit("/", 1)[-1] for h in held} == {"bad-metadata.md"}
    assert tingkat[0]["line"] == 4 and tingkat[0]["value"] == "nasonal"
    assert "nasional" in tingkat[0]["suggestion"] + tingkat[0]["message"]


def test_opd_page_shows_the_registry_contacts_and_leaves_out_bad_ones(
    site_builder, tmp_path, caplog
):
    source = (REPO / "data" / "opd.csv").read_text(encoding="utf-8")
    header, *rows = source.splitlines()
    contacts = {
        "dishub": '"Jl. Tambak Aji Raya No. 5, Semarang",(024) 7604 6666,'
        "dishub@example.go.id",
        # Hostile or mistyped: none of it may reach a link.
        "dinkes": '"<script>alert(1)</script>",javascript:alert(1),'
        '"x@y.id"" onmouseover=""alert(1)"',
    }
    lines = [f"{header},alamat,telepon,email"]
    for row in rows:
        lines.append(f"{row},{contacts.get(row.split(',', 1)[0], ',,')}")
    registry = tmp_path / "opd.csv"
    registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    registries = {
        "wilayah": str(REPO / "data" / "wilayah.csv"),
        "wilayah_aliases": str(REPO / "data" / "wilayah-alias.csv"),
        "opd": str(registry),
    }
    with caplog.at_level(logging.WARNING):
        output = site_builder(REGISTRIES=registries)
    dishub = _soup(output / "opd" / "dishub" / "index.html")
    contact = dishub.select_one("section.office-contact")
    assert "Jl. Tambak Aji Raya No. 5, Semarang" in contact.get_text()
    hrefs = [a["href"] for a in contact.select("a")]
    assert hrefs == [
        "tel:+622476046666",
        "mailto:dishub@example.go.id",
        "https://dishub.semarangkota.go.id/",
    ]
    data = json.loads(dishub.select_one('script[type="application/ld+json"]').string)
    assert data["telephone"] == "+622476046666"
    assert data["email"] == "dishub@example.go.id"
    assert data["address"]["streetAddress"] == "Jl. Tambak Aji Raya No. 5, Semarang"
    dinkes_html = (output / "opd" / "dinkes" / "index.html").read_text("utf-8")
    dinkes = BeautifulSoup(dinkes_html, "html.parser")
    assert "<script>alert" not in dinkes_html and "onmouseover" not in dinkes_html
    assert not dinkes.select('a[href^="tel:"], a[href^="mailto:"]')
    # Its web site column was fine: the contact block still shows it.
    assert [a["href"] for a in dinkes.select("section.office-contact a")] == [
        "https://dinkes.semarangkota.go.id/"
    ]
    warned = [r.getMessage() for r in caplog.records if "dinkes" in r.getMessage()]
    assert len(warned) == 3
    assert all(f"{registry}:" in message for message in warned)
    # An office the registry gives no contact for shows no empty block.
    bappeda = _soup(output / "opd" / "bappeda" / "index.html")
    assert bappeda.select("section.office-contact") == []
