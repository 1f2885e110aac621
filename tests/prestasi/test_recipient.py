"""Resolving Penerima against the OPD list and the gazetteer."""

import pytest

from pelita.core.prestasi import resolve_recipient


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("dinkes", ("dinkes", None, None)),
        ("Dinas Kesehatan", ("dinkes", None, None)),
        ("kec-tembalang", ("kec-tembalang", "Tembalang", None)),
        ("Tembalang", ("kec-tembalang", "Tembalang", None)),
        ("Kecamatan Gunung Pati", ("kec-gunungpati", "Gunungpati", None)),
        ("Kelurahan Meteseh", (None, "Tembalang", "Meteseh")),
        ("Meteseh", (None, "Tembalang", "Meteseh")),
        ("RW 3 Kelurahan Meteseh", (None, "Tembalang", "Meteseh")),
        ("SMP Negeri 2 Semarang", (None, None, None)),
        ("Pemkot Semarang", (None, None, None)),
    ],
)
def test_resolution(value, expected, opd_registry, gazetteer):
    found = resolve_recipient(value, opd_registry, gazetteer)
    assert (found.opd, found.kecamatan, found.kelurahan) == expected
    assert found.text == value
    assert found.resolved == any(expected)


def test_shared_kelurahan_name_keeps_the_name_without_a_kecamatan(
    opd_registry, gazetteer
):
    shared = [
        k for k in gazetteer.kelurahan if len(gazetteer.find_kelurahan(k.nama)) > 1
    ]
    assert shared, "the gazetteer has kelurahan names shared by two kecamatan"
    found = resolve_recipient(shared[0].nama, opd_registry, gazetteer)
    assert found.kelurahan == shared[0].nama and found.kecamatan is None
