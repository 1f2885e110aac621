"""Run the Pagefind binary from the pinned PyPI package."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed or wrote no usable index."""


@dataclass(frozen=True)
class SearchIndex:
    """Where the index went and how many pages it holds per language."""

    path: Path
    pages: dict[str, int]


def build_search_index(site: Path, language: str = "id") -> SearchIndex:
    """Index ``site`` (an output folder) into ``site/pagefind``.

    The old bundle is removed first so a page deleted from the site cannot
    be found any more. All pages are indexed as ``language``.
    """
    site = Path(site)
    if not (site / "index.html").is_file():
        raise SearchIndexError(
            f"sitesearch: {site} has no index.html; build the site first"
        )
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-subdir", BUNDLE,
        "--force-language", language,
        "--quiet",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"sitesearch: pagefind exited {result.returncode} on {site}:\n"
            f"{result.stdout}{result.stderr}"
        )
    entry = site / BUNDLE / "pagefind-entry.json"
    if not entry.is_file():
        raise SearchIndexError(f"sitesearch: pagefind wrote no {entry}")
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    pages = {lang: int(info.get("page_count", 0)) for lang, info in languages.items()}
    if not sum(pages.values()):
        raise SearchIndexError(
            f"sitesearch: pagefind indexed no page in {site}; pages to index need "
            "the data-pagefind-body attribute"
        )
    logger.info(
        "sitesearch: indexed %s", ", ".join(f"{n} {k}" for k, n in pages.items())
    )
    return SearchIndex(site / BUNDLE, pages)
