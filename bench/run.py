"""Run every benchmark and write the Markdown report (``make bench``).

    .venv/bin/python bench/run.py                      # 1,000, 5,000, 20,000 posts
    .venv/bin/python bench/run.py --sizes 200 --micro-posts 500 --out /tmp/b.md

For each size: bare Pelican, Pelita (full build, then the nightly's cached
rebuilds after 1 and 50 new posts), Hugo; then the import benchmark, the
plugins' own benchmarks and the push-to-deployed benchmark (every size),
whose output is copied into the report. Synthetic
corpora and the photo cache stay in ``--work`` between runs. Hugo is
Debian's ``hugo`` (``scripts/ensure-system-packages`` installs it).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import engines
import report
from build_bench import Row, SizeBench
from measure import Sample

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


def micro_benchmarks(
    posts: int, sizes: list[int], work: Path | None = None
) -> list[tuple[str, list[str]]]:
    """The other benchmarks: (title, command) pairs, at the run's scale.

    A run of small sizes (the smoke test's) runs the import and share kit
    benchmarks small too.
    """
    python = sys.executable
    count = ["--posts", str(posts)]
    small = max(sizes) < 1000
    feeds = ["--channels", "4", "--entries", "3"] if small else []
    kits = ["--cards", "2", "--posts", str(posts), "--no-site"] if small else []
    # Story grouping is measured at archive scale (20,000 posts) in a full run.
    stories = count if small else []
    found = [
        ("Import", [python, str(BENCH / "import_bench.py"), *feeds]),
        ("Prestasi register", [python, str(BENCH / "bench_prestasi.py"), *count]),
        ("Wilayah tagging", [python, str(BENCH / "wilayah_tagging.py"), *count]),
        ("Content check scaling", [python, str(BENCH / "check_scaling.py")]
         + [str(n) for n in sizes]),
        ("Link check", [python, str(BENCH / "bench_links.py"), *count]),
        ("Related posts scaling", [python, str(BENCH / "related_scaling.py")]),
        ("Story grouping", [python, str(BENCH / "story_bench.py"), *stories]),
        ("Share kits", [python, str(BENCH / "sharekit_bench.py"), *kits]),
        ("Lighthouse (mobile)", [python, str(BENCH / "lighthouse" / "run.py")]),
        ("Page weight at load (Chromium, 60 KB budget)",
         [python, str(BENCH / "page_weight.py"), "--per-kind", "1" if small else "3"]),
        ("Push to deployed (rsync)", [python, str(BENCH / "publish_bench.py"),
         "--sizes", *map(str, sizes), *(["--work", str(work)] if work else [])]),
    ]  # fmt: skip
    return [(title, cmd) for title, cmd in found if Path(cmd[1]).exists()]


def run_micro(title: str, command: list[str]) -> tuple[str, bool]:
    """Run one benchmark; its output for the report, and whether it worked.

    A failure is reported (with the end of its error output) rather than
    raised, so an hour of build figures is never lost to one benchmark.
    """
    print(f"bench: {title} ...", flush=True)
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - start
    shown = f"$ {' '.join(Path(c).name if '/' in c else c for c in command)}\n"
    if done.returncode:
        tail = "\n".join(done.stderr.rstrip().splitlines()[-15:])
        print(f"bench: {title} failed (exit {done.returncode}):\n{tail}", flush=True)
        return f"{shown}FAILED (exit {done.returncode}):\n{tail}", False
    return f"{shown}{done.stdout.rstrip()}\n(whole run: {took:.1f} s wall)", True


def _describe(sample: Sample) -> str:
    return (
        f"wall {sample.wall:7.1f} s  cpu {sample.cpu:7.1f} s  "
        f"peak {sample.peak_mb:6.0f} MiB"
    )


def run_builds(args: argparse.Namespace) -> list[Row]:
    rows: list[Row] = []
    for posts in args.sizes:
        print(f"bench: {posts} posts ...", flush=True)
        size_rows = SizeBench(args.work, posts, args.seed).run_all(tuple(args.added))
        for row in size_rows:
            print(f"  {row.step:6} {_describe(row.sample)}", flush=True)
            if row.index:
                print(f"  {'+index':6} {_describe(row.index)}", flush=True)
        rows += size_rows
    return rows


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 20_000])
    parser.add_argument(
        "--micro-posts",
        type=int,
        default=None,
        help="posts for the plugins' benchmarks (default: the largest size)",
    )
    parser.add_argument("--no-micro", action="store_true", help="builds only")
    parser.add_argument(
        "--added",
        type=int,
        nargs=2,
        default=[1, 50],
        metavar=("SMALL", "LARGE"),
        help="posts added before the two rebuilds (default: 1 50)",
    )
    parser.add_argument("--work", type=Path, default=REPO / ".cache" / "bench")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--seed", type=int, default=2025)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not engines.hugo_available():
        raise SystemExit(
            "bench: Hugo is missing; install Debian's hugo "
            "(scripts/ensure-system-packages does, as root)"
        )
    args.work.mkdir(parents=True, exist_ok=True)
    start_machine = report.machine()
    rows = run_builds(args)
    extras, failed = [], []
    if not args.no_micro:
        posts = args.micro_posts or max(args.sizes)
        for title, command in micro_benchmarks(posts, args.sizes, args.work):
            text, worked = run_micro(title, command)
            extras.append((title, text))
            failed += [] if worked else [title]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report.render(rows, extras, start_machine), encoding="utf-8")
    print(f"bench: report written to {args.out}")
    if failed:
        print(f"bench: failed: {', '.join(failed)} (see the report)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
