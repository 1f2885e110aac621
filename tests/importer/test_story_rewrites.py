"""One event told by two outlets in their own words, and a third copying one.

Imported over HTTP from a loopback server, as the nightly run imports
them: the two rewrites (published a day and a half apart, sharing only a
quotation, names and numbers) and the copier's trimmed copy become one
story, while the posts that share the venue, the speakers and the hotline
but report another event stay apart. The texts are the tuning pairs of
``tests/stories/pairs-rewrites.yml``, so the pair test and this run read
the same words.
"""

import datetime as dt
import html
from email.utils import format_datetime
from pathlib import Path

import pytest
import yaml
from feedserver import Response
from importer_testkit import make_settings, posts, read_report, write_registry

from pelita.importer.cli import run_import
from pelita.importer.writing.metadata import parse_header

STORIES = Path(__file__).parents[1] / "stories"
WIB = dt.timezone(dt.timedelta(hours=7))
# Other news of the same days, so the run's vocabulary is a week's, not
# five posts' (with five, every shared word looks rare).
OTHER_NEWS = [
    ("d22-lain-cabai-lomba", "a"), ("d22-lain-cabai-lomba", "b"),
    ("d23-lain-wifi-beasiswa", "a"), ("d23-lain-wifi-beasiswa", "b"),
    ("d19-dua-hoaks-sehari", "a"), ("d19-dua-hoaks-sehari", "b"),
    ("d20-dinkes-dua-kabar", "a"), ("d20-dinkes-dua-kabar", "b"),
    ("s21-dbd-turun", "a"), ("s12-batik-pameran", "a"),
    ("s26-aplikasi-aduan-anekdot", "a"), ("s19-kandri-juara", "a"),
    ("d31-dua-acara-medsos-sehari", "b"),
]  # fmt: skip


def article(pair_id: str, side: str, **changes) -> dict:
    name = "pairs-rewrites.yml" if pair_id.startswith("r-") else "pairs.yml"
    found = yaml.safe_load((STORIES / name).read_text("utf-8"))["pairs"]
    pairs = {p["id"]: p for p in found}
    return {**pairs[pair_id][side], **changes}


def other_news(first: int) -> list[dict]:
    """Unrelated posts of 10-16 March 2026, one channel's share of them."""
    return [
        article(pair, side, date=f"2026-03-{10 + number % 7} {8 + number:02d}:00")
        for number, (pair, side) in enumerate(OTHER_NEWS)
        if number % 3 == first
    ]


def rss(base: str, items: list[dict]) -> bytes:
    """An RSS 2.0 feed whose items carry their text as HTML paragraphs."""
    entries = []
    for number, item in enumerate(items):
        when = dt.datetime.fromisoformat(str(item["date"])).replace(tzinfo=WIB)
        paragraphs = "".join(
            f"<p>{html.escape(block.strip())}</p>"
            for block in item["body"].split("\n\n")
            if block.strip()
        )
        entries.append(
            f"<item><title>{html.escape(item['title'])}</title>"
            f"<link>{base}/{number}/</link><guid>{base}/?p={number}</guid>"
            f"<pubDate>{format_datetime(when)}</pubDate>"
            f"<description><![CDATA[{paragraphs}]]></description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>t</title><link>{base}/</link>{''.join(entries)}</channel></rss>"
    ).encode()


def serve(server, channel: str, kind: str, items: list[dict]) -> dict:
    feed = rss(server.url(f"/{channel}"), items)
    url = server.add(f"/{channel}/feed", Response(feed))
    return {"id": channel, "kind": kind, "url": url}


@pytest.fixture
def imported(tmp_path, feed_server):
    """The event from three channels, and its near misses, imported once."""
    venue = article("r-d02-moch-ichsan-dua-acara", "b", date="2026-03-13 13:00")
    channels = [
        serve(feed_server, "suara-kota", "media",
              [article("r-s01-admin-medsos-kelurahan", "a"), *other_news(0)]),
        serve(feed_server, "kabar-jateng", "media",
              [article("r-s01-admin-medsos-kelurahan", "b"), *other_news(1)]),
        serve(feed_server, "portal-jateng", "media",
              [article("r-s07-copy-between-outlets", "b"), *other_news(2)]),
        serve(feed_server, "diskominfo", "opd",
              [article("r-d01-bimtek-medsos-dua-angkatan", "b")]),
        serve(feed_server, "dp3a", "opd", [venue]),
    ]  # fmt: skip
    write_registry(tmp_path, channels)
    assert run_import(make_settings(tmp_path)) == 0
    event = {"Wali Kota Minta", "212 Pengelola", "Bimtek Medsos", "Forum Anak"}
    meta = [parse_header(p.read_text("utf-8").splitlines()) for p in posts(tmp_path)]
    return {
        m["channel"]: m for m in meta if any(m["title"].startswith(t) for t in event)
    }, read_report(tmp_path)


def test_two_rewrites_and_a_copy_import_as_one_story(imported):
    meta, report = imported
    primary = meta["suara-kota"]["slug"]
    assert meta["suara-kota"]["story"] == primary
    assert "duplicate_of" not in meta["suara-kota"]
    for copier in ("kabar-jateng", "portal-jateng"):
        assert meta[copier]["story"] == primary, copier
        assert meta[copier]["duplicate_of"] == primary, copier
    reason = meta["kabar-jateng"]["story_reason"]
    assert reason.startswith(f"isi mirip dengan {primary}")
    assert "kutipan yang sama" in reason
    assert "212" in reason.partition("angka ")[2]
    assert meta["portal-jateng"]["story_reason"].startswith("teks hampir sama")
    decided = {row["channel"]: row for row in report["stories"]}
    assert "the same quotation" in decided["kabar-jateng"]["reason"]


def test_the_same_programme_and_venue_stay_apart(imported):
    meta, _ = imported
    assert "story" not in meta["diskominfo"]
    assert "duplicate_of" not in meta["diskominfo"]
    assert "story" not in meta["dp3a"]
