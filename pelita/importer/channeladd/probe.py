"""Look at an address an admin pasted: a feed, a page with a feed, or neither.

For ``invoke channel-add``. The address is fetched with the importer's own
client, limits and network policy (its port is allowed as a registry
entry's would be; its addresses are checked like any other); a web page is
searched for its feed as an import would search it; a site without a feed
gets guessed ``html:`` selectors, tried on its listing and on its first
article.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from pelita.importer.errors import FeedError, FetchError
from pelita.importer.feeds.parse import parse_document
from pelita.importer.fetching.discover import discover_feed
from pelita.importer.fetching.http import FEED_ACCEPT, HttpFetcher
from pelita.importer.fetching.netpolicy import Resolver
from pelita.importer.fetching.pages import PageGetter
from pelita.importer.fetching.sniff import is_html_page
from pelita.importer.htmlchannels.page import meta_content, soup_of
from pelita.importer.model import Channel, FetchResult, HtmlRules
from pelita.importer.run.runner import fetch_limits, network_policy
from pelita.importer.settings import ImporterConfig

from .guess import Guess, guess_article, guess_listing, rules_from_guesses

HOW_FEED = "feed"
HOW_DISCOVERED = "discovered"
HOW_HTML = "html"
_TITLE_SEPARATORS = re.compile("\\s+[-|\u2013\u2014\u00bb:]\\s+")  # - | en/em dash »


@dataclass(frozen=True)
class SiteProbe:
    """What the address is, and what the registry entry should say."""

    url: str
    how: str  # feed | discovered | html
    feed_url: str | None = None
    site_name: str = ""
    entries: int = 0
    html: HtmlRules | None = None
    missing: tuple[str, ...] = ()  # html selectors that could not be guessed
    guesses: tuple[Guess, ...] = ()  # every html guess, with the page it tried


class ProbeError(Exception):
    """The address cannot be used; the message says why, in Indonesian."""


def _site_name(page: FetchResult) -> str:
    soup = soup_of(page)
    named = meta_content(soup, 'meta[property="og:site_name"]')
    if named:
        return named
    title = soup.find("title")
    parts = _TITLE_SEPARATORS.split(" ".join(title.get_text().split())) if title else []
    return parts[-1] if parts else ""


def _feed_facts(result: FetchResult) -> tuple[str, int]:
    feed = parse_document(result)
    return " ".join(feed.title.split()), len(feed.entries)


ARTICLES_TRIED = 3  # articles of the listing tried until one gives a body


async def _article_guesses(
    channel: Channel, links: tuple[str, ...], pages: PageGetter
) -> tuple[dict[str, Guess], list[Guess]]:
    """The guesses on the first article that gives a body; the failures before."""
    tried: list[Guess] = []
    article: dict[str, Guess] = {}
    for link in links[:ARTICLES_TRIED]:
        try:
            article = guess_article(await pages.get(channel, link))
        except FetchError as exc:
            tried.append(Guess("body", None, link, note=f"not fetched: {exc}"))
            continue
        if article["body"].selector:
            return article, tried
        tried.append(article["body"])
    return article, tried


async def _html_probe(
    channel: Channel, page: FetchResult, pages: PageGetter, siblings: bool
) -> SiteProbe:
    listing = guess_listing(page, siblings)
    article, tried = await _article_guesses(channel, listing.articles, pages)
    rules, missing = rules_from_guesses(listing, article, siblings)
    shown = [*listing.guesses, *tried]
    shown += [
        article[name] for name in ("title", "date", "body", "image") if name in article
    ]
    return SiteProbe(
        channel.url,
        HOW_HTML,
        None,
        _site_name(page),
        0,
        rules,
        tuple(missing),
        tuple(dict.fromkeys(shown)),
    )


async def _probe(channel: Channel, pages: PageGetter, siblings: bool) -> SiteProbe:
    first = await pages.get(channel, channel.url, accept=FEED_ACCEPT, polite=False)
    if not is_html_page(first):
        title, count = _feed_facts(first)
        return SiteProbe(channel.url, HOW_FEED, channel.url, title, count)
    try:
        source = await discover_feed(channel, first, pages)
    except FeedError:
        return await _html_probe(channel, first, pages, siblings)
    title, count = _feed_facts(source.result)
    name = _site_name(first) or title
    return SiteProbe(channel.url, HOW_DISCOVERED, source.feed_url, name, count)


def check_address(url: str) -> str:
    """The address as given, if it is an http(s) address with a host."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ProbeError(
            f"Alamat {url!r} tidak bisa dipakai: tulis alamat lengkap, "
            "diawali https:// (mis. https://kelurahan.semarangkota.go.id/)"
        )
    return url


async def probe_site(
    url: str,
    config: ImporterConfig,
    known: list[Channel],
    resolver: Resolver | None = None,
    siblings: bool = False,
) -> SiteProbe:
    """Fetch ``url`` and tell what kind of channel it makes.

    With ``siblings``, article links to other subdomains of the same site
    (``indeks.example`` listing ``nasional.example``) count as the site's.
    """
    address = check_address(url)
    channel = Channel(id="baru", name="baru", kind="media", url=address)
    if siblings:  # its sibling subdomains are reached as the import will reach them
        probe_rules = HtmlRules(items="a", body="body", subdomains=True)
        channel = Channel(
            "baru", "baru", "media", address, format="html", html=probe_rules
        )
    policy = network_policy(config, [*known, channel])
    async with HttpFetcher(fetch_limits(config), policy, resolver) as fetcher:
        pages = PageGetter(
            fetcher, config.channels_file.parent, config.max_bytes, config.page_delay
        )
        try:
            return await _probe(channel, pages, siblings)
        except (FetchError, FeedError) as exc:
            raise ProbeError(f"Alamat {url} tidak bisa dibaca: {exc}") from exc


def run_probe(
    url: str,
    config: ImporterConfig,
    known: list[Channel],
    resolver: Resolver | None = None,
    siblings: bool = False,
) -> SiteProbe:
    """``probe_site`` for callers without an event loop."""
    return asyncio.run(probe_site(url, config, known, resolver, siblings))
