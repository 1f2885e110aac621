"""Dates a build would otherwise take from the clock.

Two files of a Pelican site say when they were built: the sitemap gives
every page that is not a post (lists, areas, the home page) the build's
time as ``lastmod``, and an empty Atom feed its ``updated``. Two builds of
the same site then differ in bytes, and a deploy uploads them for nothing.
Here:

* a list page's ``lastmod`` is the newest date of the posts on it, so an
  archived page keeps its date for ever;
* any other page, and an empty feed, take ``SOURCE_DATE_EPOCH`` when set
  (the reproducible-builds convention), otherwise the site's newest post
  date.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from itertools import chain
from typing import Any

from .listpages import ListPage

try:  # the pip plugin, when installed
    from pelican.plugins.sitemap import sitemap
except ImportError:  # pragma: no cover
    sitemap = None

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class SitemapStamp:
    """What the sitemap reads of a page that is not a post: URL and date."""

    url: str
    date: dt.datetime
    status: str = "published"


def _latest(posts: Any) -> dt.datetime | None:
    dates = [getattr(p, "modified", None) or getattr(p, "date", None) for p in posts]
    dates = [d for d in dates if isinstance(d, dt.datetime)]
    return max(dates, key=_comparable) if dates else None


def _comparable(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def newest_date(context: dict[str, Any]) -> dt.datetime:
    """``SOURCE_DATE_EPOCH``, or the newest post of the site, or 1970."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    posts = chain(context.get("articles") or (), context.get("hidden_articles") or ())
    return _latest(posts) or _EPOCH


def sitemap_stamp(local: dict[str, Any]) -> SitemapStamp | None:
    """The sitemap's view of a page that shows no single post."""
    url = str(local.get("output_file") or "")
    pages = [v for v in local.values() if isinstance(v, ListPage)]
    date = _latest(chain.from_iterable(p.object_list for p in pages)) if pages else None
    if date is None:
        date = newest_date(local)
    return SitemapStamp(url, date)


def settle_sitemap_clock(generators: list[Any]) -> None:
    """Give the sitemap plugin the site's date instead of the build's clock.

    The plugin stamps pages it cannot date (static pages without a date)
    with the time it was imported; that becomes the site's newest date.
    """
    if sitemap is None:
        return
    for generator in generators:
        if hasattr(generator, "articles") and hasattr(generator, "hidden_articles"):
            sitemap.generator.now = newest_date(
                {
                    "articles": generator.articles,
                    "hidden_articles": generator.hidden_articles,
                }
            )
            return
