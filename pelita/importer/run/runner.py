"""Run the import of many channels at once, within the limits.

Fetches run concurrently (``concurrency`` in all, ``per_host`` per host);
parsing and converting run in worker processes when there are many feeds,
so the main process keeps the network busy; writing happens in the main
process, one entry at a time, so slugs are handed out without races. One
channel's failure, whatever it is, is that channel's error in the report
and never stops the others. A channel whose ``url`` is a web page has its
feed discovered (``fetching.discover``); a ``format: html`` channel is read
from its pages (``htmlchannels.reader``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pelita.importer.errors import FeedError, FetchError, RetryLater
from pelita.importer.fetching.discover import fetch_channel_feed
from pelita.importer.fetching.http import FetchLimits, HttpFetcher
from pelita.importer.fetching.netpolicy import NetworkPolicy, Resolver
from pelita.importer.fetching.pages import PageGetter
from pelita.importer.htmlchannels.page import site_domain
from pelita.importer.model import Channel, FeedDocument, FetchResult
from pelita.importer.settings import ImporterConfig
from pelita.importer.writing.report import (
    STATUS_ERROR,
    STATUS_NOT_MODIFIED,
    STATUS_OK,
    ChannelReport,
)
from pelita.importer.writing.state import (
    ChannelState,
    after_failure,
    after_success,
    is_due,
)

from .channel import ChannelImporter, ChannelTally
from .progress import RunProgress
from .workers import WorkerPool, worker_count

if TYPE_CHECKING:
    from pelita.importer.htmlchannels.noise import NoiseRules
from pelita.importer.writing.files import Outcome

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunOptions:
    """How this run differs from a plain nightly run."""

    dry_run: bool = False
    force: bool = False  # ignore backoff (``--only`` sets it)
    resolver: Resolver | None = None


def fetch_limits(config: ImporterConfig) -> FetchLimits:
    """The fetch limits of a configuration."""
    return FetchLimits(
        connect_timeout=config.connect_timeout,
        read_timeout=config.read_timeout,
        deadline=config.deadline,
        max_bytes=config.max_bytes,
        max_redirects=config.max_redirects,
        per_host=config.per_host,
        user_agent=config.user_agent,
    )


def network_policy(config: ImporterConfig, channels: list[Channel]) -> NetworkPolicy:
    """Public addresses, the configured networks, and the registry's own ports.

    The registry opens no address (its hosts are checked like any other),
    only the port an entry's url names, for that entry's host.
    """
    ports = {_named_port(c.url) for c in channels if not c.is_local}
    # A channel that follows sibling subdomains reaches them on its own port.
    domains = {
        (site_domain(p[0]), p[1])
        for c in channels
        if c.html is not None and c.html.subdomains and not c.is_local
        for p in [_named_port(c.url)]
        if p
    }
    return NetworkPolicy(
        config.allow_networks, frozenset(p for p in ports if p), frozenset(domains)
    )


def _named_port(url: str) -> tuple[str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return parts.hostname.lower().rstrip("."), port


def _report(
    channel: Channel, status: str, seconds: float, tally: ChannelTally | None = None
) -> ChannelReport:
    counts = tally.counts if tally else {}
    return ChannelReport(
        id=channel.id,
        name=channel.name,
        url=channel.url,
        status=status,
        new=counts.get(Outcome.NEW, 0),
        updated=counts.get(Outcome.UPDATED, 0),
        unchanged=counts.get(Outcome.UNCHANGED, 0),
        kept_admin_edit=counts.get(Outcome.KEPT_ADMIN_EDIT, 0),
        skipped=counts.get(Outcome.SKIPPED, 0),
        seconds=round(seconds, 3),
        date_fallbacks=tally.date_fallbacks if tally else 0,
        notes=tuple(tally.notes) if tally else (),
        images=tally.images if tally else 0,
        image_failures=tally.image_failures if tally else 0,
    )


def _deferred(channel: Channel, state: ChannelState) -> ChannelReport:
    return replace(
        _report(channel, STATUS_ERROR, 0.0),
        deferred=True,
        error=(
            f"waiting until {state.next_attempt} after "
            f"{state.consecutive_failures} failure(s) in a row; last error: "
            f"{state.last_error}"
        ),
    )


class ImportRun:
    """One run over a list of channels; ``states`` is updated in place."""

    def __init__(
        self,
        config: ImporterConfig,
        states: dict[str, ChannelState],
        importer: ChannelImporter,
        options: RunOptions,
    ) -> None:
        self.config = config
        self.states = states
        self.importer = importer
        self.options = options
        self.file_root = config.channels_file.parent.resolve().as_uri() + "/"
        self._pages: PageGetter | None = None
        self._noise: NoiseRules | None = None
        self._workers = WorkerPool(0)

    async def run(
        self, channels: list[Channel], progress: RunProgress
    ) -> list[ChannelReport]:
        """Import every channel; reports in the registry's order."""
        now = dt.datetime.now(dt.UTC)
        reports: dict[str, ChannelReport] = {}
        due = []
        for channel in channels:
            state = self.states.get(channel.id, ChannelState())
            if self.options.force or is_due(state, now):
                due.append(channel)
            else:
                reports[channel.id] = _deferred(channel, state)
                progress.finished(reports[channel.id])
        policy = network_policy(self.config, channels)
        limits = fetch_limits(self.config)
        if any(c.format == "html" for c in due):
            from pelita.importer.htmlchannels.noise import load_noise_rules  # noqa: PLC0415 - HTML channels only

            self._noise = load_noise_rules(self.config.noise_file)
        self._workers = WorkerPool(worker_count(self.config.workers, len(due)))
        try:
            async with HttpFetcher(limits, policy, self.options.resolver) as fetcher:
                self._fetcher = fetcher
                self.importer.media.use_fetcher(fetcher)
                self._pages = PageGetter(
                    fetcher,
                    self.config.channels_file.parent,
                    self.config.max_bytes,
                    self.config.page_delay,
                )
                slots = asyncio.Semaphore(self.config.concurrency)
                done = await asyncio.gather(
                    *(self._channel(c, slots, progress) for c in due)
                )
        finally:
            self._workers.shutdown()
        reports.update((r.id, r) for r in done)
        return [reports[c.id] for c in channels]

    async def _channel(
        self, channel: Channel, slots: asyncio.Semaphore, progress: RunProgress
    ) -> ChannelReport:
        started = time.monotonic()
        state = self.states.get(channel.id, ChannelState())
        backoff = (self.config.backoff_base, self.config.backoff_max)
        try:
            report, state = await self._import(channel, state, slots)
            report = replace(report, seconds=round(time.monotonic() - started, 3))
        except Exception as exc:
            message = str(exc) if isinstance(exc, FetchError | FeedError) else None
            if message is None:
                logger.exception("importer: %s: unexpected error", channel.id)
                message = f"internal error: {exc!r}"
            retry_at = exc.retry_at if isinstance(exc, RetryLater) else None
            now = dt.datetime.now(dt.UTC)
            state = after_failure(state, now, message, backoff, retry_at)
            report = replace(
                _report(channel, STATUS_ERROR, time.monotonic() - started),
                error=message,
            )
        self.states[channel.id] = state
        progress.finished(report)
        return report

    async def _import(
        self, channel: Channel, state: ChannelState, slots: asyncio.Semaphore
    ) -> tuple[ChannelReport, ChannelState]:
        assert self._pages is not None
        if channel.format == "html":
            async with slots:
                return await self._import_html(channel, state)
        async with slots:
            source = await fetch_channel_feed(channel, state, self._pages)
        result, found = source.result, source.feed_url
        now = result.fetched_at
        if result.not_modified:
            state = after_success(state, now, url=channel.url)
            report = _report(channel, STATUS_NOT_MODIFIED, 0.0)
            return replace(report, discovered_feed=state.feed_url), state
        document = await self._process(channel, result)
        if not document.entries and state.entries_in_feed:
            raise FeedError(
                "the feed has no entries now; it had "
                f"{state.entries_in_feed} at the last import (a broken feed?)"
            )
        state, tally = await self.importer.import_document(
            channel, document, state, now
        )
        tally.notes.extend(document.warnings)
        state = after_success(
            state,
            now,
            url=channel.url,
            feed_url=found,
            etag=result.etag,
            last_modified=result.last_modified,
        )
        report = _report(channel, STATUS_OK, 0.0, tally)
        return replace(report, discovered_feed=found), state

    async def _import_html(
        self, channel: Channel, state: ChannelState
    ) -> tuple[ChannelReport, ChannelState]:
        # Loaded on first use: a run without HTML channels never needs them.
        from pelita.importer.htmlchannels.reader import HtmlChannelReader  # noqa: PLC0415

        assert self._pages is not None and self._noise is not None
        reader = HtmlChannelReader(
            self._pages,
            self._workers,
            self.importer,
            noise=self._noise,
            max_entries=self.config.max_entries,
            file_root=self.file_root if channel.is_local else None,
        )
        outcome = await reader.run(channel, state)
        if outcome.tally is None:
            return _report(channel, STATUS_NOT_MODIFIED, 0.0), outcome.state
        return _report(channel, STATUS_OK, 0.0, outcome.tally), outcome.state

    async def _process(self, channel: Channel, result: FetchResult) -> FeedDocument:
        # Loaded on first use: a run of 304s never needs the parsing stack.
        from pelita.importer.feeds.entries import FeedJob, process_feed  # noqa: PLC0415

        job = FeedJob(
            channel,
            result,
            self.config.max_entries,
            self.file_root if channel.is_local else None,
        )
        return await self._workers.run(process_feed, job)
