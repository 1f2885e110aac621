"""Story grouping at archive scale: time, memory, pairs compared.

A first import groups the whole archive at once, so this builds a synthetic
one (Zipf-distributed words, 300 words a post, 229 channels over 900 days)
with rewrites of some posts planted by another channel six hours later,
groups it with ``stories.group_posts`` and prints a Markdown table: time to
compute the features, time to group, pairs compared in full against all
pairs of the archive, rewrites found, unrelated posts wrongly grouped, and
the process's peak RSS.

    .venv/bin/python bench/story_bench.py                  # 20,000 posts
    .venv/bin/python bench/story_bench.py --posts 5000 --output /tmp/s.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import resource
import time
from pathlib import Path

from pelita.core.stories import StoryPost, StoryText, features, group_posts

SYLLABLES = [c + v for c in "bcdgjklmnprstw" for v in "aiueo"]
WORDS = [a + b + c for a in SYLLABLES for b in SYLLABLES[:30] for c in SYLLABLES[:12]]
ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))
START = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)


def archive(size: int, planted: int, seed: int = 7) -> list[tuple]:
    """(key, channel, title, body, date) of unrelated posts, then rewrites."""
    rng = random.Random(seed)
    texts = []
    for index in range(size):
        words = rng.choices(WORDS, cum_weights=ZIPF, k=300)
        body = " ".join(words[8:]) + f". Nomor {rng.randint(1000, 99999)}."
        when = START + dt.timedelta(minutes=rng.randint(0, 900 * 24 * 60))
        texts.append((f"p{index}", f"ch{index % 229}", " ".join(words[:8]), body, when))
    step = max(1, size // planted)
    for number in range(planted):
        _, _, title, body, when = texts[number * step]
        words = body.split()
        rng.shuffle(words)  # the same facts in another order
        later = when + dt.timedelta(hours=6)
        texts.append((f"r{number}", "media-x", title, " ".join(words), later))
    return texts


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(size: int, planted: int) -> dict[str, str]:
    texts = archive(size, planted)
    started = time.perf_counter()
    posts = [
        StoryPost(key, key, channel, "opd", when, features(StoryText(title, "", body)),
                  pending=True)
        for key, channel, title, body, when in texts
    ]  # fmt: skip
    featured = time.perf_counter()
    decisions, compared = group_posts(posts)
    grouped = time.perf_counter()
    step = max(1, size // planted)
    right = {f"r{n}": f"p{n * step}" for n in range(planted)}
    found = {d.key: d.duplicate_of for d in decisions if d.duplicate_of}
    hits = sum(1 for key, primary in right.items() if found.get(key) == primary)
    everything = len(posts) * (len(posts) - 1) // 2
    return {
        "posts (planted rewrites)": f"{len(posts):,} ({planted})",
        "features": f"{featured - started:.1f} s",
        "grouping": f"{grouped - featured:.1f} s",
        "pairs compared in full": f"{compared:,} of {everything:,}",
        "rewrites found": f"{hits} of {planted}",
        "wrongly grouped": str(len(found) - hits),
        "peak RSS": f"{peak_rss_mb():.0f} MB",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--planted", type=int, default=50)
    parser.add_argument("--output", type=Path, help="also write the table here")
    args = parser.parse_args()
    figures = run(args.posts, min(args.planted, args.posts))
    table = "\n".join(
        ["| story grouping | figure |", "| --- | --- |"]
        + [f"| {name} | {value} |" for name, value in figures.items()]
    )
    print(table)
    if args.output:
        args.output.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
