"""Grouping posts and channels by area, and what counts as an achievement."""

from types import SimpleNamespace

import pytest

from pelita.build.wilayah.achievements import register_by_kecamatan
from pelita.build.wilayah.generator import map_levels
from pelita.build.wilayah.pages import build_pages, jsonld
from pelita.core.prestasi import is_achievement
from pelita.core.settings import WILAYAH
from pelita.core.wilayah.places import Wilayah, build_areas


@pytest.fixture(scope="module")
def areas(gazetteer):
    return build_areas(gazetteer, WILAYAH.defaults())


def post(title, kecamatan=(), kelurahan=(), **extra):
    return SimpleNamespace(
        title=title, wilayah=Wilayah(tuple(kecamatan), tuple(kelurahan)), **extra
    )


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ({"prestasi": "ya"}, True),
        ({"prestasi": "Ya "}, True),
        ({"prestasi": "tidak", "category": "Prestasi"}, False),
        ({"category": "Prestasi"}, True),
        ({"category": "Berita"}, False),
        ({"prestasi": True}, True),
        ({"prestasi": False, "category": "Prestasi"}, False),
        ({"prestasi": object()}, True),  # the classifier's award object
        ({"prestasi": None, "category": "Prestasi"}, False),  # classifier: none
    ],
)
def test_is_achievement(attributes, expected):
    assert is_achievement(SimpleNamespace(**attributes)) is expected


def test_build_pages_groups_once_per_area(areas):
    tembalang = areas.kecamatan["33.74.10"]
    meteseh = areas.kelurahan["33.74.10.1001"]
    banyumanik = areas.kecamatan["33.74.11"]
    posts = [
        post("a", [tembalang], [meteseh], category="Prestasi"),
        post("b", [tembalang, banyumanik]),
        post("c"),
    ]
    pages = build_pages(areas, posts, [], "kecamatan/")
    by_kode = {p.kode: p for p in pages.kecamatan}
    assert [p.title for p in by_kode["33.74.10"].articles] == ["a", "b"]
    assert [p.title for p in by_kode["33.74.10"].achievements] == ["a"]
    assert [p.title for p in by_kode["33.74.11"].articles] == ["b"]
    assert [p.title for p in pages.kelurahan["33.74.10.1001"].articles] == ["a"]
    assert len(by_kode["33.74.10"].kelurahan) == 12
    assert pages.total_achievements == 1
    assert pages.page_of(meteseh) is pages.kelurahan["33.74.10.1001"]
    assert map_levels(pages.kecamatan)["33.74.10"] == 4
    assert map_levels(pages.kecamatan)["33.74.11"] == 2
    assert map_levels(pages.kecamatan)["33.74.01"] == 0


def test_the_prestasi_register_replaces_our_own_guess(areas):
    tembalang = areas.kecamatan["33.74.10"]
    posts = [post("a", [tembalang], category="Prestasi"), post("b", [tembalang])]
    pages = build_pages(areas, posts, [], "kecamatan/")
    facet = SimpleNamespace(key="Tembalang", url="prestasi/kecamatan/tembalang/")
    context = {
        "prestasi_by_kecamatan": {"Tembalang": [posts[1]]},
        "prestasi_wall": SimpleNamespace(facets={"kecamatan": [facet]}),
    }
    pages.adopt_register(register_by_kecamatan(context))
    by_kode = {p.kode: p for p in pages.kecamatan}
    assert [p.title for p in by_kode["33.74.10"].achievements] == ["b"]
    assert by_kode["33.74.10"].achievements_url == "prestasi/kecamatan/tembalang/"
    assert by_kode["33.74.11"].achievements == []
    assert register_by_kecamatan({}) is None


def test_json_ld_for_a_kecamatan(areas):
    pages = build_pages(areas, [], [], "kecamatan/")
    data = jsonld(pages.kecamatan[0], "https://kabar.example", "Kota Semarang")
    assert data["name"] == "Kecamatan Semarang Tengah"
    assert data["identifier"]["value"] == "33.74.01"
    assert data["url"] == "https://kabar.example/kecamatan/semarang-tengah/"
    assert data["containedInPlace"] == {"@type": "City", "name": "Kota Semarang"}
