"""After a run: group the posts it imported into stories, and write it down.

Every entry record that story grouping has not seen yet (``story`` unset in
the state: the posts imported by this run, or the whole archive the first
time) is matched against the imported posts of other channels published
within ``story_window_days`` (see the ``stories`` package). Only those posts
are read: the window is found from the dates in the state, never by reading
the archive. Decisions are written into the files (``postfiles``) and the
records, and listed in the report. A post whose file already has story
lines, or that an admin edited, keeps what it has.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pelita.core.stories import StoryPost, StoryText, features, group_posts
from pelita.core.stories.similarity import PlaceFinder, city_words
from pelita.importer.settings import ImporterConfig
from pelita.importer.writing.state import ChannelState, EntryRecord, iso, parse_iso

from .postfiles import PostFile, patch_story, read_post, story_header

logger = logging.getLogger(__name__)

NO_STORY = "-"


@dataclass(frozen=True)
class _Ref:
    """Where an entry record lives in the states."""

    channel: str
    key: str
    record: EntryRecord
    date: dt.datetime


def place_finder(config: ImporterConfig) -> PlaceFinder | None:
    """The wilayah plugin's tagger as a place finder, or None if unavailable."""
    try:
        from pelita.core.registries import load_gazetteer  # noqa: PLC0415
        from pelita.core.wilayah import build_tagger, load_rules, match_wilayah  # noqa: PLC0415

        paths = config.registry_files
        gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
        tagger = build_tagger(gazetteer, load_rules(paths["wilayah_tagger"], gazetteer))
    except Exception as exc:  # any broken registry: group without places
        logger.warning("importer: stories: no place names (%s)", exc)
        return None

    def find(text: str) -> tuple[frozenset[str], frozenset[str]]:
        found = match_wilayah(text, tagger)
        kecamatan = frozenset(m.kecamatan.nama for m in found)
        kelurahan = frozenset(m.kelurahan.nama for m in found if m.kelurahan)
        return kecamatan, kelurahan

    return find


def _refs(states: Mapping[str, ChannelState], content_dir: Path) -> list[_Ref]:
    refs = []
    for channel, state in states.items():
        for key, record in state.entries.items():
            when = parse_iso(record.date)
            if when is None:
                post = read_post(content_dir / record.path)
                when = parse_iso(post.header.get("date")) if post else None
            if when is not None:
                refs.append(_Ref(channel, key, record, when))
    return sorted(refs, key=lambda r: (r.date, r.channel, r.key))


def _in_windows(refs: list[_Ref], window: dt.timedelta) -> list[_Ref]:
    """The pending refs and every ref within ``window`` of one of them.

    ``refs`` are sorted by date, so the windows are merged as intervals.
    """
    dates = [r.date for r in refs]
    chosen: list[_Ref] = []
    reached = 0
    for ref in refs:
        if ref.record.story is not None:
            continue
        low = max(bisect.bisect_left(dates, ref.date - window), reached)
        high = bisect.bisect_right(dates, ref.date + window)
        chosen.extend(refs[low:high])
        reached = max(reached, high)
    return chosen


class StoryPass:
    """One grouping pass over the states of a run (updated in place)."""

    def __init__(
        self,
        config: ImporterConfig,
        states: dict[str, ChannelState],
        kinds: Mapping[str, str],
        dry_run: bool = False,
        places: Callable[[], PlaceFinder | None] | None = None,
    ) -> None:
        self.config = config
        self.states = states
        self.kinds = kinds
        self.dry_run = dry_run
        self._places = places or (lambda: place_finder(config))

    def run(self) -> list[dict[str, Any]]:
        """Group the pending posts; the decisions, for the report."""
        started = time.monotonic()
        window = dt.timedelta(days=self.config.story_window_days)
        refs = _in_windows(_refs(self.states, self.config.content_dir), window)
        if not any(r.record.story is None for r in refs):
            return []
        finder, ignore = self._places(), city_words(self.config.city)
        posts, files = [], {}
        for ref in refs:
            post = read_post(self.config.content_dir / ref.record.path)
            if post is not None:
                files[ref.record.path] = (ref, post)
                posts.append(self._story_post(ref, post, finder, ignore))
        decisions, compared = group_posts(posts, window)
        logger.info(
            "importer: stories: %d posts read, %d pairs compared, %d decisions "
            "(%.1f s)",
            len(posts),
            compared,
            len(decisions),
            time.monotonic() - started,
        )
        report = [self._apply(d, *files[d.key]) for d in decisions]
        self._settle_undecided(files, {d.key for d in decisions})
        return [row for row in report if row]

    def _story_post(
        self, ref: _Ref, post: PostFile, finder: PlaceFinder | None, ignore: frozenset
    ) -> StoryPost:
        text = StoryText(post.title, post.summary, post.body)
        return StoryPost(
            key=ref.record.path,
            slug=post.header.get("slug") or Path(ref.record.path).stem,
            channel=ref.channel,
            kind=self.kinds.get(ref.channel, "media"),
            published=ref.date,
            features=features(text, finder, ignore),
            story=post.header.get("story"),
            duplicate_of=post.header.get("duplicate_of"),
            locked=post.edited,
            pending=ref.record.story is None,
        )

    def _apply(self, decision: Any, ref: _Ref, post: PostFile) -> dict[str, Any]:
        lines = story_header(decision.story, decision.duplicate_of, decision.reason_id)
        path = self.config.content_dir / ref.record.path
        digest = patch_story(path, lines, ref.record.hash, self.dry_run)
        if digest is None:
            logger.warning("importer: stories: %s was edited; left as it is", path.name)
            return {}
        self._update(ref, replace(ref.record, hash=digest, story=decision.story))
        logger.info(
            "importer: stories: %s -> story %s%s (%s)",
            ref.record.path,
            decision.story,
            f", duplicate of {decision.duplicate_of}" if decision.duplicate_of else "",
            decision.reason or "primary",
        )
        return {
            "post": ref.record.path,
            "channel": ref.channel,
            "story": decision.story,
            "duplicate_of": decision.duplicate_of,
            "reason": decision.reason,
        }

    def _settle_undecided(self, files: dict, decided: set[str]) -> None:
        """Mark every pending post that got no decision as seen."""
        for path, (ref, post) in files.items():
            if ref.record.story is None and path not in decided:
                story = post.header.get("story") or NO_STORY
                self._update(ref, replace(ref.record, story=story))

    def _update(self, ref: _Ref, record: EntryRecord) -> None:
        if not self.dry_run:
            self.states[ref.channel].entries[ref.key] = replace(
                record, date=iso(ref.date)
            )
