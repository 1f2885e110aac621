"""Fixtures for the importer: a feed server on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from feedserver import FeedServer
from importer_testkit import Connections, guard_connections

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


@pytest.fixture(autouse=True)
def connections(monkeypatch: pytest.MonkeyPatch) -> Connections:
    """Every test's connections, guarded (``guard_connections``)."""
    return guard_connections(monkeypatch)
