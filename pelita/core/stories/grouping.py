"""Group new posts into stories, once, as decisions that can be written down.

Only posts marked ``pending`` (imported since the last grouping) are
matched; every other post keeps the decision already in its file. A pending
post is compared with posts of other channels within the date window (see
``index``) and joins the story of the post it resembles most. Which post of
a story is its **primary** (listed everywhere; the others point to it with
``Duplicate_of``): the most official channel kind first (OPD, then
kecamatan, then kelurahan, then media), then the earliest, then the channel
id. A newcomer that outranks the current primary takes its place, unless
the current primary's file was edited by an admin (``locked``): edited
files are never rewritten, and the newcomer joins as a duplicate instead.
Existing stories are never merged or split here: that is the admin's call.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from .index import IndexedPost, StoryIndex
from .similarity import COPY, NEAR_COPY_KIND, Features, Verdict, Vocabulary, compare

logger = logging.getLogger(__name__)

KIND_RANK = {"opd": 0, "kecamatan": 1, "kelurahan": 2, "media": 3}
DEFAULT_WINDOW = dt.timedelta(days=3)
COPY_WINDOW = dt.timedelta(days=30)  # an exact copy is the story however late


@dataclass
class StoryPost:
    """A post as grouping sees it; ``story``/``duplicate_of`` as in its file."""

    key: str
    slug: str
    channel: str
    kind: str
    published: dt.datetime
    features: Features
    story: str | None = None
    duplicate_of: str | None = None
    locked: bool = False
    pending: bool = False

    def rank(self) -> tuple:
        """Smaller is more official: kind, then date, then channel and key."""
        kind = KIND_RANK.get(self.kind, len(KIND_RANK))
        return (kind, self.published, self.channel, self.key)


@dataclass(frozen=True)
class Decision:
    """What to write into one post's file, and why.

    ``duplicate_of`` None makes the post its story's primary; ``reason`` is
    English (report, logs), ``reason_id`` Indonesian (``Story_reason``).
    """

    key: str
    story: str
    duplicate_of: str | None
    reason: str
    reason_id: str


def _indonesian(verdict: Verdict, other: str) -> str:
    if verdict.kind == COPY:
        return f"teks sama dengan {other}"
    if verdict.kind == NEAR_COPY_KIND:
        return f"teks hampir sama dengan {other} ({verdict.score:.0%} sama)"
    facts = f"; {verdict.anchors.indonesian()}" if verdict.anchors else ""
    return (
        f"isi mirip dengan {other} (kemiripan isi {verdict.lead:.2f}, "
        f"judul {verdict.title:.2f}{facts})"
    )


def _demotion(primary: StoryPost, former: StoryPost) -> tuple[str, str]:
    """Why ``former`` stops being the primary, in English and Indonesian."""
    if primary.rank()[0] < former.rank()[0]:
        return (
            f"same story as {primary.slug}, from a more official channel "
            f"({primary.kind} before {former.kind})",
            f"kabar yang sama dengan {primary.slug} dari kanal yang lebih resmi",
        )
    return (
        f"same story as {primary.slug}, published earlier",
        f"kabar yang sama dengan {primary.slug} yang terbit lebih dulu",
    )


class _Grouper:
    """One grouping pass; ``parent`` holds every post's Duplicate_of edge."""

    def __init__(self, posts: Sequence[StoryPost], window: dt.timedelta) -> None:
        self.posts = posts
        self.window = window.total_seconds()
        self.vocabulary = Vocabulary(p.features for p in posts)
        indexed = [
            IndexedPost(p.published.timestamp(), p.channel, p.features) for p in posts
        ]
        self.index = StoryIndex(indexed, self.vocabulary)
        slugs = {p.slug: i for i, p in enumerate(posts)}
        self.parent = {
            i: slugs[p.duplicate_of]
            for i, p in enumerate(posts)
            if p.duplicate_of and p.duplicate_of in slugs
        }
        self.story = {i: p.story for i, p in enumerate(posts) if p.story}
        self.decisions: dict[int, Decision] = {}
        self.comparisons = 0

    def root(self, index: int) -> int:
        seen = {index}
        while index in self.parent and self.parent[index] not in seen:
            index = self.parent[index]
            seen.add(index)
        return index

    def best_match(self, target: int, decided: set[int]) -> tuple[int, Verdict] | None:
        post, best = self.posts[target], None
        copies = max(self.window, COPY_WINDOW.total_seconds())
        for other in self.index.candidates(target, self.window, copies, decided):
            self.comparisons += 1
            gap = (post.published - self.posts[other].published).total_seconds()
            verdict = compare(
                post.features, self.posts[other].features, self.vocabulary, gap / 3600
            )
            if abs(gap) > self.window and verdict.kind != COPY:
                continue  # beyond the window only an exact copy counts
            if verdict.same and (best is None or verdict.score > best[1].score):
                best = (other, verdict)
        return best

    def join(self, target: int, match: int, verdict: Verdict) -> None:
        root = self.root(match)
        posts = self.posts
        story = self.story.get(root) or posts[root].slug
        why = f"{verdict.reason} (vs {posts[match].slug})"
        why_id = _indonesian(verdict, posts[match].slug)
        if posts[target].rank() < posts[root].rank() and not posts[root].locked:
            self.parent[root] = target
            demoted = _demotion(posts[target], posts[root])
            self._decide(root, story, posts[target].slug, *demoted)
            self._decide(target, story, None, why, why_id)
        else:
            self.parent[target] = root
            self._decide(target, story, posts[root].slug, why, why_id)
            if not posts[root].story and not posts[root].locked:
                self._decide(root, story, None, "", "")

    def _decide(
        self, index: int, story: str, parent: str | None, why: str, why_id: str
    ) -> None:
        self.story[index] = story
        kept = self.decisions.get(index)
        if kept and not why:  # a primary keeps the reason it was given
            why, why_id = kept.reason, kept.reason_id
        self.decisions[index] = Decision(
            self.posts[index].key, story, parent, why, why_id
        )

    def run(self) -> list[Decision]:
        posts = self.posts
        decided = {
            i
            for i, p in enumerate(posts)
            if not p.pending or p.locked or p.story or p.duplicate_of
        }
        pending = set(range(len(posts))) - decided
        for target in sorted(pending, key=lambda i: (posts[i].published, posts[i].key)):
            match = self.best_match(target, decided)
            decided.add(target)
            if match is not None:
                self.join(target, *match)
        return [self.decisions[i] for i in sorted(self.decisions)]


def group_posts(
    posts: Sequence[StoryPost], window: dt.timedelta = DEFAULT_WINDOW
) -> tuple[list[Decision], int]:
    """Decisions for the pending posts (and the primaries they displace).

    Returns the decisions and how many pairs were compared in full.
    """
    grouper = _Grouper(posts, window)
    decisions = grouper.run()
    logger.debug(
        "stories: %d posts, %d pairs compared, %d index lookups",
        len(posts),
        grouper.comparisons,
        grouper.index.lookups,
    )
    return decisions, grouper.comparisons
