import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pelita.core.indodate import format_date, format_iso

WIB = ZoneInfo("Asia/Jakarta")


def test_full_indonesian_date_and_time_in_wib():
    when = dt.datetime(2024, 3, 21, 9, 0, tzinfo=WIB)
    assert format_date(when, "datetime") == "Kamis, 21 Maret 2024 09.00 WIB"
    assert format_date(when, "date") == "Kamis, 21 Maret 2024"


def test_utc_input_is_shown_in_jakarta_time():
    when = dt.datetime(2024, 3, 20, 23, 30, tzinfo=dt.UTC)
    assert format_date(when, "datetime") == "Kamis, 21 Maret 2024 06.30 WIB"


def test_naive_values_are_taken_as_site_time():
    assert format_date(dt.datetime(2024, 8, 17, 7, 0), "time") == "07.00 WIB"
    assert format_date(dt.date(2024, 8, 17), "medium") == "17 Agustus 2024"


@pytest.mark.parametrize(
    ("timezone", "zone"),
    [("Asia/Makassar", "WITA"), ("Asia/Jayapura", "WIT")],
)
def test_other_indonesian_zones(timezone, zone):
    when = dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.UTC)
    assert format_date(when, "time", timezone=timezone).endswith(zone)


def test_iso_keeps_the_offset():
    assert format_iso(dt.datetime(2024, 3, 21, 9, 0)) == "2024-03-21T09:00:00+07:00"


def test_remembered_dates_never_cross_zones_or_kinds():
    instant = dt.datetime(2024, 3, 20, 23, 30, tzinfo=dt.UTC)
    for _ in range(2):  # the second round is answered from memory
        assert format_date(instant, "datetime") == "Kamis, 21 Maret 2024 06.30 WIB"
        assert (
            format_date(instant, "datetime", timezone="Asia/Jayapura")
            == "Kamis, 21 Maret 2024 08.30 WIT"
        )
        naive = dt.datetime(2024, 3, 20, 23, 30)
        assert format_date(naive, "datetime") == "Rabu, 20 Maret 2024 23.30 WIB"
        midnight = dt.date(2024, 3, 20)
        assert format_date(midnight, "datetime") == "Rabu, 20 Maret 2024 00.00 WIB"
