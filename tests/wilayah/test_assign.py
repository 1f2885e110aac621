"""Explicit metadata wins; the text fills in only what metadata leaves open."""

import pytest

from pelita.core.settings import WILAYAH
from pelita.core.wilayah import PostText, assign_wilayah
from pelita.core.wilayah.places import Wilayah, build_areas


@pytest.fixture(scope="module")
def areas(gazetteer):
    return build_areas(gazetteer, WILAYAH.defaults())


TEXT = PostText(
    title="Kerja bakti di Meteseh",
    summary="<p>Warga Kelurahan Rowosari ikut serta.</p>",
    body="<p>Camat <strong>Tembalang</strong> hadir.</p>"
    "<p>Baca juga: Banjir di Genuk</p>",
)


def test_without_metadata_everything_comes_from_the_text(tagger, areas):
    wilayah, problems = assign_wilayah({}, TEXT, tagger, areas)
    assert problems == ()
    assert [a.nama for a in wilayah.kecamatan] == ["Tembalang"]  # not Genuk
    assert [a.nama for a in wilayah.kelurahan] == ["Meteseh", "Rowosari"]
    assert wilayah.kecamatan_inferred and wilayah.kelurahan_inferred
    assert wilayah.kecamatan[0].url == "kecamatan/tembalang/"
    assert wilayah.kelurahan[0].url == "kecamatan/tembalang/meteseh/"
    assert wilayah.kelurahan[0].parent == wilayah.kecamatan[0]


def test_explicit_kecamatan_wins_over_the_text(tagger, areas):
    wilayah, _ = assign_wilayah({"kecamatan": "banyumanik"}, TEXT, tagger, areas)
    assert [a.nama for a in wilayah.kecamatan] == ["Banyumanik"]
    assert wilayah.kelurahan == ()  # Meteseh is not in Banyumanik
    assert not wilayah.inferred


def test_explicit_kecamatan_keeps_kelurahan_found_inside_it(tagger, areas):
    text = PostText(title="Lomba di Kelurahan Purwosari", body="<p>Juga di Meteseh</p>")
    wilayah, _ = assign_wilayah({"kecamatan": "Mijen"}, text, tagger, areas)
    assert [a.nama for a in wilayah.kecamatan] == ["Mijen"]
    assert [a.kode for a in wilayah.kelurahan] == ["33.74.14.1005"]
    assert wilayah.kelurahan_inferred and not wilayah.kecamatan_inferred


def test_explicit_kelurahan_stops_inference(tagger, areas):
    wilayah, _ = assign_wilayah({"kelurahan": "Sekaran"}, TEXT, tagger, areas)
    assert [a.nama for a in wilayah.kecamatan] == ["Gunungpati"]
    assert [a.nama for a in wilayah.kelurahan] == ["Sekaran"]
    assert not wilayah.inferred


def test_bad_metadata_is_reported_not_guessed(tagger, areas):
    wilayah, problems = assign_wilayah({"kecamatan": "Tembalng"}, TEXT, tagger, areas)
    assert [p.value for p in problems] == ["Tembalng"]
    assert not wilayah


def test_inference_can_be_switched_off(tagger, areas):
    wilayah, _ = assign_wilayah({}, TEXT, tagger, areas, infer=False)
    assert not wilayah


@pytest.mark.parametrize("value", ["-", "Tidak ada"])
def test_a_dash_says_no_area_and_stops_inference(tagger, areas, value):
    wilayah, problems = assign_wilayah({"kecamatan": value}, TEXT, tagger, areas)
    assert (wilayah, problems) == (Wilayah(), ())
    _, problems = assign_wilayah(
        {"kecamatan": "-", "kelurahan": "Meteseh"}, TEXT, tagger, areas
    )
    assert [p.field for p in problems] == ["Kelurahan"]
