"""The URLs the build will give every article and page, computed from headers.

Pelican formats ``ARTICLE_URL`` (``{category}/{slug}/``) and ``PAGE_URL``
with the category's slug, the post's slug, date and language; the same is
done here, once per run, so a link like ``/berita/judul-lama/`` can be
checked without building the site.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pelican.utils import slugify

from .context import CheckContext
from .corpus import category_slug, slug_of
from .dates import read_date
from .source import SourceFile


@dataclass
class SiteUrls:
    """Article and page URLs (no leading slash), and category slugs."""

    articles: dict[str, SourceFile] = field(default_factory=dict)
    pages: dict[str, SourceFile] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    by_category: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def knows(self, url: str) -> bool:
        """Whether ``url`` (no leading slash) is an article or page."""
        return url in self.articles or url in self.pages


def build_site_urls(ctx: CheckContext) -> SiteUrls:
    """Compute the URL of every published article and page in the corpus."""
    urls = SiteUrls()
    urls.categories = {
        category_slug(name, ctx.settings): name for name in ctx.categories
    }
    for source in ctx.corpus.files:
        if source.read_error or source.get("status", "").lower() == "draft":
            continue
        url = _url(source, ctx)
        if url is None:
            continue
        if source.is_page:
            urls.pages[url] = source
        else:
            urls.articles[url] = source
            urls.by_category[url.split("/", 1)[0]].append(url)
    return urls


def _url(source: SourceFile, ctx: CheckContext) -> str | None:
    settings = ctx.settings
    slug = slug_of(source, settings)
    if not slug:
        return None
    if source.get("url"):
        return source.get("url").lstrip("/")
    pattern = settings.get("PAGE_URL" if source.is_page else "ARTICLE_URL", "{slug}/")
    category = source.get("category") or settings.get("DEFAULT_CATEGORY", "")
    posted = read_date(source, "date", ctx)
    author = source.get("author") or settings.get("AUTHOR") or ""
    try:
        return pattern.format(
            slug=slug,
            category=category_slug(category, settings),
            date=posted.value if posted else ctx.now,
            lang=source.get("lang") or settings.get("DEFAULT_LANG", ""),
            author=slugify(author),
        ).lstrip("/")
    except (KeyError, IndexError, ValueError, AttributeError):
        return None
