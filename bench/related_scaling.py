"""How related-post computation scales with the size of the site.

Synthetic posts shaped like the hub's (16 kecamatan, a few tags from a
vocabulary of topics, titles and summaries drawn from a word list with a
long tail) at 2,500 to 20,000 posts. Prints seconds and the ratio to the
smallest size: near-linear growth means doubling the site about doubles the
time. For comparison, a plain all-pairs scoring is timed on the smallest
size and extrapolated (it grows with n²).

    python bench/related_scaling.py
"""

from __future__ import annotations

import random
import time

from pelita.build.related import Doc, related_indices, tokens

KECAMATAN = [f"Kecamatan {i}" for i in range(16)]
TOPICS = [f"topik{i}" for i in range(120)]
WORDS = [f"kata{i:05d}" for i in range(20_000)]
SIZES = [2_500, 5_000, 10_000, 20_000, 40_000]
TARGET = 20_000  # the size a hub reaches


def synthetic(count: int, seed: int = 7) -> list[Doc]:
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(WORDS))]  # Zipf-like tail
    docs = []
    for index in range(count):
        words = rng.choices(WORDS, weights, k=60)
        docs.append(
            Doc(
                timestamp=index * 3_600.0,
                category=rng.choice(["Berita", "Prestasi", "Wisata", "UMKM"]),
                kecamatan=rng.choice(KECAMATAN),
                tags=tuple(rng.sample(TOPICS, rng.randint(0, 3))),
                text=" ".join(words),
            )
        )
    return docs


def all_pairs(docs: list[Doc], limit: int = 4) -> list[list[int]]:
    """The naive method: score every pair by shared tags, kecamatan and words."""
    features = [
        {*(f"t:{t}" for t in d.tags), f"k:{d.kecamatan}", *tokens(d.text)} for d in docs
    ]
    result = []
    for i, mine in enumerate(features):
        scores = [(len(mine & other), j) for j, other in enumerate(features) if j != i]
        result.append([j for _, j in sorted(scores, reverse=True)[:limit]])
    return result


def timed(function, *args) -> float:
    """CPU seconds of one call (steadier than wall time on a shared machine)."""
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def main() -> None:
    print(f"{'posts':>7}  {'CPU s':>8}  {'x smallest':>10}")
    base = None
    for size in SIZES:
        seconds = timed(related_indices, synthetic(size))
        base = base or seconds
        print(f"{size:7d}  {seconds:8.2f}  {seconds / base:10.2f}")
    sample = SIZES[0] // 5
    pairs = timed(all_pairs, synthetic(sample))
    estimate = pairs * (TARGET / sample) ** 2
    print(f"all pairs: {sample} posts in {pairs:.2f} s", end="; ")
    print(f"at {TARGET} posts about {estimate:.0f} s")


if __name__ == "__main__":
    main()
