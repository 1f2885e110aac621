"""Write ``/kanal/`` (the channels, for the public) and ``/kanal/admin/``.

Both are built from the importer's registry, state file and last report
(paths from ``IMPORTER``), and the site's own posts (each channel's newest).
The public page, linked from the footer, lists every official channel with
a plain state (connected, being checked, waiting, not connected yet): no
"silent for 125 days" about an office in public. The admin page has the
detail (failures, errors in plain Indonesian, days since the last post),
is linked from the public page only, marked ``noindex`` (so the seo plugin
drops it from the sitemap; ``SITEMAP['exclude']`` names it too) and left
out of the search index. A missing state or report (a site built before
any import) gives pages that say every channel is still waiting for its
first fetch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from pelita.core.registries import site_channels
from pelita.core.settings import KANAL, merge_settings, plugin_enabled
from pelita.importer.errors import ImporterConfigError
from pelita.importer.settings import load_config
from pelita.importer.writing.state import parse_iso, peek_state

from .health import PUBLIC_STATUS, channel_health, counts, public_rows

logger = logging.getLogger(__name__)


def kanal_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """``KANAL`` merged over the defaults."""
    return merge_settings(settings, KANAL)


def build_time() -> dt.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)


def _report_rows(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(row["id"]): row for row in data["channels"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _newest_posts(context: dict[str, Any]) -> dict[str, dt.datetime]:
    newest: dict[str, dt.datetime] = {}
    for article in [*context.get("articles", []), *context.get("hidden_articles", [])]:
        channel = str(article.metadata.get("channel") or "")
        if not channel:
            continue
        date = (
            article.date if article.date.tzinfo else article.date.replace(tzinfo=dt.UTC)
        )
        if channel not in newest or date > newest[channel]:
            newest[channel] = date
    return newest


class KanalGenerator(Generator):
    """Gathers the channels' health after the articles, writes one page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list = []
        self.last_import: dt.datetime | None = None

    def generate_context(self) -> None:
        """Compute the rows (once every article generator has run)."""
        if not plugin_enabled(self.settings, "kanal"):
            return
        try:
            config = load_config(self.settings)
        except ImporterConfigError as exc:
            logger.warning("kanal: IMPORTER setting unusable: %s", exc)
            return
        states = peek_state(config.state_file)
        self.rows = channel_health(
            site_channels(self.settings, who="kanal").channels,
            states,
            _report_rows(config.report_file),
            _newest_posts(self.context),
            now=build_time(),
            silent_days=int(kanal_settings(self.settings)["silent_days"]),
        )
        attempts = [parse_iso(s.last_attempt) for s in states.values()]
        self.last_import = max((a for a in attempts if a), default=None)

    def generate_output(self, writer: Any) -> None:
        """Write ``/kanal/`` and ``/kanal/admin/`` (each unless its save_as is "")."""
        options = kanal_settings(self.settings)
        if not plugin_enabled(self.settings, "kanal"):
            return
        shared = {
            "relative_urls": self.settings["RELATIVE_URLS"],
            "kanal_last_import": self.last_import,
        }
        if options["save_as"]:
            public = public_rows(self.rows)
            found = dict.fromkeys(PUBLIC_STATUS.values(), 0)
            for row in public:
                found[row.public_status] += 1
            writer.write_file(
                options["save_as"],
                self.get_template(options["template"]),
                self.context,
                url=options["url"],
                kanal_rows=public,
                kanal_counts=found,
                template_name=options["template"],
                **shared,
            )
        if options["admin_save_as"]:
            writer.write_file(
                options["admin_save_as"],
                self.get_template(options["admin_template"]),
                self.context,
                url=options["admin_url"],
                kanal_rows=self.rows,
                kanal_counts=counts(self.rows),
                kanal_silent_days=options["silent_days"],
                template_name=options["admin_template"],
                **shared,
            )
        logger.info("kanal: wrote the channel pages of %d channels", len(self.rows))


def add_url(generator: Any) -> None:
    """Let templates link to the pages: ``KANAL_URL``, ``KANAL_ADMIN_URL``."""
    options = kanal_settings(generator.settings)
    if not plugin_enabled(generator.settings, "kanal"):
        return
    if options["save_as"]:
        generator.context["KANAL_URL"] = options["url"]
    if options["admin_save_as"]:
        generator.context["KANAL_ADMIN_URL"] = options["admin_url"]


def get_generators(pelican: Any) -> type:
    """Pelican hook: add the health page's generator."""
    del pelican
    return KanalGenerator


def register() -> None:
    """Pelican entry point."""
    signals.generator_init.connect(add_url)
    signals.get_generators.connect(get_generators)
