"""Run the Pagefind binary from the pinned PyPI package."""

from __future__ import annotations

import importlib.metadata
import json
import logging
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .parts import (
    PAGES_FILE,
    Page,
    PageDigests,
    pages_to_index,
    part_digest,
    part_view,
    plan_parts,
)

logger = logging.getLogger(__name__)

BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed or wrote no usable index."""


@dataclass(frozen=True)
class SearchIndex:
    """What was indexed: where, pages per language, parts, parts reused.

    ``reused`` counts the older parts copied unchanged from the cache.
    """

    path: Path
    pages: dict[str, int]
    parts: int = 1
    reused: int = 0


PARTS_FILE = "pelita-parts.json"
PAGES_PER_PART = 4000
# Pagefind stems the words of a language it knows; this code (BCP 47
# "undetermined") names none, so an index made with it matches words as
# written. Indonesian stemming folds "penghargaan" (award) into "harga"
# (price): tests/theme/search_relevance.yml shows what each choice finds.
UNSTEMMED = "und"


def build_search_index(
    site: Path,
    language: str = "id",
    pages_per_part: int = PAGES_PER_PART,
    cache: Path | None = None,
    stemming: bool = True,
) -> SearchIndex:
    """Index ``site`` (an output folder) into ``site/pagefind``.

    The old bundle is removed first so a page deleted from the site cannot
    be found any more. All pages are indexed as ``language``, whose stemmer
    Pagefind applies unless ``stemming`` is off (then as ``UNSTEMMED``; the
    search page finds the only index whatever its language). A site with
    more than ``pages_per_part`` dated pages to index gets its index in parts
    (see ``parts``): the newest (a few hundred pages at most) in
    ``pagefind/``, the older ones in ``pagefind/parts/<n>/`` (0 is the
    oldest), listed newest first in ``pagefind/pelita-parts.json`` for the
    search page. With ``cache`` (a folder kept between builds), an older
    part whose indexed text did not change is copied from there instead of
    being indexed again, and a page whose size and modification time are
    those of the last run is not read again.
    """
    site = Path(site)
    if not (site / "index.html").is_file():
        raise SearchIndexError(
            f"sitesearch: {site} has no index.html; build the site first"
        )
    language = language if stemming else UNSTEMMED
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    known = PageDigests(cache / PAGES_FILE if cache is not None else None)
    plan = plan_parts(pages_to_index(site, BUNDLE, known), pages_per_part)
    known.save()
    listed: list[str] = []
    kept: set[str] = set()
    reused = 0
    if not plan.older:
        _pagefind(site, bundle, language)
    else:
        _index_part(site, plan.primary, bundle, language)
        salt = f"pagefind {_pagefind_version()} {language}"
        for number in reversed(range(len(plan.older))):
            output = bundle / "parts" / str(number)
            digest = part_digest(plan.older[number], salt)
            kept.add(digest)
            if _restore(cache, digest, output):
                reused += 1
            else:
                _index_part(site, plan.older[number], output, language)
                _store(cache, digest, output)
            listed.append(f"parts/{number}/")
    _prune(cache, kept)
    counts = _page_counts(bundle, listed)
    if not sum(counts.values()):
        raise SearchIndexError(
            f"sitesearch: pagefind indexed no page in {site}; pages to index need "
            "the data-pagefind-body attribute"
        )
    (bundle / PARTS_FILE).write_text(
        json.dumps({"parts": listed}) + "\n", encoding="utf-8"
    )
    logger.info(
        "sitesearch: indexed %s in %d part(s), %d of them unchanged from the cache",
        ", ".join(f"{n} {k}" for k, n in counts.items()),
        len(listed) + 1,
        reused,
    )
    return SearchIndex(bundle, counts, len(listed) + 1, reused)


def index_built_site(
    output: Path, settings: Mapping[str, Any], root: Path = Path()
) -> SearchIndex:
    """``build_search_index`` as the project's settings ask for it.

    The language is ``DEFAULT_LANG``, stemmed when ``SEARCH_STEMMING`` is
    on, the part size ``SEARCH_PAGES_PER_PART`` and the parts are kept under
    ``CACHE_PATH`` (relative to ``root``).
    """
    return build_search_index(
        output,
        str(settings.get("DEFAULT_LANG") or "id"),
        int(settings.get("SEARCH_PAGES_PER_PART", PAGES_PER_PART)),
        root / settings.get("CACHE_PATH", "cache") / "search-parts",
        stemming=bool(settings.get("SEARCH_STEMMING", False)),
    )


def _index_part(site: Path, pages: list[Page], output: Path, language: str) -> None:
    with part_view(site, pages) as view:
        _pagefind(view, output, language)


def _pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _cached(cache: Path, digest: str) -> Path:
    return cache / f"part-{digest}"


def _restore(cache: Path | None, digest: str, output: Path) -> bool:
    """Copy a stored part into ``output``; False when there is none."""
    if cache is None or not _cached(cache, digest).is_dir():
        return False
    shutil.copytree(_cached(cache, digest), output)
    return True


def _store(cache: Path | None, digest: str, output: Path) -> None:
    """Keep a copy of a freshly indexed part, named by what it indexes."""
    if cache is None:
        return
    cache.mkdir(parents=True, exist_ok=True)
    partial = cache / f".part-{digest}.tmp"
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(output, partial)
    shutil.rmtree(_cached(cache, digest), ignore_errors=True)
    partial.rename(_cached(cache, digest))


def _prune(cache: Path | None, kept: set[str]) -> None:
    """Drop stored parts this site no longer has."""
    if cache is None or not cache.is_dir():
        return
    for stored in cache.glob("part-*"):
        if stored.name.removeprefix("part-") not in kept:
            shutil.rmtree(stored, ignore_errors=True)


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
