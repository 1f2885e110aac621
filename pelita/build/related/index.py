"""The related-posts index ("Baca juga"): pure Python, no Pelican.

A post's related posts are chosen among the posts published *before* it,
as they stood when it was published:

* a new post never changes an older post's list, so "Baca juga" on old
  pages does not make every recent page change with each new post (a page
  that changes costs a render, an upload and a cache miss for readers);
* readers arrive on new posts far more than on old ones, and the earlier
  coverage of a topic is what a "read also" box is for;
* the result for a post depends only on the posts before it, so the work
  can be kept between builds and only new posts are scored
  (:class:`RelatedState`).

Scoring: an inverted index maps each feature (kecamatan, tag, rare word,
category, and "any post" as the fallback) to the posts having it, in
publication order. A post scores only the most recent ``window`` earlier
posts per feature, each adding the feature's weight times its inverse
document frequency among the posts published so far; ties go to the newer
post. Posts of the same story group (duplicates) are never suggested. The
work is O(n x features x window) whatever the size of the site.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# Words too common in a city's news to say what a post is about.
_STOPWORDS_TEXT = """
adalah agar akan aku anda antara apa atas atau bagi bahwa baik banyak baru bawah
beberapa begitu belum berbagai bersama besar bisa bukan cara dalam dan dapat
dari daripada demikian dengan di dia dua harus hal hanya hari hingga ia ialah
ini itu jadi jika juga kali kami kamu karena kata ke kecamatan kelurahan kembali
kepada ketika kita kota lagi lain lalu lebih maka masih masyarakat melalui
memang menjadi mereka merupakan mulai namun oleh pada para pemerintah pemkot per
pula pun saat saja salah sama sampai sangat satu saya sebagai sebelum sedang
sejak sekitar selain selama semua sendiri seperti serta setelah sudah
supaya tahun tanpa telah tentang tepat terhadap termasuk tersebut tetapi tiga
tidak turut untuk warga yaitu yakni yang ujar katanya jelasnya menurut
mengatakan menyampaikan
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
MIN_TOKEN = 4
# "a" (all posts) makes recent posts the fallback when nothing else matches.
WEIGHTS = {"k": 1.5, "t": 2.0, "w": 1.0, "c": 0.2, "a": 0.05}


@dataclass(frozen=True)
class Doc:
    """What the index needs of one post.

    ``key`` names the post (its source file) and orders posts published at
    the same moment; ``text`` may be a function returning it, so that text
    is only made for the posts actually scored.
    """

    timestamp: float
    category: str
    kecamatan: str = ""
    tags: tuple[str, ...] = ()
    text: str | Callable[[], str] = ""
    group: str = ""
    key: str = ""
    digest: str = field(default="", compare=False)

    def body(self) -> str:
        """The post's text."""
        return self.text() if callable(self.text) else self.text

    def identity(self) -> str:
        """A digest of everything scoring reads of the post."""
        if self.digest:
            return self.digest
        parts = [repr(self.timestamp), self.category, self.kecamatan, *self.tags]
        parts += [self.group, self.key, self.body()]
        return hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()


def city_stopwords(city: str) -> frozenset[str]:
    """The words of the city's name (``CITY``): every post of the hub names it.

    "Kota Semarang" gives {"semarang"}; another city's name gives its own.
    """
    return frozenset(tokens(city))


