"""The register's CSV and JSON, and the wall's filters, built without Pelican."""

import csv
import datetime as dt
import io
import json
from types import SimpleNamespace

from pelita.build.prestasi.opd_pages import (
    OpdPage,
    build_opd_pages,
    opd_groups,
    opd_jsonld,
)
from pelita.build.prestasi.register_data import (
    COLUMNS,
    make_row,
    rows_to_csv,
    rows_to_json,
)
from pelita.build.prestasi.wall import build_wall
from pelita.core.prestasi import Award
from pelita.core.registries import Opd

DATE = dt.datetime(2025, 3, 4, 10, 0)


def _row(title="Semarang Raih Adipura", **award):
    return make_row(title, DATE, "/berita/x/", Award(**award))


def test_csv_has_header_and_one_row_per_award():
    rows = [
        _row(name="Adipura", level="nasional", kecamatan=("Tembalang", "Genuk")),
        _row("Juara lomba", name=None, year=2024),
    ]
    parsed = list(csv.DictReader(io.StringIO(rows_to_csv(rows))))
    assert tuple(parsed[0]) == COLUMNS
    assert parsed[0]["kecamatan"] == "Tembalang; Genuk"
    assert parsed[0]["tanggal"] == "2025-03-04" and parsed[1]["tahun"] == "2024"
    assert parsed[1]["penghargaan"] == ""


def test_csv_text_never_starts_a_spreadsheet_formula():
    text = rows_to_csv([_row('=HYPERLINK("http://evil")', giver="@SUM(A1)")])
    parsed = next(csv.DictReader(io.StringIO(text)))
    assert parsed["judul"] == '\'=HYPERLINK("http://evil")'
    assert parsed["pemberi"] == "'@SUM(A1)"


def test_json_has_a_stable_versioned_shape():
    rows = [_row(name="Adipura", kecamatan=("Tembalang",), year=2025)]
    data = json.loads(rows_to_json(rows, title="T", site_url="", wall_url="/p/"))
    assert data["versi"] == 1 and data["jumlah"] == 1
    assert data["kolom"] == list(COLUMNS)
    item = data["prestasi"][0]
    assert list(item) == list(COLUMNS)
    assert item["kecamatan"] == ["Tembalang"] and item["tahun"] == 2025
    assert item["tingkat"] is None


def _article(slug, posted, **award):
    return SimpleNamespace(
        title=slug, url=f"berita/{slug}/", date=dt.datetime(posted, 1, 1),
        prestasi=Award(**award),
    )  # fmt: skip


def test_wall_groups_by_year_level_opd_and_kecamatan():
    articles = [
        _article("a", 2025, level="nasional", opd="dinkes", kecamatan=("Tembalang",)),
        _article("b", 2024, level="kota", year=2023, opd="unknown-opd"),
        _article("c", 2025, kecamatan=("Semarang Tengah", "Tembalang")),
    ]
    wall = build_wall(
        articles, "prestasi/index.html", "prestasi/",
        opd_names={"dinkes": "Dinas Kesehatan"},
        kecamatan_slugs={"Tembalang": "tembalang", "Semarang Tengah": "smg-tengah"},
    )  # fmt: skip
    years = {f.key: f.count for f in wall.facets["tahun"]}
    assert years == {"2025": 2, "2023": 1}
    assert [f.key for f in wall.facets["tahun"]] == ["2025", "2023"]
    assert [(f.key, f.url) for f in wall.facets["tingkat"]] == [
        ("nasional", "prestasi/tingkat/nasional/"), ("kota", "prestasi/tingkat/kota/"),
    ]  # fmt: skip
    assert [f.label for f in wall.facets["opd"]] == ["Dinas Kesehatan"]
    kecamatan = {f.key: (f.count, f.save_as) for f in wall.facets["kecamatan"]}
    assert kecamatan["Tembalang"] == (2, "prestasi/kecamatan/tembalang/index.html")
    assert wall.without_level == 1
    assert wall.csv_url == "prestasi/prestasi.csv"


OPDS = (
    Opd("dinkes", "Dinkes", "Dinas Kesehatan", "dinas", "dinkes.example.go.id"),
    Opd("setda", "Setda", "Sekretariat Daerah", "sekretariat", ""),
    Opd("kec-tugu", "Kec. Tugu", "Kecamatan Tugu", "kecamatan", ""),
)


def test_every_opd_gets_a_page_with_its_posts_and_awards():
    won = _article("won", 2025, opd="dinkes", name="UHC Award")
    plain = _article("plain", 2025)
    plain.prestasi = None
    pages = build_opd_pages(
        OPDS, [won, plain], {id(won): "dinkes", id(plain): "dinkes"}, [],
        awarded=[won], patterns=("opd/{id}/", "opd/{id}/index.html"), awards_urls={},
    )  # fmt: skip
    assert [p.opd.id for p in pages] == ["dinkes", "setda", "kec-tugu"]
    assert pages[0].articles == (won, plain) and pages[0].awards == (won,)
    assert pages[0].website_url == "https://dinkes.example.go.id/"
    groups = opd_groups(pages)
    assert [label for label, _ in groups] == ["Sekretariat", "Dinas", "Kecamatan"]


def test_opd_json_ld_is_a_government_organization():
    page = OpdPage(OPDS[0], "opd/dinkes/", "opd/dinkes/index.html")
    data = opd_jsonld(page, "https://pelita.example.go.id", "Kota Semarang")
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Dinas Kesehatan Kota Semarang"
    assert data["url"] == "https://pelita.example.go.id/opd/dinkes/"
    assert data["sameAs"] == ["https://dinkes.example.go.id/"]
    assert data["parentOrganization"]["name"] == "Pemerintah Kota Semarang"


def test_kecamatan_come_from_the_wilayah_plugin_when_it_ran(gazetteer):
    from pelita.build.prestasi.attribution import article_kecamatan

    state = SimpleNamespace(gazetteer=gazetteer)
    tembalang, genuk = (gazetteer.find_kecamatan(n) for n in ("Tembalang", "Genuk"))
    tagged = SimpleNamespace(
        kecamatan="Tembalang", wilayah=SimpleNamespace(kecamatan=(tembalang, genuk))
    )
    assert article_kecamatan(tagged, state) == ("Tembalang", "Genuk")
    plain = SimpleNamespace(kecamatan="gunung pati, Tugu; Atlantis")
    assert article_kecamatan(plain, state) == ("Gunungpati", "Tugu")
