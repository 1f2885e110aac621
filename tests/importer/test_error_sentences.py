"""Every way a channel fails, as the importer words it, has a plain Indonesian
sentence on the health page (``kanal.messages``): real failures, over HTTP."""

import socket

import pytest
from feedserver import Response, redirect, stall
from importer_testkit import fixture_bytes, make_settings, read_state, write_registry

from pelita.build.kanal.messages import FALLBACK, indonesian_error, is_known
from pelita.importer.cli import run_import
from pelita.importer.errors import BlockedAddressError
from pelita.importer.fetching.netpolicy import NetworkPolicy


class Resolver:
    """Names under the test's control: one unknown host."""

    async def __call__(self, host, port):
        raise OSError(f"[Errno -2] Name or service not known: {host}")


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def failing_channels(server):
    add = server.add
    loop = add("/loop", redirect("/loop"))
    chain = [add(f"/r{n}", redirect(f"/r{n + 1}")) for n in range(8)]
    return {
        "hilang": server.url("/tidak-ada"),
        "dihapus": add("/gone", Response(b"", status=410)),
        "dilarang": add("/forbidden", Response(b"", status=403)),
        "login": add("/login", Response(b"", status=401)),
        "rusak": add("/error", Response(b"oops", status=500)),
        "antre": add("/busy", Response(b"", status=429, headers={"Retry-After": "60"})),
        "halaman": add("/page", Response(fixture_bytes("html-page.html"),
                                         content_type="text/html")),
        "kosong": add("/blank", Response(b"  ")),
        "bukan": add("/text", Response(b"hanya teks biasa", content_type="text/plain")),
        "macet": add("/stall", stall),
        "berputar": loop,
        "berantai": chain[0],
        "besar": add("/big", Response(b"<rss>" + b"x" * 8192)),
        "tutup": f"http://127.0.0.1:{closed_port()}/feed",
        "ftp": add("/ftp", redirect("ftp://files.example.net/feed")),
        "tanpa-nama": "http://feed.tidak-ada.test/feed",
    }  # fmt: skip


@pytest.fixture(scope="module")
def errors(tmp_path_factory):
    from feedserver import FeedServer

    server = FeedServer().start()
    root = tmp_path_factory.mktemp("errors")
    try:
        routes = failing_channels(server)
        write_registry(root, [{"id": i, "url": u} for i, u in routes.items()])
        settings = make_settings(root, max_bytes=4096, deadline=1.5, read_timeout=0.5)
        run_import(settings, resolver=Resolver())
        states = read_state(root)["channels"]
    finally:
        server.stop()
    return {ident: states[ident]["last_error"] for ident in routes}


def test_every_failure_is_recorded(errors):
    assert all(errors.values()), errors


def test_every_failure_has_a_plain_indonesian_sentence(errors):
    unknown = {ident: text for ident, text in errors.items() if not is_known(text)}
    assert unknown == {}


@pytest.mark.parametrize(
    ("ident", "words"),
    [
        ("hilang", "tidak ditemukan (404)"),
        ("dihapus", "sudah dihapus (410)"),
        ("dilarang", "menolak Pelita (403)"),
        ("login", "meminta login"),
        ("rusak", "sedang bermasalah"),
        ("antre", "menunggu"),
        ("halaman", "halaman web biasa, bukan feed"),
        ("kosong", "dokumen kosong"),
        ("bukan", "bukan feed RSS, Atom, atau JSON Feed"),
        ("macet", "Server kanal"),
        ("berputar", "berputar-putar"),
        ("berantai", "terlalu sering"),
        ("besar", "terlalu besar"),
        ("tutup", "tidak bisa dihubungi"),
        ("ftp", "tidak diizinkan"),
        ("tanpa-nama", "tidak ditemukan. Periksa ejaan"),
    ],
)
def test_the_sentence_fits_the_failure(errors, ident, words):
    assert words in indonesian_error(errors[ident])


def test_a_feed_that_suddenly_empties_is_said_plainly(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(fixture_bytes("wordpress-rss2.xml")))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run_import(make_settings(tmp_path))
    feed_server.add("/feed", Response(fixture_bytes("empty.xml")))
    run_import(make_settings(tmp_path))
    message = read_state(tmp_path)["channels"]["dlh"]["last_error"]
    assert "mendadak kosong" in indonesian_error(message)


def test_a_private_address_and_unknown_words_are_said_plainly():
    with pytest.raises(BlockedAddressError) as caught:
        NetworkPolicy().check("intranet.test", ["10.1.2.3"])
    assert "jaringan internal" in indonesian_error(str(caught.value))
    assert indonesian_error("something new went wrong") == FALLBACK
    assert indonesian_error(None) is None
