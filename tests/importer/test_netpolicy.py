"""The SSRF guard, tested below the socket: resolvers and connectors are fakes.

No test here sends traffic anywhere but 127.0.0.1: a "public" or "private"
address only ever reaches a fake connector that records it.
"""

import asyncio
import ipaddress
from pathlib import Path

import httpcore
import pytest
from feedserver import Response, redirect
from importer_testkit import FakeResolver, make_settings

from pelita.importer.errors import BlockedAddressError
from pelita.importer.fetching.http import FetchLimits, HttpFetcher
from pelita.importer.fetching.netpolicy import GuardedBackend, NetworkPolicy
from pelita.importer.model import Channel, HtmlRules
from pelita.importer.run.runner import network_policy
from pelita.importer.settings import load_config

LIMITS = FetchLimits(connect_timeout=1, read_timeout=1, deadline=2, max_bytes=65536)
CONFIG = load_config(make_settings(Path("/nonexistent")))


class RecordingConnector(httpcore.AsyncNetworkBackend):
    """Records where a connection would go; connects only to 127.0.0.1."""

    def __init__(self):
        self.attempts = []

    async def connect_tcp(self, host, port, **kwargs):
        self.attempts.append((host, port))
        if host == "127.0.0.1":
            return await httpcore.AnyIOBackend().connect_tcp(host, port, **kwargs)
        raise httpcore.ConnectError("recorded, not connected")


def connect(backend, host, port=80):
    return asyncio.run(backend.connect_tcp(host, port, timeout=1))


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1",
        "::ffff:10.0.0.1", "::ffff:127.0.0.1", "2002:a00:1::1",
    ],
)  # fmt: skip
def test_private_and_reserved_addresses_are_refused_before_connecting(address):
    resolver = FakeResolver({"intranet.test": [address]})
    connector = RecordingConnector()
    backend = GuardedBackend(NetworkPolicy(), resolver, connector)
    with pytest.raises(BlockedAddressError, match="private or reserved"):
        connect(backend, "intranet.test")
    assert connector.attempts == []


def test_public_address_is_connected_to_by_its_checked_ip():
    resolver = FakeResolver({"cdn.test": ["93.184.216.34"]})
    connector = RecordingConnector()
    backend = GuardedBackend(NetworkPolicy(), resolver, connector)
    with pytest.raises(httpcore.ConnectError, match="recorded"):
        connect(backend, "cdn.test", 443)
    assert connector.attempts == [("93.184.216.34", 443)]


def test_one_private_answer_among_public_ones_blocks_the_host():
    """A DNS answer mixing public and private addresses (rebinding) is refused."""
    resolver = FakeResolver({"mixed.test": ["93.184.216.34", "10.0.0.5"]})
    connector = RecordingConnector()
    backend = GuardedBackend(NetworkPolicy(), resolver, connector)
    with pytest.raises(BlockedAddressError, match=r"10\.0\.0\.5"):
        connect(backend, "mixed.test")
    assert connector.attempts == []


def test_ip_literal_is_checked_without_resolving():
    resolver = FakeResolver({})
    connector = RecordingConnector()
    backend = GuardedBackend(NetworkPolicy(), resolver, connector)
    with pytest.raises(BlockedAddressError):
        connect(backend, "169.254.169.254")
    assert resolver.asked == []
    assert connector.attempts == []


def test_a_registry_host_is_checked_like_any_other():
    """A channel's own host that resolves to an intranet address is refused."""
    resolver = FakeResolver({"intranet.test": ["10.1.2.3"]})
    connector = RecordingConnector()
    channel = Channel("c", "C", "media", "http://INTRANET.test/feed")
    policy = network_policy(CONFIG, [channel])
    backend = GuardedBackend(policy, resolver, connector)
    with pytest.raises(BlockedAddressError, match="private or reserved"):
        connect(backend, "intranet.test")
    assert connector.attempts == []


@pytest.mark.parametrize("port", [22, 25, 6379, 8080, 8443, 9200, 11211])
def test_only_web_ports_are_connected_to(port):
    resolver = FakeResolver({"cdn.test": ["93.184.216.34"]})
    connector = RecordingConnector()
    backend = GuardedBackend(NetworkPolicy(), resolver, connector)
    with pytest.raises(BlockedAddressError, match=rf"port {port} is not allowed"):
        connect(backend, "cdn.test", port)
    assert resolver.asked == []
    assert connector.attempts == []


def test_a_port_the_registry_names_is_open_for_that_host_only():
    resolver = FakeResolver(
        {"dinas.test": ["93.184.216.34"], "lain.test": ["93.184.216.35"]}
    )
    connector = RecordingConnector()
    channel = Channel("c", "C", "media", "https://Dinas.test:8443/feed")
    backend = GuardedBackend(network_policy(CONFIG, [channel]), resolver, connector)
    with pytest.raises(httpcore.ConnectError, match="recorded"):
        connect(backend, "dinas.test", 8443)
    with pytest.raises(BlockedAddressError, match="port 8443"):
        connect(backend, "lain.test", 8443)
    with pytest.raises(BlockedAddressError, match="port 8080"):
        connect(backend, "dinas.test", 8080)
    for port in (80, 443):
        with pytest.raises(httpcore.ConnectError, match="recorded"):
            connect(backend, "lain.test", port)
    assert connector.attempts == [
        ("93.184.216.34", 8443),
        ("93.184.216.35", 80),
        ("93.184.216.35", 443),
    ]


