"""Dates as Indonesian feeds write them: WIB/WITA/WIT, Indonesian names, no zone."""

import datetime as dt
import time

import pytest

from pelita.importer.feeds.dates import parse_date, resolve_dates

FETCHED = dt.datetime(2024, 11, 5, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu, 21 Mar 2024 09:00:00 WIB", "2024-03-21T09:00:00+07:00"),
        ("Thu, 21 Mar 2024 09:00:00 +0700", "2024-03-21T09:00:00+07:00"),
        ("Kamis, 21 Maret 2024 09:00 WIB", "2024-03-21T09:00:00+07:00"),
        ("Kamis, 21 Maret 2024 | 09:15 WIB", "2024-03-21T09:15:00+07:00"),
        ("21 Maret 2024 pukul 09.15 WITA", "2024-03-21T09:15:00+08:00"),
        ("Jum'at, 22 Nopember 2024 - 14:00 WIT", "2024-11-22T14:00:00+09:00"),
        ("Senin, 5 Pebruari 2024", "2024-02-05T00:00:00+07:00"),
        ("17 Agt 2024 08:00", "2024-08-17T08:00:00+07:00"),
        ("2024-03-21 09:00:00", "2024-03-21T09:00:00+07:00"),
        ("2024-03-21T09:00:00", "2024-03-21T09:00:00+07:00"),
        ("2024-03-21T02:00:00Z", "2024-03-21T02:00:00+00:00"),
        ("2024-03-21T09:00:00 WIB", "2024-03-21T09:00:00+07:00"),
        ("21/03/2024 09:15", "2024-03-21T09:15:00+07:00"),
        ("21-03-2024", "2024-03-21T00:00:00+07:00"),
        ("March 21, 2024 9:05 pm", "2024-03-21T21:05:00+07:00"),
        ("Thu, 21 Mar 2024 02:00:00 GMT", "2024-03-21T02:00:00+00:00"),
        ("Thu, 21 Mar 2024 02:00:00 -0000", "2024-03-21T02:00:00+00:00"),
        ("Thu, 21 Mar 2024 02:00:00 EST", "2024-03-21T02:00:00-05:00"),
    ],
)
def test_parse_date(text, expected):
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.isoformat() == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "besok pagi", "31 Februari 2024", "xyz 99"]
)
def test_unreadable_dates_give_none(text):
    assert parse_date(text) is None


def test_wib_is_not_read_as_utc():
    """feedparser reads WIB as UTC; the importer keeps the wall-clock time."""
    parsed = parse_date("Thu, 21 Mar 2024 09:00:00 WIB")
    assert parsed.astimezone(dt.UTC).hour == 2


def test_missing_date_becomes_first_seen_and_is_noted():
    dates = resolve_dates((None, None), (None, None), FETCHED)
    assert dates.published == FETCHED
    assert dates.first_seen
    assert "no date" in dates.note


def test_unreadable_date_is_named_in_the_note():
    dates = resolve_dates(("besok pagi", None), (None, None), FETCHED)
    assert dates.published == FETCHED
    assert "'besok pagi'" in dates.note


def test_future_date_is_clamped_to_fetch_time():
    dates = resolve_dates(
        ("Sun, 01 Jan 2090 00:00:00 +0700", None), (None, None), FETCHED
    )
    assert dates.published == FETCHED
    assert "future" in dates.note


def test_update_only_entry_is_published_then():
    dates = resolve_dates((None, None), ("2024-10-01T09:00:00Z", None), FETCHED)
    assert dates.published.isoformat() == "2024-10-01T16:00:00+07:00"
    assert dates.updated is None
    assert dates.note is None


def test_update_before_publication_is_dropped():
    dates = resolve_dates(
        ("2024-10-02T09:00:00+07:00", None),
        ("2024-10-01T09:00:00+07:00", None),
        FETCHED,
    )
    assert dates.updated is None


def test_epoch_placeholder_is_treated_as_missing():
    dates = resolve_dates(("1970-01-01T00:00:00Z", None), (None, None), FETCHED)
    assert dates.first_seen


def test_feedparser_value_is_the_last_resort():
    parsed = time.strptime("2024-05-06 07:08:09", "%Y-%m-%d %H:%M:%S")
    dates = resolve_dates(("2024-W19 weird", parsed), (None, None), FETCHED)
    assert dates.published.isoformat() == "2024-05-06T14:08:09+07:00"


def test_dates_are_in_jakarta_time():
    dates = resolve_dates(("2024-03-21T02:00:00Z", None), (None, None), FETCHED)
    assert dates.published.utcoffset() == dt.timedelta(hours=7)


SEEN = dt.datetime(2026, 6, 10, 3, 0, tzinfo=dt.UTC)  # 10:00 WIB


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 21 Maret 2024 | 09:15 WIB | Dilihat 990", "2024-03-21T09:15:00+07:00"),
        ("Diposting 3 Januari 2024 | Dilihat 1.234 kali", "2024-01-03T00:00:00+07:00"),
        ("15 Sep 2026 | Dibaca 2.310 kali", "2026-09-15T00:00:00+07:00"),
        ("21 Mar 2024", "2024-03-21T00:00:00+07:00"),
        ("21-03-2024 09:15", "2024-03-21T09:15:00+07:00"),
        ("Senin, 4 Nopember 2024 - 13.05 WITA", "2024-11-04T13:05:00+08:00"),
        ("09:15 WITA, 21/03/2024", "2024-03-21T09:15:00+08:00"),
    ],
)  # fmt: skip
def test_page_dates(text, expected):
    assert parse_date(text).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 jam yang lalu", "2026-06-10T07:00:00+07:00"),
        ("5 menit yg lalu", "2026-06-10T09:55:00+07:00"),
        ("sejam lalu", "2026-06-10T09:00:00+07:00"),
        ("2 hari lalu", "2026-06-08T10:00:00+07:00"),
        ("1 minggu yang lalu", "2026-06-03T10:00:00+07:00"),
        ("Admin | 2 bulan lalu", "2026-04-11T10:00:00+07:00"),
        ("kemarin", "2026-06-09T10:00:00+07:00"),
        ("Kemarin, 09.15 WIB", "2026-06-09T09:15:00+07:00"),
        ("Kemarin 21:30 WITA", "2026-06-09T21:30:00+08:00"),
        ("hari ini 08:00", "2026-06-10T08:00:00+07:00"),
        ("baru saja", "2026-06-10T10:00:00+07:00"),
        ("3 hours ago", "2026-06-10T07:00:00+07:00"),
        ("yesterday", "2026-06-09T10:00:00+07:00"),
    ],
)
def test_relative_dates_count_from_the_fetch_time_in_jakarta(text, expected):
    assert parse_date(text, now=SEEN).isoformat() == expected
    assert parse_date(text) is None  # without the fetch time they mean nothing


def test_a_relative_date_is_approximate_and_kept_on_later_runs():
    dates = resolve_dates(("2 hari lalu", None), (None, None), SEEN)
    assert dates.published.isoformat() == "2026-06-08T10:00:00+07:00"
    assert (dates.approximate, dates.note) == (True, None)
    exact = resolve_dates(("8 Juni 2026 10:00", None), (None, None), SEEN)
    assert not exact.approximate
