"""Jinja globals for structured data; robots.txt and the news sitemap."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelican import signals

from pelita.core.htmlsafety import field_text
from pelita.core.settings import SEO, merge_settings

from . import noindex
from .jsonld import SiteInfo, article_graph, site_graph
from .newsmap import NewsEntry, news_sitemap
from .robots import robots_txt

logger = logging.getLogger(__name__)


def site_info(settings: dict[str, Any]) -> SiteInfo:
    """The site's identity from Pelican's settings and the SEO dict."""
    options = merge_settings(settings, SEO)
    return SiteInfo(
        url=settings.get("SITEURL") or "",
        name=settings.get("SITENAME") or "",
        publisher=settings.get("AUTHOR") or settings.get("SITENAME") or "",
        language=options["language"],
        timezone=settings.get("TIMEZONE") or "Asia/Jakarta",
        logo_path=options["logo"],
        search_path=options["search_path"],
    )


def add_globals(generator: Any) -> None:
    """``article_json_ld(article)``, ``site_json_ld()`` and ``og_locale``."""
    settings = generator.settings
    site = site_info(settings)

    def article_json_ld(article: Any) -> dict[str, Any]:
        image = getattr(article, "og_image", None)
        image_url = site.absolute(image["path"]) if image else None
        return article_graph(article, site, image_url)

    generator.env.globals["article_json_ld"] = article_json_ld
    generator.env.globals["site_json_ld"] = lambda: site_graph(site)
    generator.env.globals["og_locale"] = merge_settings(settings, SEO)["locale"]


def build_time(timezone: str) -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    zone = ZoneInfo(timezone)
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), zone)
    return dt.datetime.now(zone)


class SeoFilesGenerator:
    """Writes robots.txt and the news sitemap after the pages are written."""

    def __init__(
        self, context: dict[str, Any], settings: dict[str, Any], **kwargs: Any
    ):
        self.context = context
        self.settings = settings
        self.output_path = Path(kwargs["output_path"])

    def generate_output(self, writer: Any) -> None:
        """Write both files (robots.txt and the news sitemap) into output/."""
        del writer
        options = merge_settings(self.settings, SEO)
        site = site_info(self.settings)
        robots = robots_txt(site.url, options["sitemaps"], options["robots_disallow"])
        (self.output_path / "robots.txt").write_text(robots, encoding="utf-8")
        zone = ZoneInfo(site.timezone)
        entries = [
            NewsEntry(
                site.absolute(a.url),
                field_text(a.title),
                a.date if a.date.tzinfo else a.date.replace(tzinfo=zone),
            )
            for a in self.context.get("articles", [])
        ]
        xml = news_sitemap(
            entries,
            build_time(site.timezone),
            site.name,
            options["language"].split("-")[0],
            dt.timedelta(hours=options["news_window_hours"]),
        )
        path = self.output_path / options["news_sitemap"]
        path.write_text(xml, encoding="utf-8")
        logger.info("seo: wrote robots.txt and %s", options["news_sitemap"])


def get_generators(pelican: Any) -> type:
    """Pelican hook: add the generator that writes robots.txt and the sitemap."""
    del pelican
    return SeoFilesGenerator


def reset_sitemap_state(pelican: Any) -> None:
    """Pelican ``initialized``: forget what an aborted build left in the sitemap plugin.

    The sitemap plugin keeps one module-level generator that remembers the
    first Pelican object of a run and writes ``sitemap.xml`` only when that
    object finishes. A build that stops with an error never finishes, so every
    later build in the same process (``invoke regenerate``, a gate after a
    failed build, the test suite) would silently write no sitemap at all.
    """
    del pelican
    try:
        from pelican.plugins.sitemap.sitemap import generator  # noqa: PLC0415
    except ImportError:  # the sitemap plugin is not installed
        return
    generator._main_pelican = None
    generator.page_queue = []


def register() -> None:
    """Pelican entry point."""
    signals.initialized.connect(reset_sitemap_state)
    signals.generator_init.connect(add_globals)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(noindex.on_finalized)
