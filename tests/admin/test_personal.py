"""Personal data: the formats people type, and what must stay quiet."""

from __future__ import annotations

import pytest

from pelita.tools.check.contacts import Contacts, national_phone
from pelita.tools.check.nik import find_niks, is_plausible_nik
from pelita.tools.check.personal import (
    EMAIL,
    MAX_DIGITS,
    MIN_DIGITS,
    PHONE,
    is_file_name,
    visible_text,
)

SAVIRA = Contacts(frozenset({"082199996148"}), frozenset(), ("semarangkota.go.id",))


def phones(text: str) -> list[str]:
    found = [national_phone(m.group(0)) for m in PHONE.finditer(text)]
    return [n for n in found if MIN_DIGITS <= len(n) <= MAX_DIGITS]


@pytest.mark.parametrize(
    "text",
    [
        "hubungi 081234567890 ya",
        "hubungi 0812-3456-7890.",
        "hubungi 0812 3456 7890",
        "hubungi 0812.3456.7890",
        "WA +62 812-3456-7890",
        "WA +6281234567890",
        "WA 62 812 3456 7890",
        "WA (+62) 812 3456 7890",
        "https://wa.me/6281234567890",
        "telp. 0857-1234-567",
    ],
)
def test_mobile_numbers_in_every_format(text):
    assert len(phones(text)) == 1, text
    assert phones(text)[0].startswith("08")


@pytest.mark.parametrize(
    "text",
    [
        "kantor (024) 3513366",
        "telepon 024-8311234",
        "anggaran Rp 812.345.678",
        "tahun 2025, 80 peserta",
        "NIP 198503122010011004",
        "nomor 112 atau 110",
    ],
)
def test_landlines_and_other_numbers_are_quiet(text):
    assert phones(text) == []


def test_official_contacts_are_allowed():
    assert SAVIRA.allows_phone("+62 821-9999-6148")
    assert SAVIRA.allows_phone("0821 9999 6148")
    assert not SAVIRA.allows_phone("0821 9999 6149")
    assert SAVIRA.allows_email("humas@semarangkota.go.id")
    assert SAVIRA.allows_email("Info@Dinkes.SemarangKota.go.id")
    assert not SAVIRA.allows_email("budi@semarangkota.go.id.example.com")
    assert not SAVIRA.allows_email("budi@gmail.com")


@pytest.mark.parametrize(
    ("digits", "plausible"),
    [
        ("3374015708900001", True),  # Semarang, born 17 Aug 1990
        ("3374015708900000", False),  # serial 0000
        ("3374014708900001", True),  # a woman: day 07 + 40
        ("3374013202900001", False),  # 32 February
        ("9974015708900001", False),  # no province 99
        ("3300015708900001", False),  # regency 00
        ("3374011513900001", False),  # month 13
    ],
)
def test_nik_plausibility(digits, plausible):
    assert is_plausible_nik(digits) is plausible


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("NIK 3374015708900001", 1),
        ("nomor 3374 0157 0890 0001 terdaftar", 1),
        ("kode 33.74.01.570890.0001", 1),
        ("No. KK 1234567890123456", 1),  # implausible, but labelled
        ("transaksi 1234567890123456 berhasil", 0),
        ("angka 33740157089000012 terlalu panjang", 0),
        ("Rp 3.374.015.708.900.001", 0),
        ("nomor 337401 570890 0001", 1),  # 6-6-4
        ("nomor 3374 015708 900001", 1),  # 4-6-6
        ("nomor 33 74 01 570890 0001", 1),  # 2-2-2-6-4
        ("nomor 3374-0157/0890.0001", 1),  # mixed separators
        ("tahun 2025 dan 2026, 80 peserta dari 12 RW", 0),
    ],
)
def test_nik_in_text(text, count):
    assert len(find_niks(text)) == count


@pytest.mark.parametrize(
    "hidden",
    [
        "3374\u200b0157\u200c0890\u200d0001",  # zero-width characters
        "3374\u00ad0157\u00ad0890\u00ad0001",  # soft hyphens
        "\uff13\uff13\uff17\uff14015708900001",  # full-width digits
        "&#51;374015708900001",  # an entity
        "&amp;#51;374015708900001",  # an entity escaped once more
        "3374<b></b>0157<span>0890</span>0001",  # tags between digits
        "3374**0157**_0890_0001",  # Markdown emphasis
        "\u2067337401570890\u20690001",  # bidi isolates
    ],
)
def test_a_nik_hidden_from_the_eye_is_found(hidden):
    assert find_niks(visible_text(f"NIK pelapor {hidden}.")) == ["3374015708900001"]


def test_a_phone_number_hidden_by_invisible_characters_is_found():
    text = visible_text("WA 0812\u200b3456\u00ad7890 ya")
    assert phones(text) == ["081234567890"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("kirim ke budi.santoso@gmail.com.", ["budi.santoso@gmail.com"]),
        ("surel: humas@semarangkota.go.id", ["humas@semarangkota.go.id"]),
        ("akun @pemkotsemarang di Instagram", []),
        ("foto IMG@2x.png", []),
    ],
)
def test_email_addresses(text, found):
    matches = [m.group(0) for m in EMAIL.finditer(text)]
    assert [m for m in matches if not is_file_name(m)] == found
