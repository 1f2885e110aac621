"""Pure date formatting with Babel; no Pelican here so it is easy to test."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

# CLDR patterns; "HH.mm" is the Indonesian time style (09.00, not 09:00).
STYLES: dict[str, str] = {
    "date": "EEEE, d MMMM y",
    "datetime": "EEEE, d MMMM y HH.mm z",
    "short": "d MMM y",
    "medium": "d MMMM y",
    "month": "MMMM y",
    "time": "HH.mm z",
}


def _aware(value: dt.datetime | dt.date, tz: ZoneInfo) -> dt.datetime:
    """Return an aware datetime in ``tz``; naive values are taken as ``tz`` time."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def format_date(
    value: dt.datetime | dt.date,
    style: str = "date",
    locale: str = "id",
    timezone: str = "Asia/Jakarta",
) -> str:
    """Format ``value`` in one of :data:`STYLES` (or a raw CLDR pattern).

    >>> format_date(dt.datetime(2024, 3, 21, 9, 0), "datetime")
    'Kamis, 21 Maret 2024 09.00 WIB'

    A site shows each post's date on every list it appears in (home, category,
    tags, archives, area pages), so results are remembered: Babel takes about
    70 µs per call, and a 20,000-post site formats dates some 250,000 times.
    """
    try:
        return _format_cached(value, style, locale, timezone)
    except TypeError:  # an unhashable date-like value: format it directly
        return _format(value, style, locale, timezone)


def _format(
    value: dt.datetime | dt.date, style: str, locale: str, timezone: str
) -> str:
    tz = ZoneInfo(timezone)
    pattern = STYLES.get(style, style)
    return format_datetime(_aware(value, tz), pattern, tzinfo=tz, locale=locale)


# Safe to share across builds: the text depends only on the arguments. Equal
# keys are equal instants (aware), equal wall times (naive) or equal days, and
# each formats to the same text in ``timezone``.
_format_cached = lru_cache(maxsize=1 << 16)(_format)


def format_iso(value: dt.datetime | dt.date, timezone: str = "Asia/Jakarta") -> str:
    """ISO 8601 with the offset, for ``<time datetime>`` and JSON-LD."""
    return _aware(value, ZoneInfo(timezone)).isoformat(timespec="seconds")
