"""How long the prestasi register takes on a 20,000-post site (one run, ratios).

Classifies 20,000 headline+lead pairs (the labelled sets, varied so nothing
repeats) with the plugin's one-pass phrase index, against a baseline that
compiles every phrase of the same rules into its own regular expression and
runs each on each post, as a rules x posts classifier would. Then builds the
wall's filters and the CSV/JSON register for 20,000 achievements. Run:
``.venv/bin/python bench/bench_prestasi.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import resource
import time
from pathlib import Path
from types import SimpleNamespace

import yaml

from pelita.build.prestasi.register_data import make_row, rows_to_csv, rows_to_json
from pelita.build.prestasi.wall import build_wall
from pelita.core.prestasi import Award, classify, load_rules
from pelita.core.prestasi.engine import Spec

REPO = Path(__file__).resolve().parent.parent
LABELLED = ("labelled.yml", "heldout.yml", "heldout2.yml")


def posts(count: int) -> list[tuple[str, str]]:
    items = [
        item
        for name in LABELLED
        for item in yaml.safe_load((REPO / "tests" / "prestasi" / name).read_text())
    ]
    return [
        (f"{items[n % len(items)]['title']} {n}", items[n % len(items)]["lead"])
        for n in range(count)
    ]


def _spec_regex(spec: Spec) -> str:
    if spec.gap:
        return rf"(?:\W+\w+){{0,{spec.gap}}}"
    options = [re.escape(w) for w in sorted(spec.words)]
    options += [re.escape(p) + r"\w*" for p in spec.prefixes]
    options += [r"\d+"] if spec.number else []
    return "(?:" + "|".join(options) + ")"


def naive_patterns(rules) -> list[re.Pattern[str]]:
    """One regular expression per phrase of the rules (the baseline)."""
    phrases = {id(p): p for ps in rules.index.by_word.values() for p in ps} | {
        id(p): p for ps in rules.index.by_prefix.values() for p in ps
    }
    patterns = []
    for phrase in phrases.values():
        parts = [_spec_regex(s) for s in phrase.specs]
        body = "".join(p if p.startswith("(?:\\W") else r"\W+" + p for p in parts)
        patterns.append(re.compile(r"\b" + body[3:] + r"\b", re.IGNORECASE))
    return patterns


def timed(label: str, work) -> float:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:8.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=20_000)
    args = parser.parse_args()
    rules = load_rules(REPO / "data" / "prestasi-rules.yml")
    sample = posts(args.posts)
    found: list = []
    ours = timed(
        f"classify {args.posts} posts (phrase index)",
        lambda: found.extend(classify(t, lead, {}, rules) for t, lead in sample),
    )
    patterns = naive_patterns(rules)
    baseline = timed(
        f"match only, {len(patterns)} regexes x {args.posts} posts",
        lambda: [sum(1 for p in patterns for _ in p.finditer(f"{t} {lead}"))
                 for t, lead in sample],
    )  # fmt: skip
    print(f"{'baseline / ours':<48} {baseline / ours:8.1f} x")
    articles = [
        SimpleNamespace(
            title=f"Kabar {n}", url=f"berita/kabar-{n}/",
            date=dt.datetime(2020 + n % 6, 1 + n % 12, 1, tzinfo=dt.UTC),
            prestasi=Award(name="Adipura", level="nasional", year=2020 + n % 6,
                           opd=("dinkes", "dlh")[n % 2], kecamatan=("Tembalang",)),
        )
        for n in range(args.posts)
    ]  # fmt: skip
    wall = None

    def build() -> list:
        nonlocal wall
        wall = build_wall(
            articles, "prestasi/index.html", "prestasi/",
            opd_names={"dinkes": "Dinas Kesehatan", "dlh": "DLH"},
            kecamatan_slugs={"Tembalang": "tembalang"},
        )  # fmt: skip
        rows = [make_row(a.title, a.date, a.url, a.prestasi) for a in articles]
        return [rows_to_csv(rows), rows_to_json(rows, title="", site_url="",
                                                wall_url="")]  # fmt: skip

    timed(f"wall filters + CSV + JSON for {args.posts} awards", build)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    achievements = sum(a is not None for a in found)
    print(f"{'achievements found':<48} {achievements:8d}")
    print(f"{'peak memory (whole run)':<48} {peak:8.0f} MiB")


if __name__ == "__main__":
    main()
