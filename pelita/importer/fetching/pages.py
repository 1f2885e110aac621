"""Fetching web pages politely: listings, articles, and pages that hide a feed.

Feeds are fetched once a night, one request per channel. A channel without a
feed costs a request per article page, so pages go through a pacer on top of
the fetcher's limits (at most ``per_host`` connections per host, the same
timeouts, size cap and SSRF policy): requests to one host start at least
``page_delay`` seconds apart, whichever channels they are for. A demo channel
reads its pages from files next to the registry instead, never the network.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from pelita.importer.errors import FetchError
from pelita.importer.model import Channel, FetchResult, Validators

from .http import HttpFetcher
from .local import fetch_local

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


class HostPacer:
    """Spaces the starts of requests to one host by at least ``delay`` seconds."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next_start: dict[str, float] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def wait(self, url: str) -> None:
        """Return when a request to ``url``'s host may start."""
        if self.delay <= 0:
            return
        host = (urlsplit(url).hostname or "").lower()
        async with self._locks[host]:
            ready = self._next_start.get(host, 0.0)
            while (now := time.monotonic()) < ready:
                await asyncio.sleep(ready - now)
            # From the actual start: a sleep that overslept (a busy machine)
            # must not let the next request catch up on its planned time.
            self._next_start[host] = now + self.delay


class PageGetter:
    """Gets documents for HTML channels and feed discovery, within the limits."""

    def __init__(
        self,
        fetcher: HttpFetcher | None,
        registry_dir: Path,
        max_bytes: int,
        delay: float,
    ) -> None:
        self.fetcher = fetcher
        self.registry_dir = registry_dir
        self.max_bytes = max_bytes
        self.pacer = HostPacer(delay)

    async def get(
        self,
        channel: Channel,
        url: str,
        validators: Validators | None = None,
        accept: str = PAGE_ACCEPT,
        polite: bool = True,
    ) -> FetchResult:
        """Fetch ``url`` for ``channel`` (paced unless ``polite`` is off)."""
        if channel.is_local:
            if "://" in url and not url.startswith("file:"):
                raise FetchError(
                    f"{url}: a demo channel reads only files next to the registry"
                )
            return fetch_local(url, self.registry_dir, validators, self.max_bytes)
        if self.fetcher is None:
            raise FetchError(f"{url}: no HTTP client in this run")
        if polite:
            await self.pacer.wait(url)
        return await self.fetcher.fetch(url, validators, accept)
