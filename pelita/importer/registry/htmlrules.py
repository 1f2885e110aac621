"""The ``html:`` block of a channel without a feed: which CSS selectors read it.

A city site that publishes press releases only as HTML pages is read with a
few CSS selectors, given in the registry next to ``format: html``::

    format: html
    html:
      items: ".daftar-berita h2 a"   # the article links on the listing page
      next: "a.next"                 # optional: the listing's next page
      max_pages: 3                   # listing pages read on the first import
      title: "h1.judul"              # optional (og:title, then h1)
      date: ".tanggal"               # optional (article:published_time, <time>)
      body: ".isi-berita"            # the article's text
      image: ".foto-utama img"       # optional (og:image)
      remove: [".bagikan", ".baca-juga"]   # optional: noise inside the body
      subdomains: true               # optional: follow article links to other
                                     # subdomains of the site (indeks. -> nasional.)

Every selector is compiled here, so a typo is a registry error naming the
field and the value, not a channel that silently imports nothing.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from pelita.core.registries import closest
from pelita.importer.model import HtmlRules

SELECTOR_FIELDS = ("items", "next", "title", "date", "body", "image")
HTML_FIELDS = (*SELECTOR_FIELDS, "max_pages", "remove", "subdomains")
REQUIRED = ("items", "body")
DEFAULT_MAX_PAGES = 3
MAX_PAGES_LIMIT = 50
MAX_REMOVE = 40

Report = Callable[[str, str], None]


def selector_problem(selector: str) -> str | None:
    """Why ``selector`` is not a usable CSS selector, or None when it is."""
    # Loaded on first use: a registry without HTML channels never needs it.
    import soupsieve  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as exc:
        return str(exc).splitlines()[0]
    except FutureWarning as exc:
        return str(exc)
    return None


def _selector(value: Any, field: str, report: Report) -> str | None:
    if not isinstance(value, str) or not value.strip():
        report(f"html.{field}", f"{value!r} must be a CSS selector in quotes")
        return None
    problem = selector_problem(value.strip())
    if problem:
        report(f"html.{field}", f"{value!r} is not a CSS selector: {problem}")
        return None
    return value.strip()


def _max_pages(value: Any, has_next: bool, report: Report) -> int:
    if value is None:
        return DEFAULT_MAX_PAGES if has_next else 1
    if isinstance(value, bool) or not isinstance(value, int):
        report("html.max_pages", f"{value!r} must be a whole number, e.g. 3")
        return 1
    if not 1 <= value <= MAX_PAGES_LIMIT:
        report("html.max_pages", f"{value!r} must be from 1 to {MAX_PAGES_LIMIT}")
        return 1
    if value > 1 and not has_next:
        report("html.max_pages", "needs 'next:', the selector of the next-page link")
    return value


def _remove(value: Any, report: Report) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or len(items) > MAX_REMOVE:
        report(
            "html.remove",
            f"{value!r} must be a list of at most {MAX_REMOVE} CSS selectors, "
            'e.g. [".bagikan", ".baca-juga"]',
        )
        return ()
    kept = (_selector(item, "remove", report) for item in items)
    return tuple(dict.fromkeys(item for item in kept if item))


def _unknown_keys(block: dict[str, Any], report: Report) -> None:
    for key in sorted(set(block) - set(HTML_FIELDS) - {"__line__"}):
        hint = closest(str(key), list(HTML_FIELDS))
        more = f"; closest: {', '.join(hint)}" if hint else ""
        report(f"html.{key}", f"unknown key; allowed: {', '.join(HTML_FIELDS)}{more}")


def check_html(block: Any, fmt: str, report: Report) -> HtmlRules | None:
    """The ``html:`` block of a ``format: html`` channel, checked."""
    if fmt != "html":
        if block is not None:
            report("html", "an 'html:' block needs 'format: html' on the channel")
        return None
    if not isinstance(block, dict):
        found = "missing" if block is None else f"{block!r} is not a block of keys"
        report(
            "html",
            f"{found}; a 'format: html' channel needs an 'html:' block with at "
            "least 'items' (the listing's article links) and 'body' (the "
            "article text), see docs/importing.md",
        )
        return None
    _unknown_keys(block, report)
    found: dict[str, str | None] = {}
    for field in SELECTOR_FIELDS:
        value = block.get(field)
        if value is None:
            if field in REQUIRED:
                report(f"html.{field}", "missing; give its CSS selector")
            found[field] = None
            continue
        found[field] = _selector(value, field, report)
    max_pages = _max_pages(block.get("max_pages"), bool(found["next"]), report)
    remove = _remove(block.get("remove"), report)
    subdomains = block.get("subdomains", False)
    if not isinstance(subdomains, bool):
        report("html.subdomains", f"{subdomains!r} must be true or false")
        subdomains = False
    if not (found["items"] and found["body"]):
        return None
    return HtmlRules(
        items=found["items"],
        body=found["body"],
        next=found["next"],
        max_pages=max_pages,
        title=found["title"],
        date=found["date"],
        image=found["image"],
        remove=remove,
        subdomains=subdomains,
    )
