"""Dates as admins write them: ISO passes, everything else gets the ISO form."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pelita.tools.check.datetext import DateTextError, parse_date_text

WIB = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    ("text", "expected", "has_time"),
    [
        ("2025-08-14", dt.datetime(2025, 8, 14, tzinfo=WIB), False),
        ("2025-08-14 10:00", dt.datetime(2025, 8, 14, 10, tzinfo=WIB), True),
        ("2025-8-4 7:05", dt.datetime(2025, 8, 4, 7, 5, tzinfo=WIB), True),
        ("2025-08-14T03:00:00Z", dt.datetime(2025, 8, 14, 10, tzinfo=WIB), True),
        ("2025-08-14 11:00+08:00", dt.datetime(2025, 8, 14, 10, tzinfo=WIB), True),
        ("2024-02-29 23:59:59", dt.datetime(2024, 2, 29, 23, 59, 59, tzinfo=WIB), True),
    ],
)
def test_iso_dates_are_read_in_the_site_zone(text, expected, has_time):
    parsed = parse_date_text(text, WIB)
    assert parsed.value == expected
    assert parsed.value.utcoffset() is not None
    assert parsed.has_time is has_time


@pytest.mark.parametrize(
    ("text", "code", "advice"),
    [
        ("14 Agustus 2025", "tanggal-format", '"2025-08-14"'),
        ("Kamis, 14 Agustus 2025 10.00 WIB", "tanggal-format", '"2025-08-14 10:00"'),
        ("14 Agt 2025", "tanggal-format", '"2025-08-14"'),
        ("14/08/2025 09:30", "tanggal-format", '"2025-08-14 09:30"'),
        ("05-08-2025", "tanggal-format", '"2025-08-05" atau "2025-05-08"'),
        ("2025-08-14 10:00 WIB", "tanggal-format", '"2025-08-14 10:00"'),
        ("2025-08-14 10:00 WITA", "tanggal-format", '"2025-08-14 10:00+08:00"'),
        ("2025-08-14 10.00", "tanggal-format", '"2025-08-14 10:00"'),
        ("besok pagi", "tanggal-format", "TAHUN-BULAN-TANGGAL"),
        ("2025-02-29", "tanggal-tidak-ada", "tanggal dan bulannya"),
        ("2025-13-01", "tanggal-tidak-ada", "TAHUN-BULAN-TANGGAL"),
        ("2025-08-14 24:30", "tanggal-tidak-ada", "23:59"),
    ],
)
def test_other_forms_get_the_iso_form(text, code, advice):
    with pytest.raises(DateTextError) as caught:
        parse_date_text(text, WIB)
    assert caught.value.code == code
    assert advice in caught.value.suggestion
