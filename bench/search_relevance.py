"""Search relevance with Pagefind's Indonesian stemming on and off.

Indexes one built site twice (stemmed as "id", and unstemmed), serves each
on 127.0.0.1 and runs the relevance set of tests/theme/search_relevance.yml
in Debian's Chromium, plus root forms that only a stemmer finds. Prints how
many queries find what must come first, and the misses.

    python bench/search_relevance.py            # builds the demo hub first
    python bench/search_relevance.py --site output
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench" / "lighthouse")]

from playwright.sync_api import sync_playwright  # noqa: E402
from server import serve  # noqa: E402

from pelita.tools.sitesearch import build_search_index  # noqa: E402
from tests.theme.relevance import Query, load_queries, run, summary  # noqa: E402

# Root forms: found only when the index folds affixes (stemming on).
ROOTS = [
    Query("rekam KTP", ("*ktp-el*",)),
    Query("dagang pasar johar", ("*pedagang-pasar-johar*",)),
    Query("latih kemasan", ("berita/pelatihan-kemasan-untuk-pelaku-umkm-kue-kering/",)),
]


def build(site: Path) -> Path:
    """The demo hub, built with pelicanconf.py (relative URLs) into ``site``."""
    env = {**os.environ, "PELITA_DEMO": "1"}
    invoke = [sys.executable, "-m", "invoke"]
    for task in ("import-feeds", "demo-content", "build"):
        subprocess.run([*invoke, task], cwd=REPO, env=env, check=True)
    shutil.copytree(REPO / "output", site)
    return site


def measure(site: Path, stemming: bool) -> str:
    """Index ``site`` one way and run every query in Chromium."""
    build_search_index(site, stemming=stemming)
    queries = load_queries() + ROOTS
    with serve(site) as (_, url), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.set_default_timeout(15_000)
        outcomes = run(page, url, queries)
        browser.close()
    return summary(outcomes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built output/ to copy")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pelita-relevance-"))
    site = work / "site"
    if args.site:
        shutil.copytree(args.site, site)
    else:
        build(site)
    for stemming in (True, False):
        print(f"## stemming {'on' if stemming else 'off'}")
        print(measure(site, stemming))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