def test_a_channel_following_subdomains_opens_its_port_to_its_own_site_only():
    resolver = FakeResolver(
        {host: ["93.184.216.34"] for host in
         ("indeks.portal.test", "nasional.portal.test", "portal.test.evil.test",
          "lain.test")}
    )  # fmt: skip
    connector = RecordingConnector()
    rules = HtmlRules(items="a", body="body", subdomains=True)
    channel = Channel(
        "c", "C", "media", "http://indeks.portal.test:8080/", format="html", html=rules
    )
    backend = GuardedBackend(network_policy(CONFIG, [channel]), resolver, connector)
    for host in ("indeks.portal.test", "nasional.portal.test"):
        with pytest.raises(httpcore.ConnectError, match="recorded"):
            connect(backend, host, 8080)
    for host in ("portal.test.evil.test", "lain.test"):
        with pytest.raises(BlockedAddressError, match="port 8080"):
            connect(backend, host, 8080)
    plain = Channel("d", "D", "media", "http://indeks.portal.test:8080/")
    backend = GuardedBackend(network_policy(CONFIG, [plain]), resolver, connector)
    with pytest.raises(BlockedAddressError, match="port 8080"):
        connect(backend, "nasional.portal.test", 8080)


def test_allowed_networks_open_a_private_range_explicitly():
    resolver = FakeResolver({"mirror.test": ["10.20.0.7"]})
    connector = RecordingConnector()
    policy = NetworkPolicy((ipaddress.ip_network("10.20.0.0/16"),))
    backend = GuardedBackend(policy, resolver, connector)
    with pytest.raises(httpcore.ConnectError, match="recorded"):
        connect(backend, "mirror.test")
    assert connector.attempts == [("10.20.0.7", 80)]


def test_unresolvable_host_is_a_connect_error():
    backend = GuardedBackend(NetworkPolicy(), FakeResolver({}), RecordingConnector())
    with pytest.raises(httpcore.ConnectError, match=r"cannot resolve nowhere\.test"):
        connect(backend, "nowhere.test")


def loopback(port):
    return NetworkPolicy(
        (ipaddress.ip_network("127.0.0.0/8"),), frozenset({("127.0.0.1", port)})
    )


def test_real_fetch_goes_to_the_resolved_and_checked_address(feed_server):
    """Through httpx: a name resolved by the fake resolver to 127.0.0.1, allowed
    explicitly, reaches the real server on 127.0.0.1."""
    feed_server.add("/feed", Response(b"<rss/>"))
    resolver = FakeResolver({"feeds.test": ["127.0.0.1"]})
    policy = NetworkPolicy(
        (ipaddress.ip_network("127.0.0.0/8"),),
        frozenset({("feeds.test", feed_server.port)}),
    )

    async def go():
        async with HttpFetcher(LIMITS, policy, resolver) as fetcher:
            return await fetcher.fetch(f"http://feeds.test:{feed_server.port}/feed")

    assert asyncio.run(go()).body == b"<rss/>"
    assert resolver.asked == ["feeds.test"]
    assert feed_server.requests_to("/feed")[0].headers["Host"].startswith("feeds.test")


def test_loopback_is_refused_unless_allowed(feed_server):
    url = feed_server.add("/feed", Response(b"<rss/>"))
    policy = NetworkPolicy(named_ports=frozenset({("127.0.0.1", feed_server.port)}))

    async def go():
        async with HttpFetcher(LIMITS, policy) as fetcher:
            return await fetcher.fetch(url)

    with pytest.raises(BlockedAddressError, match="private or reserved"):
        asyncio.run(go())
    assert feed_server.seen == []


def test_every_redirect_is_checked(feed_server):
    """A feed host redirecting to the cloud metadata address is stopped after
    resolution, before any connection to it."""
    url = feed_server.add("/feed", redirect("http://metadata.test/latest/meta-data/"))
    resolver = FakeResolver({"metadata.test": ["169.254.169.254"]})
    connector = RecordingConnector()

    async def go():
        policy = loopback(feed_server.port)
        async with HttpFetcher(LIMITS, policy, resolver, connector) as fetcher:
            return await fetcher.fetch(url)

    with pytest.raises(BlockedAddressError, match=r"169\.254\.169\.254"):
        asyncio.run(go())
    assert resolver.asked == ["metadata.test"]
    assert connector.attempts == [("127.0.0.1", feed_server.port)]
    assert len(feed_server.requests_to("/feed")) == 1


def test_a_redirect_to_another_port_is_refused(feed_server):
    url = feed_server.add("/feed", redirect("http://cdn.test:6379/"))
    resolver = FakeResolver({"cdn.test": ["93.184.216.34"]})
    connector = RecordingConnector()

    async def go():
        policy = loopback(feed_server.port)
        async with HttpFetcher(LIMITS, policy, resolver, connector) as fetcher:
            return await fetcher.fetch(url)

    with pytest.raises(BlockedAddressError, match="port 6379"):
        asyncio.run(go())
    assert resolver.asked == []
    assert connector.attempts == [("127.0.0.1", feed_server.port)]