def tokens(text: str, stopwords: frozenset[str] = frozenset()) -> set[str]:
    """Distinct content words: folded, at least 4 letters, no stop words."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    # Drop combining marks; looking each distinct character up once (not
    # every character of the text) gives the same string several times faster.
    marks = [ch for ch in set(folded) if unicodedata.combining(ch)]
    if marks:
        folded = re.sub(f"[{''.join(sorted(marks))}]", "", folded)
    return {
        word
        for word in re.findall(r"[a-z]+", folded)
        if len(word) >= MIN_TOKEN and word not in STOPWORDS and word not in stopwords
    }


@dataclass(frozen=True)
class Options:
    """How many posts to suggest and how far the index looks."""

    limit: int = 4
    max_words: int = 10
    window: int = 48
    indexed_words: int = 20
    stopwords: frozenset[str] = frozenset()


@dataclass
class RelatedState:
    """The index after scoring every post so far, in publication order.

    ``chain[i]`` digests posts 0..i, so a build finds how many of its posts
    (in order) are the ones scored last time; ``result[i]`` are the keys of
    post ``i``'s related posts.
    """

    options: Options
    chain: list[str] = field(default_factory=list)
    result: list[tuple[str, ...]] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    df: Counter[str] = field(default_factory=Counter)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    recent: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def add(self, doc: Doc) -> None:
        """Score ``doc`` against the posts before it, then index it."""
        opts = self.options
        words = tokens(doc.body(), opts.stopwords)
        self.df.update(words)
        ranked = sorted(words, key=lambda w: (self.df[w], w))
        query = [w for w in ranked if self.df[w] > 1][: opts.max_words]
        features = [("a", ""), ("c", doc.category)]
        if doc.kecamatan:
            features.append(("k", doc.kecamatan.casefold()))
        features += [("t", tag.casefold()) for tag in doc.tags]
        seen = len(self.keys) + 1
        scores: dict[int, float] = defaultdict(float)
        for feature in [*features, *(("w", w) for w in query)]:
            older = self.recent.get(feature)
            if not older:
                continue
            idf = math.log(1 + seen / (self.counts[feature] + 1))
            weight = WEIGHTS[feature[0]] * idf
            for other in older:
                scores[other] += weight
        ranked_posts = sorted(
            (o for o in scores if not (doc.group and self.groups[o] == doc.group)),
            key=lambda o: (-scores[o], -self.times[o], self.keys[o]),
        )
        ordinal = len(self.keys)
        self.result.append(tuple(self.keys[o] for o in ranked_posts[: opts.limit]))
        self.keys.append(doc.key)
        self.times.append(doc.timestamp)
        self.groups.append(doc.group)
        previous = self.chain[-1] if self.chain else ""
        self.chain.append(
            hashlib.sha256(f"{previous}{doc.identity()}".encode()).hexdigest()
        )
        for feature in {*features, *(("w", w) for w in ranked[: opts.indexed_words])}:
            self.counts[feature] += 1
            recent = self.recent.setdefault(feature, [])
            recent.append(ordinal)
            if len(recent) > opts.window:
                del recent[0]


def publication_order(docs: Sequence[Doc]) -> list[int]:
    """Indices of ``docs`` from the first published (ties by key)."""
    return sorted(range(len(docs)), key=lambda i: (docs[i].timestamp, docs[i].key, i))


def related_as_published(
    docs: Sequence[Doc], options: Options, state: RelatedState | None = None
) -> tuple[list[list[int]], RelatedState, int]:
    """For each doc, the indices of its related docs, best first.

    ``state`` (from an earlier call) is reused as far as the posts, in
    publication order, are the same; posts after the first difference are
    scored again. Returns the lists, the new state and how many posts were
    scored.
    """
    order = publication_order(docs)
    if state is None or state.options != options:
        state = RelatedState(options)
    same = 0
    previous = ""
    for index in order:
        if same >= len(state.chain):
            break
        digest = hashlib.sha256(f"{previous}{docs[index].identity()}".encode())
        previous = digest.hexdigest()
        if previous != state.chain[same]:
            break
        same += 1
    if same < len(state.chain):
        state = _replay(state, [docs[i] for i in order[:same]], options)
    for index in order[same:]:
        state.add(docs[index])
    where = {docs[i].key: i for i in order}
    found = [
        [where[k] for k in state.result[position] if k in where]
        for position in range(len(order))
    ]
    by_doc: list[list[int]] = [[] for _ in docs]
    for position, index in enumerate(order):
        by_doc[index] = found[position]
    return by_doc, state, len(order) - same


def _replay(state: RelatedState, kept: list[Doc], options: Options) -> RelatedState:
    """A state holding only the first ``len(kept)`` posts of ``state``.

    The index cannot be cut back, so it is built again from those posts
    (their results are scored again too, and come out the same).
    """
    fresh = RelatedState(options)
    for doc in kept:
        fresh.add(doc)
    return fresh


def related_indices(
    docs: Sequence[Doc],
    limit: int = 4,
    max_words: int = 10,
    window: int = 48,
    stopwords: frozenset[str] = frozenset(),
) -> list[list[int]]:
    """For each doc, the indices of up to ``limit`` earlier related docs."""
    found, _state, _scored = related_as_published(
        docs, Options(limit, max_words, window, stopwords=stopwords)
    )
    return found
