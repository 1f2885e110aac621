"""Every feed format and encoding the channels send becomes clean entries."""

import time

import pytest
from importer_testkit import fetch_result, fixture_bytes

from pelita.importer.errors import FeedError
from pelita.importer.feeds.entries import FeedJob, process_feed
from pelita.importer.model import Channel

CHANNEL = Channel("c", "C", "media", "https://feeds.example.go.id/feed/")


def parse(name, content_type="application/xml"):
    return process_feed(
        FeedJob(CHANNEL, fetch_result(fixture_bytes(name), content_type))
    )


def test_wordpress_rss_uses_full_content_and_cleans_it():
    doc = parse("wordpress-rss2.xml")
    assert doc.version == "rss20"
    first = doc.entries[0]
    assert (
        first.title == "Bank Sampah Kelurahan Meteseh Raih Penghargaan Adipura Kencana"
    )
    assert first.guid == "https://dlh.semarangkota.go.id/?p=4821"
    assert first.author == "Admin DLH"
    assert first.tags == ("Berita", "Lingkungan")  # "Uncategorized" dropped
    assert "utm_source" not in first.link
    assert "| 2023 | 412 |" in first.body  # the table survived
    assert "appeared first on" not in first.body
    assert "- pemilahan sampah rumah tangga," in first.body
    assert "> “Ini hasil kerja bersama warga,” kata Lurah Meteseh." in first.body
    assert "*Pengurus bank sampah menerima piala di Jakarta.*" in first.body
    assert "feedburner" not in first.body
    assert first.summary.startswith("Bank sampah binaan warga Meteseh")
    assert not first.summary.endswith("]")
    assert first.image.url.endswith("/wp-content/uploads/2024/10/bank-sampah.jpg")


def test_rss_0_91_and_1_0_are_read():
    assert parse("rss091.xml").entries[0].title == "Lawang Sewu Buka Malam"
    rdf = parse("rss10.rdf")
    assert rdf.version == "rss10"
    assert rdf.entries[0].published.isoformat() == "2024-11-02T05:00:00+07:00"


def test_atom_resolves_xml_base_and_reads_html_titles():
    first, second = parse("atom.xml").entries
    assert first.title == "Semarang Raih Smart City Award 2024"
    assert first.link == "https://humas.semarangkota.go.id/berita/2024/smart-city-award"
    assert "](https://humas.semarangkota.go.id/berita/acara/penghargaan)" in first.body
    assert first.image.url == "https://humas.semarangkota.go.id/gambar/piala.jpg"
    assert first.updated.isoformat() == "2024-10-16T10:00:00+07:00"
    assert "Isi **XHTML**." in second.body


def test_youtube_entry_is_a_video_with_its_thumbnail():
    (entry,) = parse("youtube.xml").entries
    assert entry.video_url == "https://www.youtube.com/watch?v=Ab3dE6gH9jK"
    assert entry.image.url == "https://i3.ytimg.com/vi/Ab3dE6gH9jK/hqdefault.jpg"
    assert (
        "[https://semarangkota.go.id/festival](https://semarangkota.go.id/festival)"
        in (entry.body)
    )
    assert "&lt;b&gt;bukan tag&lt;/b&gt;" in entry.body  # description is text


def test_json_feed():
    doc = parse("jsonfeed.json", "application/feed+json")
    assert doc.version == "json11"
    first, second = doc.entries
    assert first.tags == ("olahraga", "warga")
    assert first.image.url == "https://meteseh.example.go.id/media/senam-besar.jpg"
    assert "![Senam](https://meteseh.example.go.id/media/senam.jpg)" in first.body
    assert first.author == "Admin Kelurahan"
    assert second.guid == "32"
    assert second.author == "Lurah"
    assert second.title.startswith("Pengumuman: pelayanan KTP")


def test_json_feed_is_recognized_without_its_content_type():
    doc = parse("jsonfeed.json", "text/plain")
    assert len(doc.entries) == 2


