"""Time zones: every offset and zone name gives the right instant, shown in WIB.

The instants are worked out by hand from each zone's offset; where
feedparser knows a zone, its reading of the same text must agree.
"""

import datetime as dt

import feedparser
import pytest
from feedserver import Response
from importer_testkit import make_settings, posts, write_registry

from pelita.importer.cli import run_import
from pelita.importer.feeds.dates import parse_date, resolve_dates
from pelita.importer.writing.metadata import parse_header

FETCHED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
CLOCK = "Tue, 01 Jul 2003 01:55:07"

# (text, the instant in WIB)
ZONED = [
    ("2003-07-01 T 01:55:07-05:00", "2003-07-01T13:55:07+07:00"),
    ("2003-07-01T01:55:07-05:00", "2003-07-01T13:55:07+07:00"),
    ("2003-07-01T01:55:07.250+05:45", "2003-07-01T03:10:07.250+07:00"),
    ("20030701T015507Z", "2003-07-01T08:55:07+07:00"),
    (f"{CLOCK} +0000", "2003-07-01T08:55:07+07:00"),
    (f"{CLOCK} -0000", "2003-07-01T08:55:07+07:00"),
    (f"{CLOCK} -0500", "2003-07-01T13:55:07+07:00"),
    (f"{CLOCK} \u22120500", "2003-07-01T13:55:07+07:00"),
    (f"{CLOCK} +07", "2003-07-01T01:55:07+07:00"),
    (f"{CLOCK} -0500 (EST)", "2003-07-01T13:55:07+07:00"),
    (f"{CLOCK} GMT-0500", "2003-07-01T13:55:07+07:00"),
    (f"{CLOCK} GMT-05:00", "2003-07-01T13:55:07+07:00"),
    (f"{CLOCK} GMT+0900", "2003-06-30T23:55:07+07:00"),
    (f"{CLOCK} GMT+7", "2003-07-01T01:55:07+07:00"),
    (f"{CLOCK} UTC+09:00", "2003-06-30T23:55:07+07:00"),
    (f"{CLOCK} UTC-3", "2003-07-01T11:55:07+07:00"),
    (f"{CLOCK} GMT", "2003-07-01T08:55:07+07:00"),
    (f"{CLOCK} UT", "2003-07-01T08:55:07+07:00"),
    (f"{CLOCK} UTC", "2003-07-01T08:55:07+07:00"),
    (f"{CLOCK} Z", "2003-07-01T08:55:07+07:00"),
    (f"{CLOCK} EST", "2003-07-01T13:55:07+07:00"),
    (f"{CLOCK} EDT", "2003-07-01T12:55:07+07:00"),
    (f"{CLOCK} CST", "2003-07-01T14:55:07+07:00"),
    (f"{CLOCK} PDT", "2003-07-01T15:55:07+07:00"),
    (f"{CLOCK} MET", "2003-07-01T07:55:07+07:00"),
    (f"{CLOCK} MEST", "2003-07-01T06:55:07+07:00"),
    (f"{CLOCK} CET", "2003-07-01T07:55:07+07:00"),
    (f"{CLOCK} CEST", "2003-07-01T06:55:07+07:00"),
    (f"{CLOCK} BST", "2003-07-01T07:55:07+07:00"),
    (f"{CLOCK} JST", "2003-06-30T23:55:07+07:00"),
    (f"{CLOCK} KST", "2003-06-30T23:55:07+07:00"),
    (f"{CLOCK} IST", "2003-07-01T03:25:07+07:00"),  # India, +05:30
    (f"{CLOCK} AEST", "2003-06-30T22:55:07+07:00"),
    (f"{CLOCK} HKT", "2003-07-01T00:55:07+07:00"),
    (f"{CLOCK} WIB", "2003-07-01T01:55:07+07:00"),
    (f"{CLOCK} WITA", "2003-07-01T00:55:07+07:00"),
    (f"{CLOCK} WIT", "2003-06-30T23:55:07+07:00"),
    (f"{CLOCK} A", "2003-07-01T09:55:07+07:00"),  # RFC 822: A is -1
    (f"{CLOCK} M", "2003-07-01T20:55:07+07:00"),  # -12
    (f"{CLOCK} N", "2003-07-01T07:55:07+07:00"),  # +1
    (f"{CLOCK} Y", "2003-06-30T20:55:07+07:00"),  # +12
    (f"{CLOCK} K", "2003-07-01T18:55:07+07:00"),  # -10
    (f"{CLOCK} Asia/Tokyo", "2003-06-30T23:55:07+07:00"),
    (f"{CLOCK} Europe/London", "2003-07-01T07:55:07+07:00"),  # summer: +01:00
    (f"{CLOCK} Etc/GMT+5", "2003-07-01T13:55:07+07:00"),  # POSIX sign: -05:00
    ("Tue, 1 Jul 2003 1:55 am PST", "2003-07-01T16:55:00+07:00"),
    ("Selasa, 1 Juli 2003 pukul 01.55 WIB", "2003-07-01T01:55:00+07:00"),
    ("1 Juli 2003 01:55 WITA | Dibaca 12 kali", "2003-07-01T00:55:00+07:00"),
]
# Without a zone: Jakarta time.
NAIVE = [
    (CLOCK, "2003-07-01T01:55:07+07:00"),
    ("2003-07-01T01:55:07", "2003-07-01T01:55:07+07:00"),
    ("2003-07-01 01:55", "2003-07-01T01:55:00+07:00"),
    ("1 Juli 2003 01:55 di Balai Kota", "2003-07-01T01:55:00+07:00"),
    ("1 Jul 2003 10:00 at the hall", "2003-07-01T10:00:00+07:00"),
]


