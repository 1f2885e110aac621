"""SSRF by name, over whole runs: a registry host earns no trust.

The registry names an intranet host; the DNS under the test's control
answers with a private address. Its channel, a feed that redirects to it
and a feed whose image points at it are all refused after resolution,
before any connection (the ``connections`` fixture records every attempt
and lets only 127.0.0.1 through, so a broken guard still sends nothing).
"""

from feedserver import Response, redirect
from importer_testkit import (
    FakeResolver,
    make_settings,
    posts,
    read_report,
    write_registry,
)

from pelita.importer.cli import run_import

INTRANET = "intranet.kota.test"
FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Uji</title><link>{base}/</link><description>d</description>
<item><title>Kabar dengan gambar</title><link>{base}/kabar/</link>
<guid>uji-1</guid><pubDate>Tue, 04 Jun 2024 08:00:00 +0700</pubDate>
<description>Isi kabar.</description>
<media:content url="http://{host}/rahasia.jpg" medium="image" type="image/jpeg"/>
</item></channel></rss>"""


def channel(report, ident):
    return next(c for c in report["channels"] if c["id"] == ident)


def test_a_registry_host_on_an_intranet_address_is_refused(
    tmp_path, feed_server, connections
):
    feed = FEED.format(base=feed_server.base, host=INTRANET).encode()
    write_registry(
        tmp_path,
        [
            {"id": "intranet", "url": f"http://{INTRANET}/feed"},
            {"id": "pindah", "url": feed_server.add("/pindah", redirect(f"http://{INTRANET}/feed"))},
            {"id": "gambar", "url": feed_server.add("/feed", Response(feed))},
        ],
    )  # fmt: skip
    resolver = FakeResolver({INTRANET: ["10.20.30.40"]})
    run_import(make_settings(tmp_path), resolver=resolver)
    report = read_report(tmp_path)
    for ident in ("intranet", "pindah"):
        assert channel(report, ident)["status"] == "error"
        assert (
            "10.20.30.40, a private or reserved address"
            in (channel(report, ident)["error"])
        )
    pictured = channel(report, "gambar")
    assert (pictured["status"], pictured["new"], pictured["image_failures"]) == (
        "ok", 1, 1,
    )  # fmt: skip
    assert "private or reserved" in "\n".join(pictured["notes"])
    assert len(posts(tmp_path)) == 1
    assert set(resolver.asked) == {INTRANET}
    assert {address for address, _ in connections.attempts} == {"127.0.0.1"}


def test_allow_networks_opens_the_intranet_the_city_names(
    tmp_path, feed_server, connections
):
    write_registry(tmp_path, [{"id": "intranet", "url": f"http://{INTRANET}/feed"}])
    resolver = FakeResolver({INTRANET: ["10.20.30.40"]})
    settings = make_settings(tmp_path, allow_networks=["10.20.0.0/16"])
    run_import(settings, resolver=resolver)
    # Allowed: the connection is tried (and stopped below the socket here).
    assert connections.attempts == [("10.20.30.40", 80)]
    assert (
        "private or reserved" not in channel(read_report(tmp_path), "intranet")["error"]
    )


def test_a_port_other_than_80_and_443_needs_the_registry_to_name_it(
    tmp_path, feed_server, connections
):
    """The feed server's own port is named by its registry entry; a link to
    another port of the same host (an image here) is refused unconnected."""
    feed = FEED.format(base=feed_server.base, host="127.0.0.1:6379").encode()
    write_registry(
        tmp_path, [{"id": "gambar", "url": feed_server.add("/feed", Response(feed))}]
    )
    assert run_import(make_settings(tmp_path)) == 0
    pictured = channel(read_report(tmp_path), "gambar")
    assert pictured["image_failures"] == 1
    assert "port 6379 is not allowed" in "\n".join(pictured["notes"])
    assert connections.attempts == [("127.0.0.1", feed_server.port)]
