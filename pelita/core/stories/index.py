"""Find the posts worth comparing: an inverted index cut to a date window.

Comparing every new post with every post of the archive would cost n² at
20,000 posts. Instead every post's terms go into postings sorted by time;
a post is compared only with posts published within the window (a few days)
that share at least two of its rarest terms (not the common ones: a word in
one distinct text of twenty names nothing), at most ``MAX_CANDIDATES`` of them, and
with exact copies of its text published within ``copy_window`` (a press
release reposted weeks later is still the same story).

The rarest terms are looked up until ``QUERY_TERMS`` of them have counted.
A term that only finds posts already found (candidates by then), or posts
the caller skips (the post's own channel, posts not decided yet), does not
count: a trimmed copy shares all of a post's rare words, and must not use
up the lookups that would find a rewrite of it by another outlet (which
shares fewer, slightly less rare words). A term that finds nothing within
the window counts, as before, so a post's lookups stay few.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Container, Sequence
from dataclasses import dataclass

from .similarity import Features, Vocabulary

QUERY_TERMS = 20
MIN_SHARED = 2
MAX_CANDIDATES = 30
# However many terms only find posts found already, a lookup stops after
# visiting this many postings (the cost of one post's lookup stays bounded).
MAX_VISITS = 4000
# A term in more than this share of the posts names nothing in particular.
COMMON_SHARE = 0.05
MIN_COMMON = 20
_DIGEST = "\0digest:"


@dataclass(frozen=True)
class IndexedPost:
    """What the index needs of a post: when, from which channel, its features."""

    timestamp: float
    channel: str
    features: Features


def _distinct_texts(posts: Sequence[IndexedPost]) -> tuple[Counter[str], int]:
    """In how many distinct texts each term is, and how many make it common.

    Copies count once: a release reposted by forty kelurahan makes its own
    words frequent, not common, and its rewrites must still find it.
    """
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for post in posts:
        if post.features.digest not in seen:
            seen.add(post.features.digest)
            counts.update(post.features.text.keys() | post.features.lead.keys())
    return counts, max(MIN_COMMON, int(COMMON_SHARE * len(seen)))


class StoryIndex:
    """Postings of every term, each sorted by publication time."""

    def __init__(self, posts: Sequence[IndexedPost], vocabulary: Vocabulary) -> None:
        self.posts = posts
        self.vocabulary = vocabulary
        self.lookups = 0
        order = sorted(range(len(posts)), key=lambda i: posts[i].timestamp)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for index in order:
            for term in self._terms(posts[index].features):
                postings[term].append(index)
        self._postings = dict(postings)
        self._times = {
            term: [posts[i].timestamp for i in found]
            for term, found in postings.items()
        }
        self._texts, self._common = _distinct_texts(posts)

    @staticmethod
    def _terms(features: Features) -> set[str]:
        return {*features.text, *features.lead, _DIGEST + features.digest}

    def _query(self, features: Features) -> list[str]:
        """The post's digest, then its terms that some other post shares, rarest first.

        Rare shared terms are names and numbers, mostly: what two reports of
        one story have in common. A term no other post has finds nothing, and
        a common one (``COMMON_SHARE``) is never looked up.
        """
        df, texts = self.vocabulary.df, self._texts
        terms = [
            t
            for t in features.text.keys() | features.lead.keys()
            if df[t] > 1 and texts[t] <= self._common
        ]
        return [_DIGEST + features.digest, *sorted(terms, key=lambda t: (df[t], t))]

    def _window(self, term: str, timestamp: float, reach: float) -> list[int]:
        """The posts with ``term`` published within ``reach`` of ``timestamp``."""
        found, times = self._postings.get(term), self._times.get(term)
        if not found or times is None:
            return []
        start = bisect.bisect_left(times, timestamp - reach)
        end = bisect.bisect_right(times, timestamp + reach)
        self.lookups += end - start
        return found[start:end]

    def candidates(
        self,
        target: int,
        window: float,
        copy_window: float | None = None,
        eligible: Container[int] | None = None,
    ) -> list[int]:
        """Posts of other channels within ``window`` seconds sharing enough terms.

        Exact copies count within ``copy_window`` (default: ``window``). Only
        ``eligible`` posts (default: all) of other channels count, towards
        ``MIN_SHARED`` and ``MAX_CANDIDATES`` alike, so posts the caller
        would skip never crowd out one it wants.
        """
        post = self.posts[target]

        def wanted(other: int) -> bool:
            return (
                other != target
                and self.posts[other].channel != post.channel
                and (eligible is None or other in eligible)
            )

        digest, *terms = self._query(post.features)
        shared: Counter[int] = Counter()
        for other in self._window(digest, post.timestamp, copy_window or window):
            if wanted(other):
                shared[other] += MIN_SHARED
        charged, visits = 0, self.lookups
        for term in terms:
            if charged >= QUERY_TERMS or self.lookups - visits > MAX_VISITS:
                break
            near = [
                o for o in self._window(term, post.timestamp, window) if o != target
            ]
            found = [o for o in near if wanted(o)]
            charged += not near or any(shared[o] < MIN_SHARED for o in found)
            for other in found:
                shared[other] += 1
        ranked = [
            (count, other) for other, count in shared.items() if count >= MIN_SHARED
        ]
        best = sorted(ranked, key=lambda pair: (-pair[0], pair[1]))[:MAX_CANDIDATES]
        return sorted(other for _, other in best)
