"""Achievement metadata: every bad value named, with what was expected."""

import datetime as dt

import pytest

from pelita.core.prestasi import Problem, award_fields, validate_award_metadata

LEVELS_TEXT = "internasional | nasional | provinsi | kota | kecamatan | kelurahan"


def _only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_metadata_has_no_problems(opd_registry, gazetteer):
    meta = {
        "prestasi": "ya", "penghargaan": "Adipura", "pemberi": "KLHK",
        "tingkat": "Nasional", "penerima": "Kecamatan Tembalang", "tahun": "2024",
        "bukti": "https://jdih.example.go.id/sk.pdf", "date": dt.datetime(2025, 1, 2),
    }  # fmt: skip
    assert validate_award_metadata(meta, opd_registry, gazetteer) == []


@pytest.mark.parametrize(
    ("meta", "field", "expected", "suggestion"),
    [
        ({"prestasi": "iya"}, "Prestasi", "ya | tidak", "ya"),
        ({"prestasi": "no"}, "Prestasi", "ya | tidak", "tidak"),
        ({"tingkat": "nasonal"}, "Tingkat",
         LEVELS_TEXT, "nasional"),
        ({"tingkat": "Jawa Tengah"}, "Tingkat",
         LEVELS_TEXT, "provinsi"),
        ({"tahun": "20245"}, "Tahun", "a year from 1945 to 2101", None),
        ({"tahun": "2027", "date": dt.datetime(2025, 3, 1)}, "Tahun",
         "a year from 1945 to 2026", None),
        ({"bukti": "jdih.example.go.id/sk.pdf"}, "Bukti", "a link starting https://",
         "https://jdih.example.go.id/sk.pdf"),
        ({"bukti": "javascript:alert(1)"}, "Bukti", "a link starting https://", None),
        ({"penghargaan": "  "}, "Penghargaan", "a name, or no line", None),
        ({"pemberi": "<b>KLHK</b>"}, "Pemberi", "plain text", None),
    ],
)  # fmt: skip
def test_bad_values_are_named_with_expected_and_closest(
    meta, field, expected, suggestion
):
    problem = _only(validate_award_metadata(meta))
    assert (problem.field, problem.expected, problem.suggestion) == (
        field, expected, suggestion,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("diskominf", "diskominfo"),
        ("Kecamatan Tembalan", "Tembalang"),
        ("Kelurahan Metesh", "Meteseh"),
    ],
)
def test_recipient_must_exist_when_written_as_id_or_place(
    value, suggestion, opd_registry, gazetteer
):
    problem = _only(
        validate_award_metadata({"penerima": value}, opd_registry, gazetteer)
    )
    assert problem.field == "Penerima" and problem.suggestion == suggestion


@pytest.mark.parametrize(
    "value", ["SMP Negeri 2 Semarang", "dinkes", "Meteseh", "RW 3 Kelurahan Meteseh"]
)
def test_recipient_as_free_text_or_known_name_is_fine(value, opd_registry, gazetteer):
    assert validate_award_metadata({"penerima": value}, opd_registry, gazetteer) == []


def test_problem_describes_file_line_field_value_and_fix():
    problem = _only(validate_award_metadata({"tingkat": "nasonal"}))
    text = problem.describe("content/posts/a.md", 7)
    assert text == (
        "content/posts/a.md:7: Tingkat: 'nasonal' is not allowed; expected "
        f"{LEVELS_TEXT}; did you mean 'nasional'?"
    )


def test_award_fields_keep_only_valid_values():
    fields = award_fields(
        {"prestasi": "YA", "tingkat": "nasonal", "tahun": "2023", "pemberi": "BPK"}
    )
    assert fields.decision == "ya" and fields.level is None
    assert fields.year == 2023 and fields.giver == "BPK" and fields.explicit
    assert not award_fields({"prestasi": "tidak", "penghargaan": "X"}).explicit
    assert award_fields({"penghargaan": "Adipura"}).explicit
    assert not award_fields({"penerima": "dinkes"}).explicit
