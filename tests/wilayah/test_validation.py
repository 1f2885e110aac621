"""Kecamatan/Kelurahan metadata: resolved to official names or a clear problem."""

import pytest

from pelita.core.wilayah import check_post_file, resolve_metadata
from pelita.core.wilayah.validation import read_header


def names(items):
    return [i.nama for i in items]


def test_official_names_from_any_spelling(gazetteer):
    result = resolve_metadata("gunung pati, KEC. TEMBALANG", "Kel. Sekaran", gazetteer)
    assert names(result.kecamatan) == ["Gunungpati", "Tembalang"]
    assert names(result.kelurahan) == ["Sekaran"]
    assert result.problems == ()


def test_a_kelurahan_brings_its_kecamatan(gazetteer):
    result = resolve_metadata("", "Meteseh", gazetteer)
    assert names(result.kecamatan) == ["Tembalang"]


def test_unknown_kecamatan_suggests_the_closest(gazetteer):
    (problem,) = resolve_metadata("Tembalng", None, gazetteer).problems
    assert (problem.field, problem.value) == ("Kecamatan", "Tembalng")
    assert problem.suggestions[0] == "Tembalang"
    assert "closest: Tembalang" in problem.message


def test_the_city_alone_is_not_a_kecamatan(gazetteer):
    (problem,) = resolve_metadata("Semarang", None, gazetteer).problems
    assert problem.suggestions
    assert all(name.startswith("Semarang ") for name in problem.suggestions)


def test_a_kelurahan_written_as_kecamatan(gazetteer):
    (problem,) = resolve_metadata("Meteseh", None, gazetteer).problems
    assert "is a kelurahan (in Tembalang)" in problem.message
    assert problem.suggestions == ("Tembalang",)


def test_a_kelurahan_outside_the_stated_kecamatan(gazetteer):
    (problem,) = resolve_metadata("Banyumanik", "Meteseh", gazetteer).problems
    assert problem.message.startswith(
        "Kelurahan 'Meteseh': is in Kecamatan Tembalang, not in Banyumanik"
    )
    assert "Tembalang" in problem.suggestions


def test_an_unknown_kelurahan_is_suggested_within_its_kecamatan(gazetteer):
    (problem,) = resolve_metadata("Tembalang", "Metesih", gazetteer).problems
    assert "not a kelurahan of Kecamatan Tembalang" in problem.message
    assert problem.suggestions[0] == "Meteseh"


def test_a_shared_kelurahan_name_needs_its_kecamatan(gazetteer):
    (problem,) = resolve_metadata(None, "Purwosari", gazetteer).problems
    assert "names 2 kelurahan (in Semarang Utara, Mijen)" in problem.message
    result = resolve_metadata("Mijen", "Purwosari", gazetteer)
    assert result.problems == ()
    assert result.kelurahan[0].kode == "33.74.14.1005"


POST = """Title: Kabar
Date: 2025-01-02 10:00
Kecamatan: Tembalang
Kelurahan: Sendangmulya

Kelurahan: not metadata, the body starts after the blank line.
"""


def test_check_post_file_names_file_line_value_and_fix(tmp_path, gazetteer):
    post = tmp_path / "kabar.md"
    post.write_text(POST, encoding="utf-8")
    (message,) = check_post_file(post, gazetteer)
    assert message.startswith(f"{post}:4: Kelurahan 'Sendangmulya': ")
    assert "closest: Sendangmulyo" in message


def test_read_header_stops_at_the_first_blank_line(tmp_path):
    post = tmp_path / "kabar.md"
    post.write_text(POST, encoding="utf-8")
    header = read_header(post)
    assert header["kelurahan"] == ("Sendangmulya", 4)
    assert header["title"] == ("Kabar", 1)


@pytest.mark.parametrize("value", ["", None, " , "])
def test_empty_values_mean_nothing_given(gazetteer, value):
    result = resolve_metadata(value, value, gazetteer)
    assert (result.kecamatan, result.kelurahan, result.problems) == ((), (), ())
