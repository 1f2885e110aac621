"""The kits of the last days, for the admins' page: a pure function of a date.

"Today" is passed in (the build's day, or ``SHAREKIT['today']``), so the page
and its tests do not depend on the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from .model import Kit


def local_day(value: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The calendar day of ``value`` in ``tz`` (naive values are ``tz`` time)."""
    if value.tzinfo is None:
        return value.date()
    return value.astimezone(tz).date()


def recent_kits(
    kits: Iterable[Kit], today: dt.date, days: int, tz: ZoneInfo
) -> list[Kit]:
    """Kits of posts from the ``days`` days up to ``today`` (or later), newest first.

    ``days=30`` on 17 November keeps posts from 19 October on; posts dated
    after ``today`` (scheduled, already published by the build) stay too.
    """
    since = today - dt.timedelta(days=days - 1)
    chosen = [kit for kit in kits if local_day(kit.date, tz) >= since]
    return sorted(chosen, key=lambda kit: kit.date, reverse=True)
