"""Public feed test suites imported over loopback: nothing complete is lost.

Every file under ``tests/fixtures/corpus/`` (feedparser's own well-formed
and ill-formed test feeds: RSS 0.9x/1.0/2.0, Atom 1.0, entities; see the
README there) is served from 127.0.0.1 as one channel, and all of them are
imported in one run, as the nightly would. Then:

- every entry whose id, title, link and content feedparser finds is a post;
- a post's date is feedparser's instant wherever the feed gave an offset or
  a zone;
- no channel ends in an internal error (a broken feed is a channel error
  in words, never a crash);
- a second run over the same feeds changes no file.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from xml.sax.saxutils import escape

import feedparser
import pytest
from feedserver import FeedServer, Response
from importer_testkit import (
    REPO,
    FakeResolver,
    guard_connections,
    make_settings,
    posts,
    read_report,
    write_registry,
)

from pelita.importer.cli import run_import
from pelita.importer.feeds.identity import guid_key, link_key
from pelita.importer.writing.metadata import parse_header

FIXTURES = REPO / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"
# The suite's files, and the real feed shapes the importer's tests keep
# (WordPress, YouTube, Atom, RSS 0.91/1.0, the RSS 2.0 specification's sample).
FILES = sorted(
    p
    for folder in (CORPUS, FIXTURES / "feeds")
    for p in folder.rglob("*")
    if p.suffix in (".xml", ".rdf") and "golden" not in p.parts
)
# A date with an offset (+0700, -05:00), Z, or a zone name or letter at its end.
DATES = "korpus-tanggal"
INDONESIAN = {"WIB": 7, "WITA": 8, "WIT": 9}
OLDEST_YEAR = 1995  # the importer's oldest plausible news date
ZONED = re.compile(r"(?:[+-]\d\d:?\d\d|\b[A-Z]{1,4}|Z)\s*$")


def channel_id(index: int) -> str:
    return f"korpus-{index:03d}"


def served_at(path: Path) -> str:
    return "/" + path.relative_to(FIXTURES).as_posix()


def parse(data: bytes, url: str) -> feedparser.FeedParserDict:
    """As the importer parses: ids and links resolved against the feed's URL."""
    headers = {"content-location": url, "content-type": "application/xml"}
    return feedparser.parse(data, response_headers=headers, sanitize_html=False)


def complete_entries(data: bytes, url: str) -> list[feedparser.FeedParserDict]:
    """Entries with an id, a title, a link and content (or a summary)."""
    parsed = parse(data, url)
    return [
        e
        for e in parsed.entries
        if e.get("id") and e.get("title") and e.get("link")
        and (e.get("content") or e.get("summary"))
    ]  # fmt: skip


def zoned_dates() -> list[str]:
    """Every date of the suite that feedparser reads and that names a zone.

    The feeds' own, and the inputs of feedparser's date parser tests
    (``dates.txt``).
    """
    found = set()
    for path in FILES:
        for entry in feedparser.parse(path.read_bytes()).entries:
            for key in ("published", "updated"):
                # dict.get: no fallback from one key to the other (deprecated)
                raw = dict.get(entry, key)
                if raw and dict.get(entry, f"{key}_parsed") and ZONED.search(raw):
                    found.add(" ".join(raw.split()))
    listed = (CORPUS / "feedparser" / "dates.txt").read_text("utf-8").splitlines()
    return sorted(found | set(listed))


