"""The run's Markdown summary for the CI job summary."""

import datetime as dt

from feedserver import Response
from importer_testkit import fixture_bytes, make_settings, write_registry

from pelita.importer.cli import main
from pelita.importer.writing.report import ChannelReport
from pelita.importer.writing.summary import summary_markdown

NOW = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC)


def report(ident, status="ok", url="", **counts):
    return ChannelReport(id=ident, name=ident, url=url, status=status, **counts)


def test_trouble_first_then_news_then_how_many_were_quiet():
    reports = [
        report("diam", status="not_modified"),
        report("baru", new=3, images=2),
        report("rusak", status="error", error="HTTP 500 | Internal\nServer Error"),
        report("tunggu", status="error", deferred=True, error="waiting until ..."),
        report("gambar", image_failures=2),
    ]
    text = summary_markdown(reports, 12.34, [{"duplicate_of": "x"}], now=NOW)
    lines = text.splitlines()
    assert lines[0] == "## Pelita import, 2026-11-23 17:00 UTC"
    assert (
        "5 channels: 2 ok, 1 not modified, 2 failed (1 waiting out a backoff)"
        in (lines[2])
    )
    assert "3 new and 0 updated posts" in lines[2]
    assert (
        "2 images stored, 2 left out, 1 posts grouped into stories; 12.3 s."
        in (lines[2])
    )
    rows = [line for line in lines if line.startswith("| ") and "---" not in line][1:]
    assert [row.split(" | ")[0] for row in rows] == [
        "| rusak", "| tunggu", "| baru", "| gambar",
    ]  # fmt: skip
    assert "HTTP 500 \\| Internal Server Error" in rows[0]
    assert rows[1].startswith("| tunggu | ⏸ waiting (backoff) |")
    assert lines[-1] == "1 more channels had nothing new."


def test_feeds_found_from_a_site_address_are_listed_for_the_registry():
    reports = [
        report("situs", status="not_modified", url="https://kel.example/",
               discovered_feed="https://kel.example/feed/"),
        report("biasa", status="not_modified"),
    ]  # fmt: skip
    lines = summary_markdown(reports, 1.0, now=NOW).splitlines()
    assert "Feeds found from a site's address (1)" in lines[-3]
    assert lines[-1] == "- situs: https://kel.example/ → https://kel.example/feed/"
    quiet = summary_markdown(reports[1:], 1.0, now=NOW)
    assert "Feeds found" not in quiet


def test_the_command_writes_the_summary_where_asked(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(fixture_bytes("wordpress-rss2.xml")))
    write_registry(tmp_path, [{"id": "dlh", "url": url, "images": "remote"}])
    settings = make_settings(tmp_path)
    conf = tmp_path / "conf.py"
    conf.write_text(f"IMPORTER = {settings['IMPORTER']!r}\n"
                    f"CATEGORIES = {settings['CATEGORIES']!r}\n"
                    f"REGISTRIES = {settings['REGISTRIES']!r}\n"
                    f"PATH = {settings['PATH']!r}\n", "utf-8")  # fmt: skip
    target = tmp_path / "ci" / "summary.md"
    assert main(["--settings", str(conf), "--summary", str(target)]) == 0
    text = target.read_text("utf-8")
    assert "| dlh | ✅ ok | 2 | 0 | 0 | 0 |  |" in text
    assert not (tmp_path / "state" / "import-summary.md").exists()
    assert main(["--settings", str(conf)]) == 0  # default: beside the report
    assert (tmp_path / "state" / "import-summary.md").is_file()
