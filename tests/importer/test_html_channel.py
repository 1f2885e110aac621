"""Channels without a feed, read from real pages served on 127.0.0.1."""

import itertools

from feedserver import Response, redirect, slow
from importer_testkit import (
    FakeResolver,
    make_settings,
    posts,
    read_report,
    read_state,
    write_registry,
)
from sitekit import (
    HTML,
    HTML_RULES,
    LAZY,
    Site,
    article,
    article_site,
    listing,
    serve_site,
)

from pelita.build.kanal.messages import indonesian_error
from pelita.importer.cli import run_import
from pelita.importer.writing.metadata import parse_header


def register(root, url, **rules):
    channel = {
        "id": "kel-contoh",
        "url": url,
        "format": "html",
        "html": {**HTML_RULES, **rules},
    }
    write_registry(root, [channel])


def run(root, resolver=None, **importer):
    return run_import(make_settings(root, **importer), resolver=resolver)


def report_of(root):
    return read_report(root)["channels"][0]


def headers(root):
    return {
        p.name: parse_header(p.read_text("utf-8").splitlines()) for p in posts(root)
    }


def fetched_articles(server):
    return [s.path for s in server.seen if "/artikel-" in s.path]


def test_first_import_follows_the_listing_pages_up_to_max_pages(tmp_path, feed_server):
    site = article_site(7, per_page=3)  # pages: 7-5, 4-2, 1
    register(tmp_path, serve_site(feed_server, site), max_pages=2)
    assert run(tmp_path) == 0
    report = report_of(tmp_path)
    assert (report["status"], report["new"], report["skipped"]) == ("ok", 6, 0)
    assert feed_server.requests_to("/berita/halaman/3/") == []
    assert sorted(fetched_articles(feed_server)) == sorted(
        f"/berita/artikel-{n}/" for n in range(2, 8)
    )
    dates = {m["title"]: m["date"] for m in headers(tmp_path).values()}
    assert dates["Kerja Bakti Warga RW 07"] == "2026-06-07T08:07:00+07:00"
    assert read_state(tmp_path)["channels"]["kel-contoh"]["entries_in_feed"] == 6


def test_the_listing_is_fetched_with_conditional_get(tmp_path, feed_server):
    register(tmp_path, serve_site(feed_server, article_site(3)))
    run(tmp_path)
    requests = len(feed_server.seen)
    assert run(tmp_path) == 0
    listing_requests = feed_server.requests_to("/berita/")
    assert listing_requests[1].headers["If-None-Match"] == '"daftar-1"'
    assert len(feed_server.seen) == requests + 1  # the 304, nothing else
    assert report_of(tmp_path)["status"] == "not_modified"


def test_known_articles_are_not_fetched_again(tmp_path, feed_server):
    site = article_site(3, per_page=3)
    url = serve_site(feed_server, site)
    register(tmp_path, url)
    run(tmp_path)
    written = {p: p.stat().st_mtime_ns for p in posts(tmp_path)}
    newer = article_site(5, per_page=3)  # two new on top; 2 and 1 on page 2
    newer.etag = '"daftar-2"'
    serve_site(feed_server, newer)
    assert run(tmp_path) == 0
    assert report_of(tmp_path)["new"] == 2
    for number in (1, 2, 3):
        assert len(feed_server.requests_to(f"/berita/artikel-{number}/")) == 1
    for number in (4, 5):
        assert len(feed_server.requests_to(f"/berita/artikel-{number}/")) == 1
    assert {p: p.stat().st_mtime_ns for p in written} == written
    assert feed_server.requests_to("/berita/halaman/2/") == []


