"""One channel's entries into files: identity, placement, media, write.

Runs in the main process after a worker has cleaned the entries. The media
stage settles every entry's images first (concurrently, within the fetch
limits). Entries are then written oldest first, so when two share a title
the older one keeps the plain slug. A known entry keeps its file, slug, story
lines and (for entries whose feed gives no date) its first-seen date, so a
re-run over an unchanged feed writes nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from pelita.core.slugs import make_slug
from pelita.importer.feeds.identity import (
    Identity,
    assign_identities,
    drop_repeats,
    feed_mode,
)
from pelita.importer.media.stage import MediaMemo, MediaStage
from pelita.importer.model import Channel, Entry, FeedDocument
from pelita.importer.writing.files import Outcome, Written, rewrite, write_new
from pelita.importer.writing.index import EntryIndex
from pelita.importer.writing.metadata import read_header
from pelita.importer.writing.posts import (
    PostPlan,
    build_post,
    post_text,
    relative_path,
    story_lines,
)
from pelita.importer.writing.slugs import SlugRegistry
from pelita.importer.writing.state import ChannelState, EntryRecord, iso

logger = logging.getLogger(__name__)


@dataclass
class ChannelTally:
    """What happened to a channel's entries in one run."""

    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    date_fallbacks: int = 0
    images: int = 0
    image_failures: int = 0


@dataclass(frozen=True)
class _ChannelRun:
    """The per-channel things every entry of one document needs."""

    channel: Channel
    index: EntryIndex
    tally: ChannelTally
    fetched_at: dt.datetime


def _stored_date(value: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


class ChannelImporter:
    """Writes the entries of fetched feeds; shared by all channels of a run."""

    def __init__(
        self,
        content_dir: Path,
        slugs: SlugRegistry,
        media: MediaStage,
        default_category: str,
        dry_run: bool = False,
    ) -> None:
        self.content_dir = content_dir
        self.slugs = slugs
        self.media = media
        self.default_category = default_category
        self.dry_run = dry_run

    def _index(
        self, channel: Channel, state: ChannelState, tally: ChannelTally
    ) -> EntryIndex:
        index = EntryIndex(self.content_dir, channel.id, state.entries)
        if state.entries and not index.folder.exists():
            tally.notes.append(
                f"{index.folder} is missing (a fresh checkout?); importing again"
            )
            logger.warning(
                "importer: %s: folder %s is missing; re-importing",
                channel.id,
                index.folder,
            )
            index = EntryIndex(self.content_dir, channel.id, {})
        return index

    async def import_document(
        self,
        channel: Channel,
        document: FeedDocument,
        state: ChannelState,
        fetched_at: dt.datetime,
    ) -> tuple[ChannelState, ChannelTally]:
        """Write the document's entries; return the channel's new state."""
        tally = ChannelTally()
        tally.counts[Outcome.SKIPPED] += document.skipped
        index = self._index(channel, state, tally)
        entries, repeats = drop_repeats(document.entries)
        if repeats:
            tally.notes.append(
                f"{repeats} item(s) listed again with the same GUID and link; "
                "the newest version of each was imported"
            )
        mode = feed_mode(entries, state.identity)
        if mode != state.identity:
            tally.notes.append(
                "the feed reuses GUIDs; entries are now told apart by link"
            )
        pairs = sorted(
            zip(entries, assign_identities(entries, mode), strict=True),
            key=lambda pair: pair[0].published or fetched_at,
        )
        run = _ChannelRun(channel, index, tally, fetched_at)
        memo = MediaMemo(known=dict(state.media or {}))
        entries = await asyncio.gather(
            *(self.media.localize(channel, entry, memo) for entry, _ in pairs)
        )
        for entry, (_, identity) in zip(entries, pairs, strict=True):
            self._import_entry(run, entry, identity)
        tally.images, tally.image_failures = memo.stored, len(memo.failures)
        tally.notes.extend(memo.failures)
        new_state = replace(
            state,
            identity=mode,
            entries_in_feed=len(document.entries),
            entries=index.records,
            media=memo.records() or None,
        )
        if tally.counts[Outcome.NEW]:
            new_state = replace(new_state, last_new_entry=iso(fetched_at))
        return new_state, tally

    def _import_entry(self, run: _ChannelRun, entry: Entry, identity: Identity) -> None:
        found = run.index.find(identity)
        if found is None:
            key, story = identity.key, None
            written, path, published = self._create(run.channel, entry, identity)
        else:
            key, record = found
            written, published = self._update(run, entry, identity, key, record)
            path, story = record.path, record.story
        run.tally.counts[written.outcome] += 1
        self._note(run.channel, entry, written, run.tally)
        date = iso(published) if published else None
        record = EntryRecord(path, written.hash, identity.link_key, date, story)
        run.index.remember(key, record)

    def _note(
        self, channel: Channel, entry: Entry, written: Written, tally: ChannelTally
    ) -> None:
        if written.note:
            tally.notes.append(written.note)
            logger.warning("importer: %s: %s", channel.id, written.note)
        if entry.date_note and written.outcome == Outcome.NEW:
            tally.date_fallbacks += 1
            tally.notes.append(f"{entry.title[:60]!r}: {entry.date_note}")
            logger.warning(
                "importer: %s: %r: %s", channel.id, entry.title[:60], entry.date_note
            )

    def _create(
        self, channel: Channel, entry: Entry, identity: Identity
    ) -> tuple[Written, str, dt.datetime]:
        fallback = f"{channel.id}-{identity.key.partition(':')[2][:8]}"
        while True:
            slug = self.slugs.claim(make_slug(entry.title), fallback)
            path = relative_path(channel, entry.published, slug)
            if not (self.content_dir / path).exists():
                break
        plan = PostPlan(
            identity.key, slug, path, entry.published, entry.updated, identity.link_key
        )
        post = build_post(channel, entry, plan, self.default_category)
        written = write_new(self.content_dir / path, post_text(post), self.dry_run)
        logger.debug("importer: %s: new %s", channel.id, path)
        return written, path, entry.published

    def _update(
        self,
        run: _ChannelRun,
        entry: Entry,
        identity: Identity,
        key: str,
        record: EntryRecord,
    ) -> tuple[Written, dt.datetime | None]:
        channel, fetched_at = run.channel, run.fetched_at
        path = self.content_dir / record.path
        existing = read_header(path) if path.exists() else {}
        published = entry.published
        if entry.date_is_fallback:
            published = _stored_date(existing.get("date")) or published
        modified = entry.updated or _stored_date(existing.get("modified"))
        plan = PostPlan(
            key,
            existing.get("slug") or path.stem,
            record.path,
            published,
            modified,
            identity.link_key,
            story_lines(existing),
        )
        candidate = post_text(build_post(channel, entry, plan, self.default_category))
        if entry.updated is None:
            now = fetched_at.astimezone(published.tzinfo).replace(microsecond=0)
            plan = replace(plan, modified=max(now, published))
        replacement = post_text(build_post(channel, entry, plan, self.default_category))
        written = rewrite(path, candidate, replacement, record.hash, self.dry_run)
        return written, _stored_date(existing.get("date")) or published
