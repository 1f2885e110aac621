"""Search engines and link previews: structured data, robots.txt, news sitemap.

Open Graph and Twitter tags are printed by the theme from values this plugin
and the image plugins provide; this package builds the JSON-LD (NewsArticle,
ClaimReview, BreadcrumbList, WebSite) with timezone-aware dates, writes
robots.txt and a Google News sitemap of the last two days.
"""

from .jsonld import SiteInfo, article_graph, site_graph
from .newsmap import NewsEntry, news_sitemap
from .plugin import register
from .robots import robots_txt

__all__ = [
    "NewsEntry",
    "SiteInfo",
    "article_graph",
    "news_sitemap",
    "register",
    "robots_txt",
    "site_graph",
]