def test_relative_links_and_lazy_images_resolve(tmp_path, feed_server):
    body = (
        "<p>Warga menanam pohon.</p>"
        f"<figure><img {LAZY} data-lazy-src='../media/pohon.jpg' alt='Pohon'></figure>"
        "<p><a href='../lain/'>Berita lain</a></p>"
    )
    site = Site(
        [listing([("../../berita/tanam-pohon/", "Tanam pohon")])],
        {"/berita/tanam-pohon/": article(1, body=body)},
    )
    register(tmp_path, serve_site(feed_server, site, "/daftar/berita/"))
    assert run(tmp_path) == 0
    (path,) = posts(tmp_path)
    text = path.read_text("utf-8")
    assert f"![Pohon]({feed_server.url('/berita/media/pohon.jpg')})" in text
    assert f"[Berita lain]({feed_server.url('/berita/lain/')})" in text
    assert f"Source: {feed_server.url('/berita/tanam-pohon/')}" in text


def test_links_to_other_sites_are_not_followed(tmp_path, feed_server):
    resolver = FakeResolver({"lain.test": ["127.0.0.1"]})
    elsewhere = f"http://lain.test:{feed_server.port}/luar/pengumuman/"
    site = Site(
        [listing([("/berita/artikel-1/", "satu"), (elsewhere, "luar")])],
        {"/berita/artikel-1/": article(1)},
    )
    feed_server.add("/luar/pengumuman/", Response(article(9).html(), content_type=HTML))
    register(tmp_path, serve_site(feed_server, site))
    assert run(tmp_path, resolver=resolver) == 0
    report = report_of(tmp_path)
    assert report["new"] == 1
    assert feed_server.requests_to("/luar/pengumuman/") == []
    assert resolver.asked == []
    assert f"not followed, e.g. {elsewhere}" in " ".join(report["notes"])


def test_a_listing_whose_every_link_leaves_the_site_is_a_channel_error(
    tmp_path, feed_server
):
    resolver = FakeResolver({"lain.test": ["127.0.0.1"]})
    elsewhere = f"http://lain.test:{feed_server.port}/luar/pengumuman/"
    register(
        tmp_path, serve_site(feed_server, Site([listing([(elsewhere, "luar")])], {}))
    )
    assert run(tmp_path, resolver=resolver) == 1
    error = report_of(tmp_path)["error"]
    assert "leaves the site" in error
    assert "mengarah ke situs lain" in indonesian_error(error)
    assert resolver.asked == []


def test_a_redesign_that_breaks_the_listing_selector_is_a_channel_error(
    tmp_path, feed_server
):
    url = serve_site(feed_server, article_site(2))
    register(tmp_path, url)
    run(tmp_path)
    redesigned = (
        b"<html><body><section class='berita-terbaru'>"
        b"<h3><a href='/berita/artikel-3/'>Baru</a></h3></section></body></html>"
    )
    feed_server.add("/berita/", Response(redesigned, content_type=HTML, etag='"v2"'))
    assert run(tmp_path) == 1
    report = report_of(tmp_path)
    assert report["status"] == "error"
    assert report["error"].startswith(
        f"html.items '.daftar-berita .judul a' matched nothing on {url}"
    )
    assert "pemilih (selector)" in indonesian_error(report["error"])
    assert len(posts(tmp_path)) == 2  # nothing imported before is lost
    state = read_state(tmp_path)["channels"]["kel-contoh"]
    assert state["consecutive_failures"] == 1


def test_an_article_without_its_body_is_a_warning_naming_selector_and_page(
    tmp_path, feed_server
):
    site = article_site(2)
    site.articles["/berita/artikel-2/"].body_class = "konten-baru"
    register(tmp_path, serve_site(feed_server, site))
    assert run(tmp_path) == 0
    report = report_of(tmp_path)
    assert (report["new"], report["skipped"]) == (1, 1)
    broken = feed_server.url("/berita/artikel-2/")
    assert (
        f"html.body '.isi-berita' matched nothing on {broken}; article skipped"
        in report["notes"]
    )
    state = read_state(tmp_path)["channels"]["kel-contoh"]
    assert "etag" not in state  # the skipped article is tried again next run


