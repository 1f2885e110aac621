"""Add the about page (``/tentang/``) to the pages, unless an admin wrote one.

A new city's ``content/pages/`` starts empty; this page then says the city's
name and counts its kecamatan, kelurahan and OPD from the registries, so it
is right for any city without editing. An admin's own page with the same
slug (``content/pages/tentang.md``) replaces it.

The Markdown goes to a file under ``CACHE_PATH`` (rewritten only when it
changes) and is read by Pelican's own readers, so it is a page like any
other: its signals, the HTML sanitizer, the sitemap and the search.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Page
from pelican.utils import order_content

from pelita.core.registries import RegistryError
from pelita.core.settings import plugin_enabled

from .facts import city_facts
from .render import render_about

logger = logging.getLogger(__name__)

SLUG = "tentang"
FOLDER = "aboutpage"
FILENAME = "tentang.md"


def _write_if_changed(path: Path, text: str) -> None:
    """Keep the file's time when its text is the same (the reader cache keys on it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except FileNotFoundError:
        pass
    path.write_text(text, encoding="utf-8")


def _taken(generator: Any) -> bool:
    pages = [
        *generator.pages,
        *generator.hidden_pages,
        *generator.draft_pages,
        *generator.translations,
    ]
    return any(getattr(page, "slug", None) == SLUG for page in pages)


def add_about_page(generator: Any) -> None:
    """Read the made about page into the generator's published pages."""
    settings = generator.settings
    if not plugin_enabled(settings, "aboutpage") or _taken(generator):
        return
    try:
        text = render_about(city_facts(settings))
    except RegistryError as exc:
        logger.error("aboutpage: /%s/ is left out: %s", SLUG, exc)
        return
    folder = Path(settings.get("CACHE_PATH") or ".cache") / FOLDER
    _write_if_changed(folder / FILENAME, text)
    page = generator.readers.read_file(
        base_path=str(folder),
        path=FILENAME,
        content_class=Page,
        context=generator.context,
        preread_signal=signals.page_generator_preread,
        preread_sender=generator,
        context_signal=signals.page_generator_context,
        context_sender=generator,
    )
    generator.pages[:] = order_content(
        [*generator.pages, page], settings["PAGE_ORDER_BY"]
    )
    generator.add_source_path(page)


def register() -> None:
    """Pelican entry point."""
    signals.page_generator_finalized.connect(add_about_page)
