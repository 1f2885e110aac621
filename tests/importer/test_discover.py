"""Feed autodiscovery: a channel given by its site's address finds its feed."""

import pytest
from feedserver import Response, redirect, send_response
from importer_testkit import (
    FakeResolver,
    fetch_result,
    fixture_bytes,
    make_settings,
    posts,
    read_report,
    read_state,
    write_registry,
)
from sitekit import HTML, page

from pelita.importer.cli import run_import
from pelita.importer.fetching.discover import linked_feeds, wordpress_guesses
from pelita.importer.writing.report import ChannelReport, discovery_lines

WORDPRESS = fixture_bytes("wordpress-rss2.xml")
HOME = "https://kelurahan.example.go.id/berita/"


def links_of(head: str, url: str = HOME) -> list[str]:
    return linked_feeds(fetch_result(page("<p>Beranda</p>", head=head), HTML, url))


def test_linked_feeds_resolve_against_the_page_and_its_base():
    head = (
        '<link rel="alternate" type="application/rss+xml" href="../feed/">'
        '<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
    )
    assert links_of(head) == [
        "https://kelurahan.example.go.id/feed/",
        "https://kelurahan.example.go.id/atom.xml",
    ]
    based = '<base href="https://cdn.example.go.id/situs/">' + head
    assert links_of(based)[0] == "https://cdn.example.go.id/feed/"


def test_rss_comes_first_and_comment_feeds_never():
    head = (
        '<link rel="alternate" type="application/feed+json" href="/feed.json">'
        '<link rel="alternate" type="application/rss+xml" title="Situs &raquo; Umpan'
        ' Komentar" href="/comments/feed/">'
        '<LINK REL="Alternate" TYPE="Application/Atom+XML" href="/atom/">'
        '<link rel="alternate" type="application/rss+xml" href="/feed/">'
        '<link rel="alternate" type="text/html" href="/en/">'
        '<link rel="stylesheet" type="application/rss+xml" href="/not-a-feed/">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
    )
    assert links_of(head) == [
        "https://kelurahan.example.go.id/feed/",
        "https://kelurahan.example.go.id/atom/",
        "https://kelurahan.example.go.id/feed.json",
    ]


def test_wordpress_addresses_are_on_the_site_root():
    assert wordpress_guesses("https://dinas.example.go.id/berita/?p=2") == [
        "https://dinas.example.go.id/feed/",
        "https://dinas.example.go.id/?feed=rss2",
    ]


def run(root, **importer):
    return run_import(make_settings(root, **importer))


def channel_report(root, ident="situs"):
    return next(c for c in read_report(root)["channels"] if c["id"] == ident)


def wordpress_site(server, feed_head=True, feed_path="/feed/"):
    head = (
        f'<link rel="alternate" type="application/rss+xml" href="{feed_path}">'
        if feed_head
        else ""
    )
    url = server.add(
        "/", Response(page("<h1>Beranda</h1>", head=head), content_type=HTML)
    )
    server.add(feed_path.split("?")[0], Response(WORDPRESS, etag='"wp1"'))
    return url


def test_a_site_address_imports_the_feed_it_links_and_records_it(
    tmp_path, feed_server, capsys
):
    url = wordpress_site(feed_server, feed_path="/wp/rss/")
    write_registry(tmp_path, [{"id": "situs", "url": url}])
    assert run(tmp_path) == 0
    summary = capsys.readouterr().out
    assert f"  situs: {url} -> {feed_server.url('/wp/rss/')}" in summary
    report = channel_report(tmp_path)
    found = feed_server.url("/wp/rss/")
    assert (report["status"], report["new"], report["discovered_feed"]) == (
        "ok",
        2,
        found,
    )
    state = read_state(tmp_path)["channels"]["situs"]
    assert (state["url"], state["feed_url"], state["etag"]) == (url, found, '"wp1"')
    assert len(posts(tmp_path)) == 2


def test_later_runs_fetch_the_found_feed_directly_with_conditional_get(
    tmp_path, feed_server
):
    url = wordpress_site(feed_server)
    write_registry(tmp_path, [{"id": "situs", "url": url}])
    run(tmp_path)
    assert run(tmp_path) == 0
    assert len(feed_server.requests_to("/")) == 1
    second = feed_server.requests_to("/feed/")[1]
    assert second.headers["If-None-Match"] == '"wp1"'
    report = channel_report(tmp_path)
    assert (report["status"], report["discovered_feed"]) == (
        "not_modified",
        feed_server.url("/feed/"),
    )


