"""Do two posts report the same story? One explainable decision per pair.

The checks run in this order, and the first that decides gives the reason:

1. **Copy**: the same words in the body (markup and spacing aside), however
   the titles differ: the same story.
2. **Conflict**: the posts name different event dates ("Selasa (4/3)" and
   "Rabu (5/3)"), different kecamatan or kelurahan, or different numbered
   labels ("RW 03" and "RW 05", "tahap pertama" and "tahap kedua"): different
   events, however alike the wording (weekly routines, one programme in two
   places, a follow-up days later).
3. **Near copy**: most 4-word runs of the shorter body recur in the other (a
   trimmed or retitled repost).
4. **Rewrite**: the TF-IDF cosine of the lead (title, summary, opening) or
   of the whole text (content words, names and numbers) is high, or fairly
   high with a similar title or with the same event date named in both. Rewrites
   follow the original within a day or so; posts further apart must be more
   alike (a follow-up two days later shares the names but not the news),
   unless they also share the event's exact facts (``anchors``): the same
   quoted words, or two specific numbers that few other posts have (both
   kinds lower the bar further than one).

Thresholds were set on the labelled pairs in ``tests/stories/pairs.yml``;
the tests there print precision and recall.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .anchors import ANCHORED_REWRITE, Anchors, numbers, quoted_shingles
from .text import (
    event_dates,
    numbered_labels,
    shingles,
    terms,
    terms_of,
    unpack,
    words,
    words_digest,
)

LEAD_WORDS = 90
BODY_WORDS = 600
# IDF is computed over at least this many posts (the rest containing none of
# the terms), so a handful of posts does not make shared words weigh less
# than words only one post has.
MIN_CORPUS = 50
VECTOR_CACHE = 3000
MIN_COPY_WORDS = 25
NEAR_COPY = 0.6
REWRITE = 0.45
REWRITE_SAME_DATE = 0.35  # both name the same event date
REWRITE_WITH_TITLE = (0.33, 0.3)  # lead cosine, title cosine
LATE_HOURS = 36.0  # posts further apart than this need LATE_REWRITE
LATE_REWRITE = 0.65
# A number in more than this share of the posts (or MIN_COMMON_NUMBER of
# them) is the city's, not the event's: a hotline, "177 kelurahan".
COMMON_NUMBER_SHARE = 0.05
MIN_COMMON_NUMBER = 8

PlaceFinder = Callable[[str], tuple[frozenset[str], frozenset[str]]]


@dataclass(frozen=True)
class StoryText:
    """What the matcher reads of a post: plain text, no markup."""

    title: str
    summary: str = ""
    body: str = ""

    def lead(self) -> str:
        """Title, summary and the body's opening words: where news puts facts."""
        opening = " ".join(self.body.split()[:LEAD_WORDS])
        return f"{self.title}. {self.summary} {opening}"


@dataclass(frozen=True)
class Features:
    """A post reduced to what the checks compare."""

    digest: str
    body_words: int
    shingles: bytes  # packed, see text.shingles
    title: Counter[str]
    lead: Counter[str]
    text: Counter[str]
    dates: frozenset[tuple[int, int]]
    labels: dict[str, frozenset[int]] = field(default_factory=dict)
    kecamatan: frozenset[str] = frozenset()
    kelurahan: frozenset[str] = frozenset()
    quotes: bytes = b""  # packed, see anchors.quoted_shingles
    numbers: frozenset[str] = frozenset()


def features(
    text: StoryText,
    places: PlaceFinder | None = None,
    ignore: frozenset[str] = frozenset(),
) -> Features:
    """Compute a post's features once (they are reused for every comparison).

    ``places`` finds the kecamatan and kelurahan a text names; ``ignore``
    holds words too common to count (the city's name: see ``city_words``).
    """
    body = text.body or text.summary
    body_words = words(body)
    lead = text.lead()
    kecamatan, kelurahan = places(lead) if places else (frozenset(), frozenset())
    title = Counter(terms(text.title, ignore))
    opening = Counter(terms_of(body_words[:LEAD_WORDS], ignore))
    rest = Counter(terms_of(body_words[LEAD_WORDS:BODY_WORDS], ignore))
    whole = f"{text.title}\n{text.summary}\n{body}"
    return Features(
        digest=words_digest(body_words),
        body_words=len(body_words),
        shingles=shingles(body_words),
        title=title,
        lead=title + Counter(terms(text.summary, ignore)) + opening,
        text=title + opening + rest,
        dates=event_dates(lead),
        labels=numbered_labels(lead),
        kecamatan=kecamatan,
        kelurahan=kelurahan,
        quotes=quoted_shingles(whole),
        numbers=numbers(whole),
    )


def city_words(city: str) -> frozenset[str]:
    """The words of the city's name ("Kota Semarang" -> {"semarang", ...})."""
    return frozenset(words(city))


