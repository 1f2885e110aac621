"""Fetching within limits, against a real server on 127.0.0.1."""

import asyncio
import gzip
import ipaddress
import time
from urllib.parse import urlsplit

import pytest
from feedserver import (
    Response,
    chunked,
    drip,
    redirect,
    slow,
    stall,
)

from pelita.importer.errors import FetchError, RetryLater
from pelita.importer.fetching.decode import BodyTooLargeError
from pelita.importer.fetching.http import FetchLimits, HttpFetcher
from pelita.importer.fetching.netpolicy import NetworkPolicy
from pelita.importer.model import Validators

FEED = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
LIMITS = FetchLimits(
    connect_timeout=1.0,
    read_timeout=0.5,
    deadline=1.5,
    max_bytes=64 * 1024,
    max_redirects=5,
    per_host=2,
    user_agent="Pelita/test (+https://example.org/pelita)",
)
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)


def loopback_policy(url):
    """The test server's network and its port, opened as settings would."""
    return NetworkPolicy(LOOPBACK, frozenset({("127.0.0.1", urlsplit(url).port)}))


def fetch(url, validators=None, limits=LIMITS, policy=None):
    async def go():
        async with HttpFetcher(limits, policy or loopback_policy(url)) as fetcher:
            return await fetcher.fetch(url, validators)

    return asyncio.run(go())


def test_fetch_returns_body_headers_and_validators(feed_server):
    url = feed_server.add("/feed", Response(FEED, etag='"v1"', last_modified="Mon"))
    result = fetch(url)
    assert result.body == FEED
    assert result.status == 200
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon"
    assert result.header("Content-Type").startswith("application/rss+xml")
    (seen,) = feed_server.requests_to("/feed")
    assert seen.headers["User-Agent"] == LIMITS.user_agent
    assert "gzip" in seen.headers["Accept-Encoding"]


def test_conditional_get_sends_validators_and_gets_304(feed_server):
    url = feed_server.add("/feed", Response(FEED, etag='"v1"', last_modified="Mon"))
    result = fetch(url, Validators('"v1"', "Mon"))
    assert result.not_modified
    assert result.body == b""
    (seen,) = feed_server.requests_to("/feed")
    assert seen.headers["If-None-Match"] == '"v1"'
    assert seen.headers["If-Modified-Since"] == "Mon"


def test_stalled_server_is_cut_by_the_read_timeout(feed_server):
    url = feed_server.add("/stall", stall)
    started = time.monotonic()
    with pytest.raises(FetchError, match="stopped answering"):
        fetch(url)
    assert time.monotonic() - started < 1.4


def test_byte_a_second_server_is_cut_by_the_deadline(feed_server):
    url = feed_server.add("/drip", drip(FEED * 10, interval=0.2))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no complete answer within 1\.5 s"):
        fetch(url)
    assert 1.4 < time.monotonic() - started < 2.5


def test_redirects_are_followed(feed_server):
    feed_server.add("/final", Response(FEED))
    feed_server.add("/two", redirect("/final", 301))
    url = feed_server.add("/one", redirect(feed_server.url("/two"), 308))
    result = fetch(url)
    assert result.body == FEED
    assert result.final_url == feed_server.url("/final")


def test_redirect_loop_is_detected(feed_server):
    feed_server.add("/a", redirect("/b"))
    url = feed_server.add("/b", redirect("/a"))
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(url)


def test_too_many_redirects(feed_server):
    for hop in range(7):
        feed_server.add(f"/r{hop}", redirect(f"/r{hop + 1}"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(feed_server.url("/r0"))
    assert len(feed_server.seen) == 6


def test_redirect_to_another_scheme_is_refused(feed_server):
    url = feed_server.add("/a", redirect("file:///etc/passwd"))
    with pytest.raises(FetchError, match="only http"):
        fetch(url)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "not found \\(404\\); check the channel's url"),
        (410, "gone \\(410\\)"),
        (500, "HTTP 500"),
        (403, "refuses Pelita \\(403\\)"),
    ],
)
def test_error_statuses_are_explained(feed_server, status, message):
    url = feed_server.add("/x", Response(b"no", status=status))
    with pytest.raises(FetchError, match=message) as info:
        fetch(url)
    assert info.value.status == status


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_read(feed_server, status):
    url = feed_server.add(
        "/busy", Response(b"", status=status, headers={"Retry-After": "3600"})
    )
    started = time.time()
    with pytest.raises(RetryLater) as info:
        fetch(url)
    assert info.value.retry_at is not None
    assert 3590 < info.value.retry_at.timestamp() - started < 3610


def test_retry_after_as_http_date(feed_server):
    url = feed_server.add(
        "/busy",
        Response(
            b"", status=429, headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}
        ),
    )
    with pytest.raises(RetryLater) as info:
        fetch(url)
    assert info.value.retry_at.year == 2099


def test_gzip_is_decoded(feed_server):
    url = feed_server.add("/gz", Response(FEED, encoding="gzip"))
    assert fetch(url).body == FEED


def test_deflate_is_decoded(feed_server):
    url = feed_server.add("/df", Response(FEED, encoding="deflate"))
    assert fetch(url).body == FEED


def test_gzip_bomb_is_cut_at_the_cap_after_decompression(feed_server):
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < LIMITS.max_bytes  # small on the wire
    url = feed_server.add(
        "/bomb",
        Response(bomb, headers={"Content-Encoding": "gzip"}, content_type="text/xml"),
    )
    with pytest.raises(BodyTooLargeError, match="after decompression"):
        fetch(url)


def test_oversized_body_is_refused_by_content_length(feed_server):
    url = feed_server.add("/big", Response(b"x" * (LIMITS.max_bytes + 1)))
    with pytest.raises(BodyTooLargeError, match="over the 65536-byte cap"):
        fetch(url)


def test_oversized_body_without_length_is_cut_while_reading(feed_server):
    url = feed_server.add("/big", chunked(b"x" * (LIMITS.max_bytes * 4)))
    with pytest.raises(BodyTooLargeError):
        fetch(url)


def test_unsupported_encoding_is_named(feed_server):
    url = feed_server.add("/br", Response(FEED, headers={"Content-Encoding": "br"}))
    with pytest.raises(FetchError, match="unsupported Content-Encoding 'br'"):
        fetch(url)


def test_at_most_two_requests_per_host(feed_server):
    url = feed_server.add("/slow", feed_server.track(slow(Response(FEED), 0.2)))

    async def go():
        async with HttpFetcher(LIMITS, loopback_policy(url)) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(url) for _ in range(6)))

    results = asyncio.run(go())
    assert all(r.body == FEED for r in results)
    assert feed_server.max_active == 2


def test_connection_refused_is_a_fetch_error(feed_server):
    port = feed_server.port
    feed_server.stop()
    with pytest.raises(FetchError, match=r"cannot reach 127\.0\.0\.1"):
        fetch(f"http://127.0.0.1:{port}/feed")


def test_bomb_never_inflates_past_the_cap_in_memory():
    import tracemalloc
    import zlib

    from pelita.importer.fetching.decode import BoundedDecoder

    bomb = zlib.compress(b"\0" * (64 * 1024 * 1024), 9)
    decoder = BoundedDecoder("deflate", 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(BodyTooLargeError):
            decoder.feed(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_multi_member_gzip_and_trailing_garbage():
    from pelita.importer.fetching.decode import BoundedDecoder

    decoder = BoundedDecoder("gzip", 1024)
    body = gzip.compress(b"abc") + gzip.compress(b"def") + b"\0\0junk"
    assert decoder.feed(body) + decoder.finish() == b"abcdef"