def by_query(home: Response, feed: Response):
    """WordPress's front page: the feed when asked with ``?feed=rss2``."""

    def handler(request, server):
        send_response(request, feed if "feed=rss2" in request.path else home)

    return handler


def test_wordpress_paths_are_tried_when_the_page_links_no_feed(tmp_path, feed_server):
    home = Response(page("<p>Tanpa tautan umpan</p>"), content_type=HTML)
    url = feed_server.add("/", by_query(home, Response(WORDPRESS)))
    feed_server.add("/feed/", Response(b"", status=404))
    write_registry(tmp_path, [{"id": "situs", "url": url}])
    assert run(tmp_path) == 0
    assert channel_report(tmp_path)["new"] == 2
    pages = [s.path for s in feed_server.seen if "/uploads/" not in s.path]
    assert pages == ["/", "/feed/", "/?feed=rss2"]  # then the entries' images


def test_a_site_without_any_feed_is_a_channel_error_in_plain_words(
    tmp_path, feed_server
):
    home = Response(page("<p>Beranda</p>"), content_type=HTML)
    url = feed_server.add("/", by_query(home, Response(b"", status=404)))
    feed_server.add("/feed/", Response(page("<p>Halaman</p>"), content_type=HTML))
    write_registry(tmp_path, [{"id": "situs", "url": url}])
    assert run(tmp_path) == 1
    error = channel_report(tmp_path)["error"]
    assert "web page, not a feed, and no feed was found" in error
    assert 'links no feed (<link rel="alternate"' in error
    assert f"{feed_server.url('/feed/')} (a web page)" in error
    assert f"{feed_server.url('/?feed=rss2')} (HTTP 404)" in error
    assert "'format: html'" in error


def test_a_found_feed_that_disappears_is_looked_for_again(tmp_path, feed_server):
    url = wordpress_site(feed_server, feed_path="/lama/feed/")
    write_registry(tmp_path, [{"id": "situs", "url": url}])
    run(tmp_path)
    feed_server.add("/lama/feed/", Response(b"", status=404))
    feed_server.add(
        "/",
        Response(
            page(
                "",
                head='<link rel="alternate" type="application/rss+xml" href="/baru/">',
            ),
            content_type=HTML,
        ),
    )
    feed_server.add("/baru/", Response(WORDPRESS))
    assert run(tmp_path) == 0
    report = channel_report(tmp_path)
    assert report["discovered_feed"] == feed_server.url("/baru/")
    assert (report["new"], report["unchanged"]) == (0, 2)


def test_a_linked_feed_on_a_private_address_is_refused(tmp_path, feed_server):
    """The SSRF guard applies to discovery: checked below the socket."""
    head = '<link rel="alternate" type="application/rss+xml" href="http://intranet.test/feed/">'
    url = feed_server.add("/", Response(page("", head=head), content_type=HTML))
    feed_server.add("/feed/", redirect("http://intranet.test/feed/"))
    resolver = FakeResolver({"intranet.test": ["10.0.0.5"]})
    write_registry(tmp_path, [{"id": "situs", "url": url}])
    settings = make_settings(tmp_path)
    assert run_import(settings, resolver=resolver) == 1
    error = channel_report(tmp_path)["error"]
    assert "http://intranet.test/feed/ (intranet.test resolves to 10.0.0.5" in error
    assert resolver.asked == ["intranet.test", "intranet.test"]
    assert [s.path for s in feed_server.seen] == ["/", "/feed/", "/?feed=rss2"]


def test_the_summary_names_the_feeds_found():
    reports = [
        ChannelReport(
            "a",
            "A",
            "https://a.example/",
            "ok",
            discovered_feed="https://a.example/feed/",
        ),
        ChannelReport("b", "B", "https://b.example/feed/", "ok"),
    ]
    lines = discovery_lines(reports)
    assert "put them in the registry" in lines[0]
    assert lines[1:] == ["  a: https://a.example/ -> https://a.example/feed/"]
    assert discovery_lines(reports[1:]) == []
    # The demo registry gives a site's address on purpose: no fix is asked.
    demo = discovery_lines(reports, demo=True)
    assert "nothing to change" in demo[0] and "put them" not in demo[0]
    assert demo[1:] == lines[1:]


@pytest.mark.parametrize("content_type", ["text/html", "application/xhtml+xml"])
def test_a_feed_served_as_html_is_still_a_feed(tmp_path, feed_server, content_type):
    url = feed_server.add("/feed/", Response(WORDPRESS, content_type=content_type))
    write_registry(tmp_path, [{"id": "situs", "url": url}])
    assert run(tmp_path) == 0
    report = channel_report(tmp_path)
    assert (report["new"], report["discovered_feed"]) == (2, None)
