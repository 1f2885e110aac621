"""Read an HTML channel's listing page: its article links and its next page.

The channel's ``html.items`` selector picks the article links (elements that
are, or hold, an ``<a href>``); relative links resolve against the page and
its ``<base>``; links that leave the site are counted and never followed. A
selector that matches nothing is the channel's error, naming the selector
and the page: a redesigned site must not look like a quiet one.
"""

from __future__ import annotations

from dataclasses import dataclass

from pelita.importer.errors import FeedError
from pelita.importer.model import FetchResult, HtmlRules

from .page import link_of, on_site, page_base, resolve_link, soup_of

MAX_ITEMS = 500  # article links read from one listing page


@dataclass(frozen=True)
class ListingJob:
    """One fetched listing page and how to read it (runs in a worker)."""

    result: FetchResult
    rules: HtmlRules
    shown: str  # the page's address as messages name it
    file_root: str | None = None


@dataclass(frozen=True)
class Listing:
    """The article links of one listing page, in its order, and what was left."""

    links: tuple[str, ...]
    next_url: str | None = None
    offsite: tuple[str, ...] = ()


def _redesigned(field: str, selector: str, shown: str, what: str) -> FeedError:
    return FeedError(
        f"html.{field} {selector!r} {what} on {shown}; the site's layout "
        "changed? Check the selector against the page and update the "
        "channel's 'html:' block in the registry"
    )


def read_listing(job: ListingJob) -> Listing:
    """The listing's article links; ``FeedError`` when the selector finds none."""
    rules, result = job.rules, job.result
    soup = soup_of(result)
    base = page_base(soup, result.final_url)
    matched = soup.select(rules.items, limit=MAX_ITEMS)
    if not matched:
        raise _redesigned("items", rules.items, job.shown, "matched nothing")
    links: dict[str, None] = {}
    offsite: dict[str, None] = {}
    for element in matched:
        url = resolve_link(link_of(element), base)
        if url is None:
            continue
        if on_site(url, result.final_url, rules.subdomains, job.file_root):
            links.setdefault(url)
        else:
            offsite.setdefault(url)
    if not links and not offsite:
        raise _redesigned(
            "items",
            rules.items,
            job.shown,
            f"matched {len(matched)} element(s) but none is or holds a link",
        )
    if not links:
        raise FeedError(
            f"html.items {rules.items!r}: every link on {job.shown} leaves the "
            f"site ({len(offsite)}, e.g. {next(iter(offsite))}); links to other "
            "sites are not followed"
        )
    return Listing(tuple(links), _next_page(soup, base, job), tuple(offsite))


def _next_page(soup: object, base: str, job: ListingJob) -> str | None:
    if not job.rules.next:
        return None
    element = soup.select_one(job.rules.next)  # type: ignore[attr-defined]
    if element is None:
        return None
    url = resolve_link(link_of(element), base)
    if url is None or not on_site(
        url, job.result.final_url, job.rules.subdomains, job.file_root
    ):
        return None
    return url
