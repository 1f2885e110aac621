"""The related-posts index: pure Python, no Pelican."""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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
    """What the index needs of one post."""

    timestamp: float
    category: str
    kecamatan: str = ""
    tags: tuple[str, ...] = ()
    text: str = ""
    group: str = ""


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


def _features(
    docs: Sequence[Doc], max_words: int, stopwords: frozenset[str]
) -> list[list[tuple[str, str]]]:
    """Each doc's features; words keep only the rarest ``max_words`` shared ones."""
    words = [tokens(doc.text, stopwords) for doc in docs]
    df: Counter[str] = Counter()
    for found in words:
        df.update(found)
    features = []
    for doc, found in zip(docs, words, strict=True):
        rare = sorted((w for w in found if df[w] > 1), key=lambda w: (df[w], w))
        feats = [("a", ""), ("c", doc.category)]
        if doc.kecamatan:
            feats.append(("k", doc.kecamatan.casefold()))
        feats += [("t", tag.casefold()) for tag in doc.tags]
        feats += [("w", word) for word in rare[:max_words]]
        features.append(feats)
    return features


def _window(posting: list[int], times: list[float], at: float, size: int) -> list[int]:
    """The ``size`` posts of a long posting list nearest in time to ``at``."""
    if len(posting) <= size:
        return posting
    middle = bisect.bisect_left(times, at)
    start = max(0, min(middle - size // 2, len(posting) - size))
    return posting[start : start + size]


def related_indices(
    docs: Sequence[Doc],
    limit: int = 4,
    max_words: int = 10,
    window: int = 48,
    stopwords: frozenset[str] = frozenset(),
) -> list[list[int]]:
    """For each doc, the indices of up to ``limit`` related docs, best first.

    Scores add the inverse document frequency of shared features, weighted
    by kind (tags > kecamatan > words > category); ties go to the newer post.
    Posts of the same story group (duplicates) are never suggested.
    ``stopwords`` adds to the built-in ones (the city's name).
    """
    features = _features(docs, max_words, stopwords)
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index in sorted(range(len(docs)), key=lambda i: docs[i].timestamp):
        for feature in features[index]:
            postings[feature].append(index)
    times = {f: [docs[i].timestamp for i in p] for f, p in postings.items()}
    total = len(docs)
    result = []
    for index, doc in enumerate(docs):
        scores: dict[int, float] = defaultdict(float)
        for feature in features[index]:
            posting = postings[feature]
            weight = WEIGHTS[feature[0]] * math.log(1 + total / len(posting))
            for other in _window(posting, times[feature], doc.timestamp, window):
                scores[other] += weight
        scores.pop(index, None)
        ranked = sorted(
            (o for o in scores if not (doc.group and docs[o].group == doc.group)),
            key=lambda o: (-scores[o], -docs[o].timestamp, o),
        )
        result.append(ranked[:limit])
    return result
