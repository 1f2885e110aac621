"""Fixtures for the importer: a feed server on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpcore
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from feedserver import FeedServer

from pelita.importer.fetching import netpolicy


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A running server; stopped (and its waiting handlers released) after."""
    server = FeedServer().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No importer test resolves a name: only 127.0.0.1 literals are reachable.

    Feeds name real-looking hosts (in links, images, Content-Location); a
    fetch of one fails here, below the socket, instead of asking a DNS server.
    Tests that need names inject their own resolver.
    """

    async def refuse(host: str, port: int) -> list[str]:
        raise OSError(f"no DNS in tests (asked for {host})")

    monkeypatch.setattr(netpolicy, "system_resolver", refuse)


class Connections:
    """Every TCP connection the importer opened or tried: (address, port)."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, int]] = []


@pytest.fixture(autouse=True)
def connections(monkeypatch: pytest.MonkeyPatch) -> Connections:
    """Below the socket: connections go to 127.0.0.0/8 only, and are recorded.

    Even a broken SSRF guard cannot send a test's traffic elsewhere: a
    connection to any other address fails here, before a socket opens.
    """
    seen = Connections()
    real = httpcore.AnyIOBackend.connect_tcp

    async def connect_tcp(self, host, port, *args, **kwargs):
        seen.attempts.append((host, port))
        if not host.startswith("127."):
            raise httpcore.ConnectError(f"tests connect to loopback only ({host})")
        return await real(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.AnyIOBackend, "connect_tcp", connect_tcp)
    return seen
