"""Import a channel that has no feed: its listing page and its article pages.

The listing is fetched with conditional GET (its ETag/Last-Modified kept in
the state like a feed's, but only once every article it listed was read, so
an article that failed is tried again). On the first import (no state for
the channel yet) the listing's next pages are followed up to
``html.max_pages``. Articles already imported are never fetched again; new
ones are fetched through the pacer (``page_delay`` between requests to one
host, at most ``per_host`` at once), read into entries, and handed to the
same identity, media and write steps as a feed's entries.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from pelita.importer.errors import FeedError, FetchError
from pelita.importer.feeds.identity import Identity, link_key, page_key
from pelita.importer.fetching.local import registry_relative
from pelita.importer.fetching.pages import PageGetter
from pelita.importer.model import (
    Channel,
    FeedDocument,
    FetchResult,
    HtmlRules,
    Validators,
)
from pelita.importer.run.channel import ChannelImporter, ChannelTally
from pelita.importer.run.workers import WorkerPool
from pelita.importer.writing.index import EntryIndex
from pelita.importer.writing.state import ChannelState, after_success

from .article import ArticleJob, ArticleRead, read_article
from .listing import Listing, ListingJob, read_listing
from .noise import NoiseRules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlOutcome:
    """How an HTML channel's run ended: not modified, or its tally."""

    state: ChannelState
    tally: ChannelTally | None = None  # None: the listing was not modified


@dataclass(frozen=True)
class _Fetched:
    """One new article: its listing link and what became of it."""

    url: str
    read: ArticleRead | None = None
    error: str | None = None


