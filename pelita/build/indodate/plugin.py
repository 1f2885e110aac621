"""Register the Babel date filters with every Pelican generator's Jinja env."""

from __future__ import annotations

from functools import partial
from typing import Any

from pelican import signals

from pelita.core.indodate import format_date, format_iso


def add_filters(generator: Any) -> None:
    """Expose ``tanggal`` and ``iso_date`` to templates, bound to the site's zone."""
    settings = generator.settings
    locale = settings.get("DEFAULT_LANG") or "id"
    timezone = settings.get("TIMEZONE") or "Asia/Jakarta"
    generator.env.filters["tanggal"] = partial(
        _tanggal, locale=locale, timezone=timezone
    )
    generator.env.filters["iso_date"] = partial(format_iso, timezone=timezone)


def _tanggal(value: Any, style: str = "date", *, locale: str, timezone: str) -> str:
    return format_date(value, style, locale=locale, timezone=timezone)


def register() -> None:
    """Pelican entry point."""
    signals.generator_init.connect(add_filters)