def dates_feed() -> bytes:
    """One complete item per date of the suite."""
    items = "".join(
        f"<item><title>Tanggal nomor {i}</title><guid>tanggal-{i}</guid>"
        f"<link>http://tanggal.example/{i}</link><pubDate>{escape(raw)}</pubDate>"
        f"<description>Kabar {i} tentang tanggal {escape(raw)}.</description></item>"
        for i, raw in enumerate(zoned_dates())
    )
    return (
        f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    )


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in posts(root)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Two runs: root, posts after run 1, both reports, server base, start."""
    root = tmp_path_factory.mktemp("corpus")
    server = FeedServer().start()
    try:
        with pytest.MonkeyPatch.context() as patch:
            guard_connections(patch)
            channels = [
                {"id": channel_id(i), "url": server.add(
                    served_at(path),
                    Response(path.read_bytes(), content_type="application/xml"),
                )}
                for i, path in enumerate(FILES)
            ]  # fmt: skip
            dated = Response(dates_feed(), content_type="application/xml")
            channels.append({"id": DATES, "url": server.add("/tanggal.xml", dated)})
            write_registry(root, channels)
            settings = make_settings(root, concurrency=32, deadline=10.0)
            # Names in the feeds (images, links) resolve nowhere.
            resolver = FakeResolver({})
            started = dt.datetime.now(dt.UTC).replace(microsecond=0)
            run_import(settings, resolver=resolver)
            first_posts = snapshot(root)
            first = read_report(root)
            run_import(settings, resolver=resolver)
            second = read_report(root)
    finally:
        server.stop()
    return root, first_posts, first, second, server.base, started


def by_channel(root: Path) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    for path in posts(root):
        header = parse_header(path.read_text("utf-8").splitlines())
        found.setdefault(header["channel"], []).append(header)
    return found


def test_the_corpus_is_a_few_hundred_files():
    assert len(FILES) >= 300


def test_every_complete_entry_is_imported(corpus):
    root, _, report, _, base, _ = corpus
    imported = by_channel(root)
    missing, complete = [], 0
    for index, path in enumerate(FILES):
        ids = {h.get("import_id") for h in imported.get(channel_id(index), [])}
        url = base + served_at(path)
        for entry in complete_entries(path.read_bytes(), url):
            complete += 1
            if not ids & {guid_key(entry.id), link_key(entry.link)}:
                missing.append(f"{served_at(path)}: {entry.id!r}")
    assert missing == []
    assert complete >= 40
    crashed = [c for c in report["channels"] if "internal error" in (c["error"] or "")]
    assert crashed == []


def instant(parsed) -> dt.datetime | None:
    """feedparser's UTC reading, or None for what no news item can carry:
    a year before 1995 (a broken CMS's placeholder, such as 1970), a time
    in the future, or past 9999 (``-99:99`` pushes 9999-12-31 over)."""
    try:
        value = dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC)
    except (ValueError, OverflowError):
        return None
    if value.year < OLDEST_YEAR or value > dt.datetime.now(dt.UTC):
        return None  # a placeholder, or a future date (clamped to the fetch)
    return value


def test_dates_are_feedparsers_instant_where_the_feed_gave_a_zone(corpus):
    """The suite's dates, one item each in the dates channel, as feedparser
    reads them (its date tests are items with a date and nothing else, which
    are no post)."""
    root, _, _, _, base, started = corpus
    headers = by_channel(root)[DATES]
    wrong = []
    entries = parse(dates_feed(), base + "/tanggal.xml").entries
    for entry in entries:
        found = [h for h in headers if h["import_id"] == guid_key(entry.id)]
        if len(found) != 1:
            wrong.append(f"{entry.published!r}: {len(found)} posts")
            continue
        header = found[0]
        got = dt.datetime.fromisoformat(header["date"])
        expected = instant(entry.published_parsed)
        zone = entry.published.split()[-1]
        if expected is not None and zone in INDONESIAN:
            # feedparser does not know WIB, WITA, WIT (it reads the clock as
            # UTC); the importer does.
            expected -= dt.timedelta(hours=INDONESIAN[zone])
        if expected is None:  # no news date: the time the run saw it
            if not started <= got <= dt.datetime.now(dt.UTC):
                wrong.append(f"{entry.published!r}: {got}, not first seen")
        elif got != expected:
            wrong.append(f"{entry.published!r}: {got}, not {expected}")
    assert wrong == []
    assert len(entries) >= 20


def test_a_second_run_changes_nothing(corpus):
    root, first_posts, first, second, _, _ = corpus
    assert snapshot(root) == first_posts
    changed = [
        (c["id"], c["new"], c["updated"])
        for c in second["channels"]
        if c["new"] or c["updated"]
    ]
    assert changed == []
    assert sum(c["new"] for c in first["channels"]) == len(first_posts)
