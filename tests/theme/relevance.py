"""The search relevance set: queries a resident types, and what must come first.

Shared by the browser test (``test_search_relevance.py``) and the benchmark
that compares index settings (``bench/search_relevance.py``). Queries run
on the site's own search page in Chromium, as a reader runs them.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import yaml

QUERIES = Path(__file__).with_name("search_relevance.yml")
SHOWN = 5


@dataclass(frozen=True)
class Query:
    """One query with the pages that may, must not, and must nearly come first."""

    text: str
    first: tuple[str, ...]
    not_first: tuple[str, ...] = ()
    top: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What a query found (URL paths, best first) and what is wrong with it."""

    query: Query
    found: tuple[str, ...]
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when every expectation of the query holds."""
        return not self.problems


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The relevance set from its YAML file."""
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Query(
            str(item["query"]),
            tuple(item["first"]),
            tuple(item.get("not_first", ())),
            tuple(item.get("top", ())),
        )
        for item in items
    ]


def matches(path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(path, pattern) for pattern in patterns)


def judge(query: Query, found: tuple[str, ...]) -> Outcome:
    """Check one query's results against its expectations."""
    problems = []
    if not found:
        problems.append("nothing found")
    elif not matches(found[0], query.first):
        problems.append(f"first is {found[0]}")
    if found and matches(found[0], query.not_first):
        problems.append(f"{found[0]} must not come first")
    for wanted in query.top:
        if not matches(wanted, found[:3]) and wanted not in found[:3]:
            problems.append(f"{wanted} not in the first three")
    return Outcome(query, found[:SHOWN], tuple(problems))


def search(page, site_url: str, text: str) -> tuple[str, ...]:
    """Run ``text`` on the site's search page; the result paths, best first."""
    page.goto(f"{site_url}/cari/?q={quote(text)}")
    page.wait_for_function(
        """() => {
          const status = document.querySelector('[data-search-status]');
          const found = document.querySelectorAll('[data-search-results] h2 a');
          const none = /^Tidak ada|tidak tersedia/.test(status.textContent);
          return found.length > 0 || none;
        }"""
    )
    hrefs = page.locator("[data-search-results] h2 a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    base = urlsplit(site_url).path.rstrip("/")
    return tuple(urlsplit(h).path.removeprefix(base).lstrip("/") for h in hrefs)


def run(page, site_url: str, queries: list[Query]) -> list[Outcome]:
    """Every query of the set on one browser page."""
    return [judge(query, search(page, site_url, query.text)) for query in queries]


def summary(outcomes: list[Outcome]) -> str:
    """Right first / total, and the queries that failed with their top results."""
    right = sum(o.ok for o in outcomes)
    lines = [f"{right}/{len(outcomes)} queries as expected"]
    for outcome in outcomes:
        if not outcome.ok:
            found = ", ".join(outcome.found[:3]) or "-"
            lines.append(
                f"  {outcome.query.text!r}: {'; '.join(outcome.problems)} [{found}]"
            )
    return "\n".join(lines)
