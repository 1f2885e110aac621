"""Find a site's feed from its address (feed autodiscovery).

Admins often know a site's address, not its feed's. When a channel's ``url``
answers with a web page, the page's ``<link rel="alternate">`` elements of a
feed type are tried (resolved against the page and its ``<base>``; comment
feeds left out), then WordPress's usual addresses (``/feed/``,
``/?feed=rss2``). The first that answers with a feed is used and recorded in
the state (``feed_url``), so later runs fetch it directly, with conditional
GET; the report names it so the registry can be updated. Every probe goes
through the same client, limits and network policy as any fetch.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from pelita.importer.errors import FeedError, FetchError
from pelita.importer.model import Channel, FetchResult, Validators
from pelita.importer.writing.state import ChannelState

from .http import FEED_ACCEPT
from .local import registry_relative
from .pages import PageGetter
from .sniff import is_html_page, looks_like_feed

logger = logging.getLogger(__name__)

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/json",
)
WORDPRESS_PATHS = ("/feed/", "/?feed=rss2")
MAX_LINKED = 4
_COMMENTS = re.compile(r"comments?/feed|komentar|comments feed", re.IGNORECASE)
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class FeedSource:
    """The fetched feed, and the discovered address it came from (if any)."""

    result: FetchResult
    feed_url: str | None = None


def _charset(result: FetchResult) -> str | None:
    match = _CHARSET.search(result.header("content-type") or "")
    return match.group(1) if match else None


def _usable(url: str, page_url: str) -> bool:
    scheme = urlsplit(url).scheme.lower()
    if page_url.startswith("file:"):
        return scheme == "file"
    return scheme in ("http", "https")


def linked_feeds(result: FetchResult) -> list[str]:
    """The feeds a page declares with ``<link rel="alternate" type=...>``.

    RSS first, then Atom, JSON Feed, RDF (the order of ``FEED_TYPES``), each
    in the page's order; comment feeds are never a channel's feed.
    """
    from bs4 import BeautifulSoup, SoupStrainer  # noqa: PLC0415 - rarely needed

    soup = BeautifulSoup(
        result.body,
        "html.parser",
        from_encoding=_charset(result),
        parse_only=SoupStrainer(["link", "base"]),
    )
    base = result.final_url
    declared = soup.find("base", href=True)
    if declared is not None:
        base = urljoin(base, str(declared["href"]).strip())
    found: dict[str, int] = {}
    for link in soup.find_all("link", href=True):
        rels = [str(r).lower() for r in link.get("rel") or []]
        kind = str(link.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_TYPES:
            continue
        href = urljoin(base, str(link["href"]).strip())
        title = str(link.get("title") or "")
        if _COMMENTS.search(href) or _COMMENTS.search(title):
            continue
        if _usable(href, result.final_url):
            found.setdefault(href, FEED_TYPES.index(kind))
    ranked = sorted(found, key=found.__getitem__)  # stable: page order per type
    return ranked[:MAX_LINKED]


def wordpress_guesses(page_url: str) -> list[str]:
    """WordPress's feed addresses on the page's site."""
    parts = urlsplit(page_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return []
    return [f"{parts.scheme}://{parts.netloc}{path}" for path in WORDPRESS_PATHS]


def _why(exc: FetchError) -> str:
    return f"HTTP {exc.status}" if exc.status else str(exc)


async def discover_feed(
    channel: Channel, page: FetchResult, pages: PageGetter
) -> FeedSource:
    """The feed of the site whose page is ``page``; ``FeedError`` when none."""
    linked = linked_feeds(page)
    tried: list[str] = []
    for url in dict.fromkeys([*linked, *wordpress_guesses(page.final_url)]):
        if url == page.final_url:
            continue
        try:
            result = await pages.get(channel, url, accept=FEED_ACCEPT)
        except FetchError as exc:
            tried.append(f"{_shown(url, pages)} ({_why(exc)})")
            continue
        if looks_like_feed(result):
            found = _shown(url, pages)
            logger.info(
                "importer: %s: %s is a web page; its feed is %s",
                channel.id,
                channel.url,
                found,
            )
            return FeedSource(result, found)
        what = "a web page" if is_html_page(result) else "not a feed"
        tried.append(f"{_shown(url, pages)} ({what})")
    raise FeedError(_nothing_found(linked, tried))


def _shown(url: str, pages: PageGetter) -> str:
    """A demo file as its path next to the registry, never a machine path."""
    return registry_relative(url, pages.registry_dir)


def _nothing_found(linked: list[str], tried: list[str]) -> str:
    links = (
        "the feeds it links do not answer"
        if linked
        else 'it links no feed (<link rel="alternate" type="application/rss+xml">)'
    )
    probes = f"; tried {', '.join(tried)}" if tried else ""
    return (
        f"the address is a web page, not a feed, and no feed was found for it: "
        f"{links}{probes}. Give the feed's address as 'url', or read the site's "
        "pages with 'format: html' and an 'html:' block (see docs/importing.md)"
    )


async def fetch_channel_feed(
    channel: Channel, state: ChannelState, pages: PageGetter
) -> FeedSource:
    """The channel's feed: its ``url``, or the feed found from that page.

    A feed found before is fetched directly (with its validators); when it
    is gone (404, 410, or a web page now) the page is searched again.
    """
    same = state.url == channel.url
    known = state.feed_url if same else None
    validators = Validators(state.etag, state.last_modified) if same else None
    if known:
        result = await _known_feed(channel, known, validators, pages)
        if result is not None:
            return FeedSource(result, known)
        validators = None
    result = await pages.get(channel, channel.url, validators, FEED_ACCEPT, False)
    if result.not_modified or not is_html_page(result):
        return FeedSource(result)
    return await discover_feed(channel, result, pages)


async def _known_feed(
    channel: Channel, url: str, validators: Validators | None, pages: PageGetter
) -> FetchResult | None:
    try:
        result = await pages.get(channel, url, validators, FEED_ACCEPT, False)
    except FetchError as exc:
        if exc.status not in (404, 410):
            raise
        result = None
    if result is not None and (result.not_modified or not is_html_page(result)):
        return result
    logger.warning(
        "importer: %s: the feed found before (%s) is gone; looking again",
        channel.id,
        url,
    )
    return None
