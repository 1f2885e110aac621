"""OPD contact columns: read, normalized, and refused with what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from pelita.core.registries import ContactProblem, Phone, load_opd
from pelita.core.registries.contact import (
    parse_address,
    parse_email,
    parse_phone,
    parse_website,
)

HEADER = "id,singkatan,nama,jenis,website,alamat,telepon,email\n"


def _registry(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "opd.csv"
    path.write_text(header + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("written", "display", "e164"),
    [
        ("(024) 3513366", "(024) 3513366", "+62243513366"),
        ("024-3513366", "(024) 3513366", "+62243513366"),
        ("+62 24 3513366", "(024) 3513366", "+62243513366"),
        ("0812 2345 6789", "0812-2345-6789", "+6281223456789"),
    ],
)
def test_phone_numbers_are_read_as_the_office_writes_them(written, display, e164):
    phone = parse_phone(written)
    assert phone == Phone(display, e164)
    assert phone.href == f"tel:{e164}"


@pytest.mark.parametrize(
    "bad", ["3513366", "12", "telepon kantor", "javascript:alert(1)", "0"]
)
def test_what_is_not_a_dialable_number_is_refused(bad):
    found = parse_phone(bad)
    assert isinstance(found, ContactProblem)
    assert found.field == "telepon"
    assert found.value == bad
    assert "(024) 3513366" in found.suggestion


def test_email_is_normalized_and_bad_shapes_refused():
    assert parse_email(" Humas@SemarangKota.go.id ") == "Humas@semarangkota.go.id"
    for bad in ["humas", "a@b", "x y@kota.id", '"><script>@x.id', "a@@kota.id"]:
        found = parse_email(bad)
        assert isinstance(found, ContactProblem), bad
        assert "humas@semarangkota.go.id" in found.suggestion


def test_website_gets_https_and_script_or_odd_hosts_are_refused():
    assert parse_website("dinkes.semarangkota.go.id") == (
        "https://dinkes.semarangkota.go.id/"
    )
    assert parse_website("https://x.go.id/a") == "https://x.go.id/a"
    for bad in ["javascript:alert(1)", "https://a@evil.example", "not a site"]:
        assert isinstance(parse_website(bad), ContactProblem), bad


def test_address_is_one_line_and_markup_refused():
    assert parse_address("Jl. Pandanaran\n No. 79 ") == "Jl. Pandanaran No. 79"
    assert isinstance(parse_address("<b>Jl</b>"), ContactProblem)
    assert isinstance(parse_address("x" * 301), ContactProblem)


def test_registry_reads_contacts_and_leaves_out_only_the_bad_value(tmp_path):
    path = _registry(
        tmp_path,
        "dinkes,Dinkes,Dinas Kesehatan,dinas,dinkes.example.go.id,"
        '"Jl. Pandanaran No. 79, Semarang",(024) 8415269,dinkes@example.go.id',
        "dishub,Dishub,Dinas Perhubungan,dinas,javascript:alert(1),,3513,humas",
        "setda,Setda,Sekretariat Daerah,sekretariat,,,,",
    )
    registry = load_opd(path)
    dinkes, dishub, setda = registry.items
    assert dinkes.alamat == "Jl. Pandanaran No. 79, Semarang"
    assert dinkes.telepon == Phone("(024) 8415269", "+62248415269")
    assert dinkes.email == "dinkes@example.go.id"
    assert dinkes.website_url == "https://dinkes.example.go.id/"
    assert dinkes.has_contact
    assert (dishub.website, dishub.telepon, dishub.email) == ("", None, "")
    assert not dishub.has_contact
    assert not setda.has_contact
    found = [(p.line, p.opd_id, p.problem.field) for p in registry.problems]
    assert found == [
        (3, "dishub", "website"),
        (3, "dishub", "telepon"),
        (3, "dishub", "email"),
    ]


def test_contact_columns_are_optional(tmp_path):
    path = _registry(
        tmp_path,
        "dinkes,Dinkes,Dinas Kesehatan,dinas,dinkes.example.go.id",
        header="id,singkatan,nama,jenis,website\n",
    )
    (dinkes,) = load_opd(path).items
    assert (dinkes.alamat, dinkes.telepon, dinkes.email) == ("", None, "")
    assert load_opd(path).problems == ()
