"""Corrections: the syntax admins write, Pelican's reading of it, the pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from pelita.build.ralat.settings import RalatConfigError, ralat_settings
from pelita.core.ralat import (
    CorrectionError,
    corrections_from_metadata,
    read_correction,
)

WIB = ZoneInfo("Asia/Jakarta")


FIXED = "Angka diperbaiki."


def at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 9, day, hour, minute, tzinfo=WIB)


@pytest.mark.parametrize(
    ("line", "when", "has_time", "text"),
    [
        (f"2025-09-12 \u2014 {FIXED}", at(12), False, FIXED),
        (f"2025-09-12 \u2013 {FIXED}", at(12), False, FIXED),
        (f"2025-09-12 - {FIXED}", at(12), False, FIXED),
        (f"2025-09-12: {FIXED}", at(12), False, FIXED),
        (f"2025-09-12 14:30 \u2014 {FIXED}", at(12, 14, 30), True, FIXED),
        (f"2025-09-12 14.30 {FIXED}", at(12, 14, 30), True, FIXED),
        (
            "2025-09-12 \u2014 Jalan 17 - bukan 19.",
            at(12),
            False,
            "Jalan 17 - bukan 19.",
        ),
    ],
)
def test_correction_syntax(line, when, has_time, text):
    correction = read_correction(line, WIB)
    assert (correction.date, correction.has_time, correction.text) == (
        when,
        has_time,
        text,
    )


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Angka diperbaiki kemarin.", "ralat-format"),
        ("12-09-2025 — Angka diperbaiki.", "ralat-format"),
        ("2025-02-30 — Angka diperbaiki.", "ralat-tanggal"),
        ("2025-09-12 —", "ralat-teks"),
        ("2025-09-12 ok", "ralat-teks"),
    ],
)
def test_bad_corrections_say_why(line, code):
    with pytest.raises(CorrectionError) as caught:
        read_correction(line, WIB)
    assert caught.value.code == code


def test_metadata_value_forms():
    one = corrections_from_metadata("2025-09-12 — Angka diperbaiki.", WIB)
    assert [c.text for c in one] == ["Angka diperbaiki."]
    several = corrections_from_metadata(
        [
            "2025-09-14 — Nama kelurahan diperbaiki.",
            "2025-09-12 — Angka penerima semula 120,",
            "yang benar 210.",
            "2025-02-30 — Tanggal ralat yang salah tulis.",
        ],
        WIB,
    )
    assert [c.text for c in several] == [
        "2025-02-30 — Tanggal ralat yang salah tulis.",
        "Angka penerima semula 120, yang benar 210.",
        "Nama kelurahan diperbaiki.",
    ]
    assert several[0].date is None  # kept, not dropped
    assert [c.iso for c in several[1:]] == ["2025-09-12", "2025-09-14"]


def test_pelican_reads_repeated_ralat_lines_as_a_list(tmp_path: Path):
    post = tmp_path / "post.md"
    post.write_text(
        "Title: Uji\nDate: 2025-09-10 10:00\n"
        "Ralat: 2025-09-12 — Pertama diperbaiki.\n"
        "Ralat: 2025-09-13 09:00 — Kedua diperbaiki,\n"
        "    dengan baris lanjutan.\n\nIsi.\n",
        encoding="utf-8",
    )
    settings = dict(DEFAULT_CONFIG)
    settings["MARKDOWN"] = {"extension_configs": {"markdown.extensions.meta": {}}}
    _, metadata = MarkdownReader(settings).read(str(post))
    assert metadata["ralat"] == [
        "2025-09-12 — Pertama diperbaiki.",
        "2025-09-13 09:00 — Kedua diperbaiki,",
        "dengan baris lanjutan.",
    ]
    found = corrections_from_metadata(metadata["ralat"], WIB)
    assert [c.text for c in found] == [
        "Pertama diperbaiki.",
        "Kedua diperbaiki, dengan baris lanjutan.",
    ]


def test_unknown_setting_is_refused():
    assert ralat_settings({})["url"] == "ralat/"
    with pytest.raises(RalatConfigError, match="Allowed keys: save_as, template, url"):
        ralat_settings({"RALAT": {"path": "x"}})


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_ralat_page_lists_every_correction_newest_first(demo_output: Path):
    page = _soup(demo_output / "ralat" / "index.html")
    entries = page.select("li.ralat-entry")
    times = [entry.find("time")["datetime"] for entry in entries]
    assert times == ["2026-06-24", "2025-09-15T14:00+07:00", "2025-09-09"]
    links = [entry.find("a")["href"] for entry in entries]
    assert links[0] == "../layanan-publik/adminduk-jemput-bola-lansia-tugu/#ralat"
    assert links[1] == links[2] == "../umkm/pendaftaran-umkm-naik-kelas/#ralat"
    for link in set(links):
        target = demo_output / "ralat" / link.split("#")[0] / "index.html"
        assert target.resolve().is_file(), link
    assert "kuota yang benar 150" in entries[2].get_text()
    assert page.find("h1").get_text() == "Ralat"


def test_article_shows_its_corrections_under_the_text(demo_output: Path):
    page = _soup(demo_output / "umkm" / "pendaftaran-umkm-naik-kelas" / "index.html")
    section = page.select_one("section#ralat")
    assert section["aria-labelledby"] == "ralat-judul"
    items = section.select("ol li")
    assert [li.find("time")["datetime"] for li in items] == [
        "2025-09-09",
        "2025-09-15T14:00+07:00",
    ]
    assert items[0].find("time").get_text() == "9 September 2025"
    assert items[1].find("time").get_text() == "15 September 2025, 14.00 WIB"
    assert section.find("a", href="../../ralat/")


def test_posts_without_corrections_have_no_section(demo_output: Path):
    page = _soup(demo_output / "kuliner" / "lumpia-gang-lombok" / "index.html")
    assert page.select_one("#ralat") is None


def test_every_page_links_the_corrections_list(demo_output):
    for page in ("index.html", "berita/index.html", "kecamatan/index.html"):
        html = (demo_output / page).read_text(encoding="utf-8")
        assert 'ralat/">Ralat</a>' in html, page
    assert (demo_output / "ralat" / "index.html").is_file()