class Vocabulary:
    """Inverse document frequencies over the posts being compared.

    A post is compared with several others, mostly its neighbours in time,
    so the most recently used vectors are kept (``VECTOR_CACHE`` of them:
    memory stays bounded however long the archive).
    """

    def __init__(self, documents: Iterable[Features]) -> None:
        self.df: Counter[str] = Counter()
        self.numbers: Counter[str] = Counter()
        self.size = 0
        for doc in documents:
            self.size += 1
            self.df.update(doc.text.keys() | doc.lead.keys())
            self.numbers.update(doc.numbers)
        self._common_number = max(MIN_COMMON_NUMBER, COMMON_NUMBER_SHARE * self.size)
        self._scale = math.log(1 + max(self.size, MIN_CORPUS))
        self._idf: dict[str, float] = {}
        self._vectors: OrderedDict[int, tuple[Counter[str], dict[str, float]]] = (
            OrderedDict()
        )

    def idf(self, term: str) -> float:
        """Smoothed IDF: a term in every post weighs least, never zero."""
        value = self._idf.get(term)
        if value is None:
            value = self._scale - math.log(1 + self.df.get(term, 0)) + 1.0
            self._idf[term] = value
        return value

    def specific(self, number: str) -> bool:
        """Whether ``number`` is rare enough to tell one event from another."""
        return self.numbers[number] <= self._common_number

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        """Sublinear TF times IDF, normalized to unit length."""
        key = id(counts)
        kept = self._vectors.get(key)
        if kept is not None and kept[0] is counts:
            self._vectors.move_to_end(key)
            return kept[1]
        weights = {t: (1 + math.log(n)) * self.idf(t) for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vector = {t: w / norm for t, w in weights.items()}
        self._vectors[key] = (counts, vector)
        if len(self._vectors) > VECTOR_CACHE:
            self._vectors.popitem(last=False)
        return vector


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


# Why a pair was judged as it was (``Verdict.kind``).
COPY = "copy"
NEAR_COPY_KIND = "near_copy"
REWRITE_KIND = "rewrite"
CONFLICT = "conflict"
UNLIKE = "unlike"


@dataclass(frozen=True)
class Verdict:
    """The decision on a pair, its score and why (for the report and files).

    ``kind`` is one of the constants above; ``detail`` names the conflict
    ("event dates", "kecamatan", "rw numbers"); ``lead`` and ``title`` are
    the cosines when they were computed; ``anchors`` the exact facts both
    posts share when they decided a late rewrite.
    """

    same: bool
    kind: str
    score: float = 0.0
    lead: float = 0.0
    title: float = 0.0
    detail: str = ""
    anchors: Anchors | None = None

    @property
    def reason(self) -> str:
        """The decision in a short English phrase (report, logs)."""
        if self.kind == COPY:
            return "same text"
        if self.kind == NEAR_COPY_KIND:
            return f"near copy ({self.score:.0%} of the text)"
        if self.kind == CONFLICT:
            return f"different {self.detail}"
        words = f"lead {self.lead:.2f}, title {self.title:.2f}"
        if self.kind == REWRITE_KIND and self.anchors:
            return f"similar wording ({words}) and {self.anchors.english()}"
        if self.kind == REWRITE_KIND:
            return f"similar wording ({words})"
        return f"not similar enough ({words})"


def shared_anchors(a: Features, b: Features, vocabulary: Vocabulary) -> Anchors:
    """The quoted runs and the specific numbers ``a`` and ``b`` both have."""
    runs = len(unpack(a.quotes) & unpack(b.quotes)) if a.quotes and b.quotes else 0
    both = sorted(n for n in a.numbers & b.numbers if vocabulary.specific(n))
    return Anchors(runs, tuple(both))


def conflict(a: Features, b: Features) -> str | None:
    """What makes two posts different events; None when nothing does."""
    if a.dates and b.dates and not a.dates & b.dates:
        return "event dates"
    if a.kecamatan and b.kecamatan and not a.kecamatan & b.kecamatan:
        return "kecamatan"
    if a.kelurahan and b.kelurahan and not a.kelurahan & b.kelurahan:
        return "kelurahan"
    for label in sorted(a.labels.keys() & b.labels.keys()):
        if not a.labels[label] & b.labels[label]:
            return f"{label} numbers"
    return None


def containment(a: bytes, b: bytes) -> float:
    """Share of the smaller text's shingles found in the larger one."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0.0
    found = unpack(small)
    return len(found & unpack(large)) / len(found)


def _rewrite(lead: float, title: float, hours_apart: float, same_date: bool) -> bool:
    if hours_apart > LATE_HOURS:
        return lead >= LATE_REWRITE
    if same_date and lead >= REWRITE_SAME_DATE:
        return True
    lead_min, title_min = REWRITE_WITH_TITLE
    return lead >= REWRITE or (lead >= lead_min and title >= title_min)


def compare(
    a: Features, b: Features, vocabulary: Vocabulary, hours_apart: float = 0.0
) -> Verdict:
    """Whether ``a`` and ``b`` (published ``hours_apart``) report one story."""
    if a.digest == b.digest and min(a.body_words, b.body_words) >= MIN_COPY_WORDS:
        return Verdict(True, COPY, 1.0)
    found = conflict(a, b)
    if found:
        return Verdict(False, CONFLICT, detail=found)
    shared = containment(a.shingles, b.shingles)
    if shared >= NEAR_COPY:
        return Verdict(True, NEAR_COPY_KIND, shared)
    lead = max(
        cosine(vocabulary.vector(a.lead), vocabulary.vector(b.lead)),
        cosine(vocabulary.vector(a.text), vocabulary.vector(b.text)),
    )
    title = cosine(vocabulary.vector(a.title), vocabulary.vector(b.title))
    same = _rewrite(lead, title, abs(hours_apart), bool(a.dates & b.dates))
    anchors = None
    if not same and abs(hours_apart) > LATE_HOURS and lead >= min(ANCHORED_REWRITE):
        anchors = shared_anchors(a, b, vocabulary)
        same = lead >= anchors.bar()
    kind = REWRITE_KIND if same else UNLIKE
    return Verdict(same, kind, lead, lead, title, anchors=anchors if same else None)
