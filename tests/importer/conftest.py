"""Fixtures for the importer: a feed server on 127.0.0.1."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from feedserver import FeedServer


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A running server; stopped (and its waiting handlers released) after."""
    server = FeedServer().start()
    yield server
    server.stop()