@pytest.mark.parametrize(
    "body",
    [b'{"items": []}', b'{"version": "https://jsonfeed.org/version/1.1"}', b"{nope"],
)
def test_broken_json_feeds_are_errors(body):
    with pytest.raises(FeedError, match="not a feed"):
        process_feed(FeedJob(CHANNEL, fetch_result(body, "application/json")))


def test_windows_1252_is_decoded():
    (entry,) = parse("windows-1252.xml").entries
    assert entry.title == "\u201cGerakan Sehat\u201d di Caf\u00e9 Kota \u2013 Rp 10.000"
    assert "€0" in entry.body


def test_utf16_is_decoded():
    (entry,) = parse("utf16.xml").entries
    assert entry.title == "Kerja Bakti · Jomblang \U0001f9f9"


def test_entity_expansion_bomb_is_not_expanded():
    started = time.monotonic()
    (entry,) = parse("entity-bomb.xml").entries
    assert time.monotonic() - started < 2
    assert "lollol" not in entry.title + entry.body
    assert len(entry.body) < 200


def test_html_page_with_status_200_is_a_plain_error():
    with pytest.raises(FeedError, match="web page \\(HTML\\), not a feed") as info:
        parse("html-page.html", "text/html; charset=utf-8")
    assert "https://feeds.example.go.id/feed/" in str(info.value)


def test_html_page_served_as_xml_is_still_recognized():
    with pytest.raises(FeedError, match="web page"):
        parse("html-page.html", "application/xml")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("rss10.rdf", "text/html"), ("jsonfeed.json", "text/html; charset=utf-8"),
     ("wordpress-rss2.xml", "text/html")],
)  # fmt: skip
def test_feeds_served_as_html_are_still_feeds(name, kind):
    assert parse(name, kind).entries


def test_empty_body_is_an_error():
    with pytest.raises(FeedError, match="empty document"):
        process_feed(FeedJob(CHANNEL, fetch_result(b"  \n")))


def test_garbage_is_not_a_feed():
    with pytest.raises(FeedError, match="not a feed"):
        process_feed(FeedJob(CHANNEL, fetch_result(b"\x00\x01binary junk")))


def test_malformed_feed_still_yields_entries_with_a_warning():
    doc = parse("malformed.xml")
    assert [e.title for e in doc.entries] == ["Masih terbaca"]
    assert doc.warnings and "not well-formed" in doc.warnings[0]


def test_empty_feed_has_no_entries():
    assert parse("empty.xml").entries == ()


def test_max_entries_caps_a_huge_feed():
    items = "".join(
        f"<item><title>T{i}</title><guid>g{i}</guid><description>x</description></item>"
        for i in range(30)
    )
    body = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>"
    doc = process_feed(FeedJob(CHANNEL, fetch_result(body.encode()), max_entries=10))
    assert len(doc.entries) == 10
    assert doc.skipped == 20


@pytest.mark.parametrize("tag", ["b", "blockquote", "div", "li"])
def test_absurdly_deep_nesting_keeps_the_words(tag):
    html = f"<{tag}>" * 5000 + "kata terakhir" + f"</{tag}>" * 5000
    body = (
        "<rss version='2.0'><channel><title>t</title><item><title>Dalam</title>"
        f"<guid>d</guid><description><![CDATA[{html}]]></description></item>"
        "</channel></rss>"
    )
    (entry,) = process_feed(FeedJob(CHANNEL, fetch_result(body.encode()))).entries
    assert "kata terakhir" in entry.body


def test_external_entities_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-KOTA", "utf-8")
    body = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM '
        f'"{secret.as_uri()}">]><rss version="2.0"><channel><title>t</title>'
        "<item><title>Judul &xxe;</title><guid>x</guid>"
        "<description>Isi &xxe;</description></item></channel></rss>"
    )
    (entry,) = process_feed(FeedJob(CHANNEL, fetch_result(body.encode()))).entries
    assert "RAHASIA" not in entry.title + entry.body + entry.summary