def test_when_no_new_article_has_its_body_the_channel_fails(tmp_path, feed_server):
    site = article_site(2)
    for item in site.articles.values():
        item.body_class = "konten-baru"
    register(tmp_path, serve_site(feed_server, site))
    assert run(tmp_path) == 1
    error = report_of(tmp_path)["error"]
    assert error.startswith(
        "html.body '.isi-berita' matched nothing on any of the 2 new article page(s)"
    )
    assert "pemilih (selector)" in indonesian_error(error)
    assert posts(tmp_path) == []


def test_when_no_new_article_page_can_be_fetched_the_channel_fails(
    tmp_path, feed_server
):
    register(tmp_path, serve_site(feed_server, article_site(2)))
    for number in (1, 2):
        feed_server.add(f"/berita/artikel-{number}/", Response(b"", status=404))
    assert run(tmp_path) == 1
    error = report_of(tmp_path)["error"]
    assert error.startswith("none of the 2 new article page(s) could be fetched")
    assert "Tidak satu pun halaman berita baru" in indonesian_error(error)
    assert posts(tmp_path) == []


def test_article_pages_go_at_most_two_at_a_time_per_host(tmp_path, feed_server):
    site = article_site(6)
    serve_site(feed_server, site)
    for path, item in site.articles.items():
        page = Response(item.html(), content_type=HTML)
        feed_server.add(path, feed_server.track(slow(page, 0.15)))
    register(tmp_path, feed_server.url("/berita/"))
    assert run(tmp_path, concurrency=16, per_host=2) == 0
    assert report_of(tmp_path)["new"] == 6
    assert feed_server.max_active == 2


def test_requests_to_one_host_are_spaced_by_the_page_delay(tmp_path, feed_server):
    register(tmp_path, serve_site(feed_server, article_site(4)))
    assert run(tmp_path, page_delay=0.5) == 0
    starts = sorted(s.at for s in feed_server.seen)
    assert len(starts) == 5  # the listing, then four articles
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    # Spaced at the client; the server's clock may see a busy machine's jitter
    # (up to 0.2 s here), never a gap near zero as without the delay.
    assert min(gaps) >= 0.3, gaps


def test_an_article_redirected_to_a_private_address_is_refused(tmp_path, feed_server):
    resolver = FakeResolver({"intranet.test": ["10.1.2.3"]})
    site = article_site(2)
    serve_site(feed_server, site)
    feed_server.add("/berita/artikel-2/", redirect("http://intranet.test/rahasia/"))
    register(tmp_path, feed_server.url("/berita/"))
    assert run(tmp_path, resolver=resolver) == 0
    report = report_of(tmp_path)
    assert report["new"] == 1
    assert any("intranet.test resolves to 10.1.2.3" in n for n in report["notes"])


def test_an_unchanged_run_without_validators_writes_nothing(tmp_path, feed_server):
    site = article_site(2)
    site.etag = None
    register(tmp_path, serve_site(feed_server, site))
    run(tmp_path)
    before = {p: p.stat().st_mtime_ns for p in posts(tmp_path)}
    assert run(tmp_path) == 0
    report = report_of(tmp_path)
    assert (report["status"], report["new"], report["unchanged"]) == ("ok", 0, 0)
    assert {p: p.stat().st_mtime_ns for p in posts(tmp_path)} == before
    assert len(fetched_articles(feed_server)) == 2


def test_an_article_that_breaks_the_reader_is_one_warning(
    tmp_path, feed_server, monkeypatch
):
    from pelita.importer.htmlchannels import reader as htmlchannel

    real = htmlchannel.read_article

    def fragile(job):
        if job.identity.endswith("/artikel-2/"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(job)

    monkeypatch.setattr(htmlchannel, "read_article", fragile)
    register(tmp_path, serve_site(feed_server, article_site(3)))
    assert run(tmp_path) == 0
    report = report_of(tmp_path)
    assert (report["new"], report["skipped"]) == (2, 1)
    assert any(
        "artikel-2/: cannot be read: RecursionError" in n for n in report["notes"]
    )
