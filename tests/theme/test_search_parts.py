"""Search across the parts of a large hub's index, in Chromium.

A large hub's index is cut into parts, the newest posts in a small one
(pelita.tools.sitesearch.parts); the search page searches every part and
merges the results by score. The session's published hub is indexed in
parts, so the whole relevance set runs here on the parts, as it runs on one
index in test_search_relevance.py.

Each part weighs words by its own pages; search.js scales every part's
scores to the words' weight over all parts before merging. Page length is
still weighed against each part's own average (shorter in the newest part,
which holds the area and office pages), and decides the two queries of
PAGE_LENGTH_DECIDES: there the expected page must be among the first three.
"""

from __future__ import annotations

import json

from .conftest import Site
from .relevance import load_queries, matches, run, summary

PHONE = {"width": 360, "height": 640}
PAGE_LENGTH_DECIDES = {"pelatihan", "Semarang Tengah"}


def test_the_relevance_set_holds_on_an_index_in_parts(browser, published: Site):
    listed = json.loads(
        (published.output / "pagefind" / "pelita-parts.json").read_text("utf-8")
    )
    assert len(listed["parts"]) >= 2  # the newest part and older ones
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    queries = load_queries()
    outcomes = run(page, published.url, queries)
    context.close()
    strict = [o for o in outcomes if o.query.text not in PAGE_LENGTH_DECIDES]
    assert len(strict) == len(queries) - len(PAGE_LENGTH_DECIDES)
    assert all(o.ok for o in strict), summary(strict)
    for outcome in outcomes:
        if outcome.query.text in PAGE_LENGTH_DECIDES:
            near = [p for p in outcome.found[:3] if matches(p, outcome.query.first)]
            assert near, summary([outcome])