@pytest.mark.parametrize(("text", "expected"), ZONED + NAIVE)
def test_every_zone_gives_the_right_instant(text, expected):
    value = parse_date(text)
    assert value is not None
    assert value.astimezone(dt.UTC) == dt.datetime.fromisoformat(expected)


def feedparser_instant(text):
    """feedparser's own reading of ``text`` as an RSS pubDate (UTC)."""
    body = f"<rss version='2.0'><channel><item><pubDate>{text}</pubDate></item>"
    parsed = feedparser.parse(body + "</channel></rss>").entries[0]
    value = parsed.get("published_parsed")
    return value and dt.datetime(*value[:6], tzinfo=dt.UTC)


# The zones feedparser reads right (the others it reads as UTC).
KNOWN_TO_FEEDPARSER = [
    text
    for text, _ in ZONED
    if text.startswith("2003-07-01T")
    or text.rsplit(" ", 1)[-1]
    in {"+0000", "-0000", "-0500", "GMT-0500", "GMT-05:00", "GMT+0900", "GMT",
        "UT", "Z", "EST", "EDT", "CST", "PDT", "MET", "MEST", "A", "M", "N", "Y",
        "(EST)"}
]  # fmt: skip


@pytest.mark.parametrize("text", KNOWN_TO_FEEDPARSER)
def test_zones_feedparser_knows_agree_with_feedparser(text):
    assert feedparser_instant(text) is not None
    ours = parse_date(text).astimezone(dt.UTC).replace(microsecond=0)
    assert ours == feedparser_instant(text)


@pytest.mark.parametrize(("text", "expected"), ZONED + NAIVE)
def test_resolved_dates_are_the_instant_in_wib(text, expected):
    parsed = feedparser.parse(
        f"<rss version='2.0'><channel><item><pubDate>{text}</pubDate></item>"
        "</channel></rss>"
    ).entries[0]
    dates = resolve_dates(
        (parsed.get("published"), parsed.get("published_parsed")), (None, None), FETCHED
    )
    assert dates.published.isoformat() == expected.replace(".250", "")
    assert dates.note is None


def test_feedparser_keeps_a_date_it_moved_for_a_zone_we_cannot_read():
    """A Korean blog date: feedparser knows it is KST; we cannot read it."""
    text = "2004\ub144 05\uc6d4 28\uc77c  01:31:15"
    assert feedparser_instant(text) is not None
    dates = resolve_dates(
        (text, feedparser_instant(text).timetuple()), (None, None), FETCHED
    )
    assert dates.published == feedparser_instant(text)


def test_a_date_only_feedparser_reads_without_a_zone_is_jakarta_time():
    text = "Sun Jan  4 16:29:06 2004"  # asctime: no zone, feedparser says UTC
    dates = resolve_dates(
        (text, feedparser_instant(text).timetuple()), (None, None), FETCHED
    )
    assert dates.published.isoformat() == "2004-01-04T16:29:06+07:00"


def test_dates_of_a_feed_over_http_are_instants_in_wib(tmp_path, feed_server):
    chosen = ZONED[::3] + NAIVE[:2]
    items = "".join(
        f"<item><title>Pos {i}</title><link>https://z.example/{i}</link>"
        f"<guid>z-{i}</guid><pubDate>{text}</pubDate><description>Isi {i}"
        "</description></item>"
        for i, (text, _) in enumerate(chosen)
    )
    body = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Z</title>"
        f"<link>https://z.example/</link><description>d</description>{items}"
        "</channel></rss>"
    ).encode()
    write_registry(
        tmp_path, [{"id": "z", "url": feed_server.add("/f", Response(body))}]
    )
    assert run_import(make_settings(tmp_path)) == 0
    dates = {}
    for path in posts(tmp_path):
        meta = parse_header(path.read_text("utf-8").splitlines())
        dates[int(meta["source"].rsplit("/", 1)[1])] = meta["date"]
    assert dates == {
        i: expected.replace(".250", "") for i, (_, expected) in enumerate(chosen)
    }