class HtmlChannelReader:
    """Reads HTML channels for one run (shares the run's fetcher and workers)."""

    def __init__(
        self,
        pages: PageGetter,
        workers: WorkerPool,
        importer: ChannelImporter,
        *,
        noise: NoiseRules,
        max_entries: int,
        file_root: str | None,
    ) -> None:
        self.pages = pages
        self.workers = workers
        self.importer = importer
        self.noise = noise
        self.max_entries = max_entries
        self.file_root = file_root

    def _shown(self, url: str) -> str:
        return registry_relative(url, self.pages.registry_dir)

    async def run(self, channel: Channel, state: ChannelState) -> HtmlOutcome:
        """Import the channel's new articles; ``FeedError`` when it is broken."""
        rules = channel.html
        assert rules is not None, "an HTML channel has an html: block"
        first = state.last_success is None and not state.entries
        same = state.url == channel.url and not first
        validators = Validators(state.etag, state.last_modified) if same else None
        page = await self.pages.get(channel, channel.url, validators)
        if page.not_modified:
            return HtmlOutcome(after_success(state, page.fetched_at, url=channel.url))
        links, notes = await self._listing(channel, rules, page, first)
        new, over = self._new_links(channel, links, state)
        fetched = await asyncio.gather(*(self._article(channel, url) for url in new))
        _check_breakage(rules, fetched, self._shown)
        document = self._document(channel, fetched, notes, over)
        state, tally = await self.importer.import_document(
            channel, document, state, page.fetched_at
        )
        tally.notes.extend(document.warnings)
        complete = document.skipped == over
        state = after_success(
            replace(state, entries_in_feed=len(links)),
            page.fetched_at,
            url=channel.url,
            feed_url=None,
            etag=page.etag if complete else None,
            last_modified=page.last_modified if complete else None,
        )
        return HtmlOutcome(state, tally)

    async def _read_listing(
        self, channel: Channel, rules: HtmlRules, page: FetchResult
    ) -> Listing:
        job = ListingJob(page, rules, self._shown(page.url), self.file_root)
        return await self.workers.run(read_listing, job)

    async def _listing(
        self, channel: Channel, rules: HtmlRules, page: FetchResult, first: bool
    ) -> tuple[list[str], list[str]]:
        """Article links of the listing (and its next pages on the first import)."""
        listing = await self._read_listing(channel, rules, page)
        links = dict.fromkeys(listing.links)
        offsite = list(listing.offsite)
        notes: list[str] = []
        seen = {page.url, page.final_url}
        read = 1
        if first and rules.max_pages > 1 and rules.next and not listing.next_url:
            notes.append(
                f"html.next {rules.next!r} matched no link on {self._shown(page.url)}"
                "; only the first listing page was read"
            )
        next_url = listing.next_url
        while first and next_url and read < rules.max_pages and next_url not in seen:
            seen.add(next_url)
            try:
                more = await self._read_listing(
                    channel, rules, await self.pages.get(channel, next_url)
                )
            except (FetchError, FeedError) as exc:
                notes.append(f"listing page {self._shown(next_url)}: {exc}")
                break
            links.update(dict.fromkeys(more.links))
            offsite.extend(more.offsite)
            next_url, read = more.next_url, read + 1
        if offsite:
            notes.append(
                f"{len(offsite)} link(s) to other sites on the listing not "
                f"followed, e.g. {offsite[0]}"
            )
        return list(links), notes

    def _identity_url(self, url: str) -> str:
        return self._shown(url) if url.startswith("file:") else url

    def _new_links(
        self, channel: Channel, links: list[str], state: ChannelState
    ) -> tuple[list[str], int]:
        """Links not imported before (at most ``max_entries``), and how many wait."""
        index = EntryIndex(self.importer.content_dir, channel.id, state.entries)
        new = [
            url
            for url in links
            if index.find(Identity(page_key(self._identity_url(url)), link_key(url)))
            is None
        ]
        return new[: self.max_entries], max(0, len(new) - self.max_entries)

    async def _article(self, channel: Channel, url: str) -> _Fetched:
        try:
            result = await self.pages.get(channel, url)
        except FetchError as exc:
            logger.warning("importer: %s: article %s: %s", channel.id, url, exc)
            return _Fetched(url, error=str(exc))
        job = ArticleJob(
            channel,
            result,
            self._identity_url(url),
            self._shown(url),
            self.noise,
            self.file_root,
        )
        try:
            read = await self.workers.run(read_article, job)
        except Exception as exc:  # one hostile page never fails the channel
            logger.exception("importer: %s: article %s", channel.id, url)
            return _Fetched(url, error=f"cannot be read: {exc!r}")
        for warning in read.warnings:
            logger.warning("importer: %s: %s", channel.id, warning)
        return _Fetched(url, read)

    def _document(
        self, channel: Channel, fetched: list[_Fetched], notes: list[str], over: int
    ) -> FeedDocument:
        entries = [f.read.entry for f in fetched if f.read and f.read.entry]
        warnings = list(notes)
        warnings.extend(_image_note(channel, fetched, self._shown))
        for item in fetched:
            if item.error:
                warnings.append(f"article {self._shown(item.url)}: {item.error}")
            elif item.read:
                warnings.extend(item.read.warnings)
        return FeedDocument(
            version="html",
            title=channel.name,
            link=channel.url,
            entries=tuple(entries),
            warnings=tuple(warnings),
            skipped=over + len(fetched) - len(entries),
        )


def _image_note(
    channel: Channel, fetched: list[_Fetched], show: Callable[[str], str]
) -> list[str]:
    """A note when ``html.image`` found no image on any of several articles.

    One article without a photo is common; none among several suggests the
    selector no longer matches.
    """
    rules = channel.html
    read = [f for f in fetched if f.read and f.read.entry]
    if not (rules and rules.image) or len(read) < 2:
        return []
    if not all(f.read and f.read.missing_image for f in read):
        return []
    return [
        f"html.image {rules.image!r} matched nothing on any of the {len(read)} "
        f"new article pages (e.g. {show(read[0].url)})"
    ]


def _check_breakage(
    rules: HtmlRules, fetched: list[_Fetched], show: Callable[[str], str]
) -> None:
    """A channel error when no new article could be read at all."""
    if not fetched or any(f.read and f.read.entry for f in fetched):
        return
    errors = [f for f in fetched if f.error]
    if len(errors) == len(fetched):
        raise FeedError(
            f"none of the {len(fetched)} new article page(s) could be fetched; "
            f"e.g. {show(errors[0].url)}: {errors[0].error}"
        )
    missing = [f for f in fetched if f.read and f.read.missing_body]
    if len(missing) + len(errors) == len(fetched):
        raise FeedError(
            f"html.body {rules.body!r} matched nothing on any of the "
            f"{len(missing)} new article page(s) (e.g. {show(missing[0].url)}); "
            "the site's layout changed? Update the channel's 'html:' block"
        )
