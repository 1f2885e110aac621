"""Run the Pagefind binary from the pinned PyPI package."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .parts import pages_to_index, part_view, split

logger = logging.getLogger(__name__)

BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed or wrote no usable index."""


@dataclass(frozen=True)
class SearchIndex:
    """Where the index went and how many pages it holds per language."""

    path: Path
    pages: dict[str, int]


PARTS_FILE = "pelita-parts.json"
PAGES_PER_PART = 4000


def build_search_index(
    site: Path, language: str = "id", pages_per_part: int = PAGES_PER_PART
) -> SearchIndex:
    """Index ``site`` (an output folder) into ``site/pagefind``.

    The old bundle is removed first so a page deleted from the site cannot
    be found any more. All pages are indexed as ``language``. A site with
    more than ``pages_per_part`` pages to index gets its index in parts (see
    ``parts``): the first in ``pagefind/``, the others in
    ``pagefind/parts/<n>/``, listed in ``pagefind/pelita-parts.json`` for the
    search page.
    """
    site = Path(site)
    if not (site / "index.html").is_file():
        raise SearchIndexError(
            f"sitesearch: {site} has no index.html; build the site first"
        )
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    pages = pages_to_index(site, BUNDLE)
    extra: list[str] = []
    if len(pages) <= pages_per_part:
        _pagefind(site, bundle, language)
    else:
        for number, part in enumerate(split(pages, pages_per_part)):
            output = bundle / "parts" / str(number) if number else bundle
            with part_view(site, part) as view:
                _pagefind(view, output, language)
            if number:
                extra.append(f"parts/{number}/")
    counts = _page_counts(bundle, extra)
    if not sum(counts.values()):
        raise SearchIndexError(
            f"sitesearch: pagefind indexed no page in {site}; pages to index need "
            "the data-pagefind-body attribute"
        )
    (bundle / PARTS_FILE).write_text(
        json.dumps({"parts": extra}) + "\n", encoding="utf-8"
    )
    logger.info(
        "sitesearch: indexed %s in %d part(s)",
        ", ".join(f"{n} {k}" for k, n in counts.items()),
        len(extra) + 1,
    )
    return SearchIndex(bundle, counts)


def _pagefind(site: Path, output: Path, language: str) -> None:
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site),
        "--output-path", str(output),
        "--force-language", language,
        "--quiet",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"sitesearch: pagefind exited {result.returncode} on {site}:\n"
            f"{result.stdout}{result.stderr}"
        )


def _page_counts(bundle: Path, extra: list[str]) -> dict[str, int]:
    """Pages per language over the bundle and its parts."""
    counts: dict[str, int] = {}
    for folder in [bundle, *(bundle / part for part in extra)]:
        entry = folder / "pagefind-entry.json"
        if not entry.is_file():
            raise SearchIndexError(f"sitesearch: pagefind wrote no {entry}")
        languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
        for lang, info in languages.items():
            counts[lang] = counts.get(lang, 0) + int(info.get("page_count", 0))
    return counts
