"""Signal handlers: corrections onto each post, and the ``/ralat/`` page.

Pelican's content cache can skip the reader, so corrections are parsed from
the metadata in the ``*_generator_finalized`` handlers, which run on every
build. Nothing is kept between builds: the page is written from the
generators' own context.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from pelican import signals

from pelita.core.ralat import Correction, corrections_from_metadata

from .settings import ralat_settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Listed:
    """One line of ``/ralat/``: a correction and the post it belongs to."""

    correction: Correction
    content: Any

    @property
    def date(self) -> Any:
        """The correction's date (for templates)."""
        return self.correction.date

    @property
    def has_time(self) -> bool:
        """Whether the correction was dated to the minute."""
        return self.correction.has_time

    @property
    def iso(self) -> str:
        """The ``<time datetime>`` value."""
        return self.correction.iso

    @property
    def text(self) -> str:
        """What was corrected (for templates)."""
        return self.correction.text


def _attach(items: list[Any], tz: ZoneInfo) -> None:
    for item in items:
        value = item.metadata.get("ralat")
        item.ralat = corrections_from_metadata(value, tz) if value else []
        for correction in item.ralat:
            if correction.date is None:
                logger.warning(
                    "ralat: %s: correction without a readable date: %s",
                    item.source_path,
                    correction.text,
                )


def _zone(generator: Any) -> ZoneInfo:
    return ZoneInfo(generator.settings.get("TIMEZONE") or "Asia/Jakarta")


def on_articles(generator: Any) -> None:
    """Give every article (drafts and hidden ones too) its ``ralat`` list."""
    groups = ("articles", "translations", "drafts", "drafts_translations",
              "hidden_articles", "hidden_translations")  # fmt: skip
    _attach(
        [a for name in groups for a in getattr(generator, name, [])], _zone(generator)
    )


def on_pages(generator: Any) -> None:
    """Give every page its ``ralat`` list."""
    groups = ("pages", "translations", "hidden_pages", "hidden_translations",
              "draft_pages", "draft_translations")  # fmt: skip
    _attach(
        [p for name in groups for p in getattr(generator, name, [])], _zone(generator)
    )


def listed(context: dict[str, Any]) -> list[Listed]:
    """Every correction of published posts and pages, newest first."""
    published = [*context.get("articles", []), *context.get("pages", [])]
    entries = [
        Listed(correction, item)
        for item in published
        for correction in getattr(item, "ralat", [])
    ]
    return sorted(
        entries,
        key=lambda e: (e.correction.date or e.content.date, e.content.date),
        reverse=True,
    )


def write_page(generator: Any, writer: Any) -> None:
    """Write ``/ralat/`` after the articles (pages are parsed by then)."""
    options = ralat_settings(generator.settings)
    if not options["save_as"]:
        return
    write = partial(
        writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"]
    )
    write(
        options["save_as"],
        generator.get_template(options["template"]),
        generator.context,
        corrections=listed(generator.context),
        template_name=options["template"],
        page_name=options["save_as"].removesuffix("/index.html").removesuffix(".html"),
        url=options["url"],
    )


def add_url(generator: Any) -> None:
    """Let templates link to the page: ``{{ SITEURL }}/{{ RALAT_PAGE_URL }}``."""
    generator.context["RALAT_PAGE_URL"] = ralat_settings(generator.settings)["url"]


def register() -> None:
    """Pelican entry point."""
    signals.generator_init.connect(add_url)
    signals.article_generator_finalized.connect(on_articles)
    signals.page_generator_finalized.connect(on_pages)
    signals.article_writer_finalized.connect(write_page)
