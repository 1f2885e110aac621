"""Search relevance for Indonesian, in Chromium on the published demo hub:
the queries of search_relevance.yml, and excerpts that read well."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from pelican.settings import read_settings

from pelita.tools.sitesearch import build_search_index
from tests.conftest import REPO

from .conftest import Site
from .relevance import load_queries, run, search, summary

PHONE = {"width": 360, "height": 640}


@pytest.fixture(scope="module")
def searched(published: Site) -> Iterator[Site]:
    """The published hub with its index made as production makes it at this
    size: one part (the session's index is cut into parts to test those).
    Tests of one module run one after another, so the swap is safe."""
    bundle = published.output / "pagefind"
    aside = published.output.parent / "pagefind-in-parts"
    shutil.move(bundle, aside)
    try:
        settings = read_settings(str(REPO / "publishconf.py"))
        build_search_index(published.output, stemming=settings["SEARCH_STEMMING"])
        yield published
    finally:
        shutil.rmtree(bundle, ignore_errors=True)
        shutil.move(aside, bundle)


def test_the_relevance_set_finds_what_must_come_first(browser, searched: Site):
    queries = load_queries()
    assert len(queries) >= 30
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    outcomes = run(page, searched.url, queries)
    context.close()
    assert all(o.ok for o in outcomes), summary(outcomes)


# Two words run together where the page had separate elements
# ("PenghargaanAnugerah"); names written that way are not.
GLUED = re.compile(r"\S*[a-z]{3}[A-Z][a-z]{2}\S*")
CAMEL_NAMES = {"WhatsApp", "YouTube", "TikTok", "LinkedIn", "GitHub"}


def test_excerpts_neither_repeat_the_title_nor_run_words_together(
    browser, searched: Site
):
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    for query in ("penghargaan", "Adipura", "hoaks", "Tembalang", "lumpia"):
        assert search(page, searched.url, query)
        for result in page.locator("[data-search-results] li").all():
            title = result.locator("h2").inner_text().strip()
            excerpt = result.locator("p").nth(1).inner_text().strip()
            if excerpt.lstrip("… ").startswith(title[:30]):
                problems.append(f"{query}: excerpt repeats {title!r}")
            words = GLUED.findall(excerpt)
            glued = [w for w in words if w.strip(".,;:()") not in CAMEL_NAMES]
            if glued:
                problems.append(f"{query}: glued words {glued} in {excerpt!r}")
    context.close()
    assert problems == []
