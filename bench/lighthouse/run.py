"""Lighthouse (mobile) scores of the demo hub's pages, served as in production.

Builds the demo hub with the project's own tasks (``invoke import-feeds`` and
``invoke preview`` with SITEURL pointing at a local server), serves it on
127.0.0.1 with gzip and cache headers like a static host, and runs the pinned
npm ``lighthouse`` against Debian's Chromium several times per page; prints
the median score per category. Not part of ``make test``.

    python bench/lighthouse/run.py                      # home and an article
    python bench/lighthouse/run.py --runs 5 / cari/     # other pages
    python bench/lighthouse/run.py --site output        # an existing build
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from server import serve

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
DEFAULT_PAGES = ["/", "/prestasi/adipura-kota-semarang/"]
METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "total-byte-weight",
]


def build(url: str) -> Path:
    """Import the demo feeds, stage the demo's own posts, build for ``url``."""
    env = {**os.environ, "PELITA_DEMO": "1", "SITEURL": url}
    invoke = [sys.executable, "-m", "invoke"]
    for task in ("import-feeds", "demo-content"):
        subprocess.run(
            [*invoke, task], cwd=REPO, env=env, check=True, stdout=sys.stderr
        )
    subprocess.run(
        [*invoke, "preview"], cwd=REPO, env=env, check=True, stdout=sys.stderr
    )
    return REPO / "output"


def lighthouse(url: str, report: Path) -> dict[str, float]:
    """One mobile Lighthouse run (default config: Moto G Power, slow 4G)."""
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"],
            cwd=HERE, check=True, stdout=sys.stderr,
        )  # fmt: skip
    env = {
        **os.environ,
        "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
    }
    command = [str(binary), url, "--quiet", "--output=json"]
    command += [f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}"]
    command += [f"--chrome-flags={CHROME_FLAGS}"]
    subprocess.run(command, env=env, check=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"][name]["score"] * 100 for name in CATEGORIES}
    for audit in METRICS:
        scores[audit] = data["audits"][audit]["numericValue"]
    return scores


def audit(url: str, page: str, runs: int, out: Path) -> dict[str, float]:
    """Median of ``runs`` Lighthouse runs of one page."""
    name = page.strip("/").replace("/", "_") or "home"
    results = [lighthouse(url + page, out / f"{name}-{n}.json") for n in range(runs)]
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def report(summary: dict[str, dict[str, float]]) -> None:
    """Print the medians as a table."""
    print(f"{'page':40} perf a11y best  seo  FCP ms  LCP ms  TBT ms  CLS    bytes")
    for page, s in summary.items():
        scores = " ".join(f"{s[c]:4.0f}" for c in CATEGORIES)
        fcp, lcp, tbt, cls, _, size = (s[m] for m in METRICS)
        timings = f"{fcp:6.0f}  {lcp:6.0f}  {tbt:6.0f}  {cls:.3f}  {size:7.0f}"
        print(f"{page:40} {scores}  {timings}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="serve this built output/ as it is")
    parser.add_argument(
        "--port", type=int, default=0, help="the port --site was built for"
    )
    parser.add_argument("--out", type=Path, default=REPO / ".cache/bench/lighthouse")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    root = args.site or Path(tempfile.mkdtemp(prefix="pelita-lh-"))
    with serve(root, args.port) as (server, url):
        if args.site is None:
            server.root = build(url)
        summary = {page: audit(url, page, args.runs, args.out) for page in args.pages}
    (args.out / "summary.json").write_text(
        json.dumps(summary, indent=2), encoding="utf-8"
    )
    report(summary)


if __name__ == "__main__":
    main()
