"""HTTP fetching within limits: the only module that talks to the network.

One ``HttpFetcher`` serves a whole run: bounded concurrency per host,
connect and read timeouts, a wall-clock deadline per document (a server
dribbling a byte a second cannot hold the run), a size cap counted after
decompression, at most ``max_redirects`` redirects (loops detected), a
User-Agent naming Pelita, conditional GET, ``Retry-After`` on 429/503, and
the SSRF guard of ``netpolicy`` on every connection. Feeds, and later images
and HTML pages, all come through ``HttpFetcher``.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx

from pelita.importer.errors import BlockedAddressError, FetchError, RetryLater
from pelita.importer.model import FetchResult, Validators

from .decode import BodyTooLargeError, BoundedDecoder
from .netpolicy import GuardedBackend, GuardedTransport, NetworkPolicy, Resolver

logger = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, "
    "application/json;q=0.8, */*;q=0.5"
)
_REDIRECTS = (301, 302, 303, 307, 308)
_STATUS_HINTS = {
    401: "the feed needs a login; Pelita reads only public feeds",
    403: "the server refuses Pelita (403); ask the site's admin to allow it",
    404: "not found (404); check the channel's url",
    410: "gone (410); the feed was removed: update the url or disable the channel",
}


@dataclass(frozen=True)
class FetchLimits:
    """The limits every request of a run obeys."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    per_host: int = 2
    user_agent: str = "Pelita"


def retry_after(value: str | None, now: dt.datetime) -> dt.datetime | None:
    """When a ``Retry-After`` header (seconds or an HTTP date) says to return."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return now + dt.timedelta(seconds=int(value))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(when, now)


class HttpFetcher:
    """An httpx client with Pelita's limits; use as ``async with``."""

    def __init__(
        self,
        limits: FetchLimits,
        policy: NetworkPolicy,
        resolver: Resolver | None = None,
        connector: object | None = None,
    ) -> None:
        self.limits = limits
        self.backend = GuardedBackend(policy, resolver, connector)  # type: ignore[arg-type]
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(limits.per_host)
        )
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> HttpFetcher:
        timeout = httpx.Timeout(
            connect=self.limits.connect_timeout,
            read=self.limits.read_timeout,
            write=self.limits.read_timeout,
            pool=self.limits.deadline,
        )
        limits = httpx.Limits(max_connections=256, max_keepalive_connections=64)
        self._client = httpx.AsyncClient(
            transport=GuardedTransport(self.backend, limits),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    @contextlib.asynccontextmanager
    async def _host_slot(self, url: str) -> AsyncIterator[None]:
        async with self._hosts[(urlsplit(url).hostname or "").lower()]:
            yield

    async def fetch(
        self,
        url: str,
        validators: Validators | None = None,
        accept: str = FEED_ACCEPT,
        max_bytes: int | None = None,
    ) -> FetchResult:
        """GET ``url`` within the limits; raise ``FetchError`` in plain words."""
        started = time.monotonic()
        async with self._host_slot(url):
            try:
                async with asyncio.timeout(self.limits.deadline):
                    result = await self._follow(url, validators, accept, max_bytes)
            except TimeoutError as exc:
                raise FetchError(
                    f"no complete answer within {self.limits.deadline:g} s "
                    "(IMPORTER['deadline']); the server is too slow"
                ) from exc
        return _with_seconds(result, time.monotonic() - started)

    def _headers(self, validators: Validators | None, accept: str) -> dict[str, str]:
        headers = {
            "User-Agent": self.limits.user_agent,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
        }
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        return headers

    async def _follow(
        self,
        url: str,
        validators: Validators | None,
        accept: str,
        max_bytes: int | None,
    ) -> FetchResult:
        assert self._client is not None, "use HttpFetcher as 'async with'"
        seen = [url]
        current = url
        while True:
            request = self._client.build_request(
                "GET", current, headers=self._headers(validators, accept)
            )
            response = await self._send(request)
            try:
                target = _redirect_target(response, current)
                if target is None:
                    return await self._finish(url, current, response, max_bytes)
            finally:
                await response.aclose()
            _check_redirect(seen, target, self.limits.max_redirects)
            seen.append(target)
            current = target

    async def _send(self, request: httpx.Request) -> httpx.Response:
        assert self._client is not None
        try:
            return await self._client.send(request, stream=True)
        except BlockedAddressError:
            raise
        except httpx.ConnectTimeout as exc:
            raise FetchError(
                f"no connection to {request.url.host} within "
                f"{self.limits.connect_timeout:g} s"
            ) from exc
        except httpx.ReadTimeout as exc:
            raise FetchError(
                f"{request.url.host} stopped answering (no data for "
                f"{self.limits.read_timeout:g} s)"
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot reach {request.url.host}: {exc}") from exc

    async def _finish(
        self,
        url: str,
        final_url: str,
        response: httpx.Response,
        max_bytes: int | None,
    ) -> FetchResult:
        now = dt.datetime.now(dt.UTC)
        status = response.status_code
        if status in (429, 503):
            when = retry_after(response.headers.get("retry-after"), now)
            wait = f" until {when:%Y-%m-%d %H:%M} UTC" if when else ""
            raise RetryLater(
                f"the server asked Pelita to wait (HTTP {status}){wait}", status, when
            )
        if status == 304:
            return _result(url, final_url, response, b"", now, not_modified=True)
        if status >= 400 or status < 200:
            hint = _STATUS_HINTS.get(status, f"HTTP {status} {response.reason_phrase}")
            raise FetchError(hint, status)
        body = await self._read_body(response, max_bytes or self.limits.max_bytes)
        return _result(url, final_url, response, body, now)

    async def _read_body(self, response: httpx.Response, limit: int) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise BodyTooLargeError(
                f"the body is {int(declared)} bytes, over the {limit}-byte cap "
                "(IMPORTER['max_bytes'])"
            )
        decoder = BoundedDecoder(response.headers.get("content-encoding"), limit)
        parts = []
        raw = 0
        try:
            async for chunk in response.aiter_raw():
                raw += len(chunk)
                if raw > limit:
                    raise BodyTooLargeError(
                        f"the body is over the {limit}-byte cap (IMPORTER['max_bytes'])"
                    )
                parts.append(decoder.feed(chunk))
        except httpx.ReadTimeout as exc:
            raise FetchError(
                "the server stopped sending (no data for "
                f"{self.limits.read_timeout:g} s)"
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"the body could not be read: {exc}") from exc
        parts.append(decoder.finish())
        return b"".join(parts)


def _redirect_target(response: httpx.Response, current: str) -> str | None:
    if response.status_code not in _REDIRECTS:
        return None
    location = response.headers.get("location")
    if not location:
        raise FetchError(f"HTTP {response.status_code} redirect without a Location")
    return urljoin(current, location.strip())


def _check_redirect(seen: list[str], target: str, limit: int) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"redirect to {target!r}: only http(s) may be followed")
    if target in seen:
        chain = " -> ".join([*seen[seen.index(target) :], target])
        raise FetchError(f"redirect loop: {chain}")
    if len(seen) > limit:
        raise FetchError(
            f"more than {limit} redirects (last: {target}); give the final address"
        )


def _result(
    url: str,
    final_url: str,
    response: httpx.Response,
    body: bytes,
    now: dt.datetime,
    *,
    not_modified: bool = False,
) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=final_url,
        status=response.status_code,
        headers=tuple((k.lower(), v) for k, v in response.headers.items()),
        body=body,
        fetched_at=now,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        not_modified=not_modified,
    )


def _with_seconds(result: FetchResult, seconds: float) -> FetchResult:
    return replace(result, seconds=round(seconds, 3))
