"""Relative dates as news pages print them: "3 jam yang lalu", "kemarin".

Listing and article pages of Indonesian CMSes often show how long ago a post
went up instead of its date. Such a date means something only next to the
moment the page was fetched, so it is read against that moment, in the
page's zone (Asia/Jakarta unless the text names another). The result is an
approximation (a "2 hari lalu" post is dated two days before the fetch, to
the minute); ``dates`` marks it so a later run does not move it again.
"""

from __future__ import annotations

import datetime as dt
import re

_UNITS = {
    "detik": dt.timedelta(seconds=1),
    "second": dt.timedelta(seconds=1),
    "menit": dt.timedelta(minutes=1),
    "minute": dt.timedelta(minutes=1),
    "min": dt.timedelta(minutes=1),
    "jam": dt.timedelta(hours=1),
    "hour": dt.timedelta(hours=1),
    "hari": dt.timedelta(days=1),
    "day": dt.timedelta(days=1),
    "minggu": dt.timedelta(weeks=1),
    "pekan": dt.timedelta(weeks=1),
    "week": dt.timedelta(weeks=1),
    "bulan": dt.timedelta(days=30),
    "month": dt.timedelta(days=30),
    "tahun": dt.timedelta(days=365),
    "year": dt.timedelta(days=365),
}
_ONE = {"se", "satu", "a", "an", "one"}
_AGO = re.compile(
    r"\b(\d{1,4}|se|satu|an?|one)\s*"
    r"(detik|menit|jam|hari|minggu|pekan|bulan|tahun|"
    r"seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+"
    r"(?:yang\s+|yg\.?\s+)?(?:lalu|silam|ago)\b"
)
_DAYS_BACK = (
    (re.compile(r"\b(?:baru\s+saja|barusan|just\s+now)\b"), None),
    (re.compile(r"\b(?:hari\s+ini|today)\b"), 0),
    (re.compile(r"\b(?:kemarin|kemaren|yesterday)\b"), 1),
)
_CLOCK = re.compile(r"(?<![\d.,:])(\d{1,2})[:.](\d{2})(?![\d.,]?\d)")


def _clock(text: str) -> tuple[int, int] | None:
    match = _CLOCK.search(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    return (hour, minute) if hour < 24 and minute < 60 else None


def _ago(text: str, now: dt.datetime) -> dt.datetime | None:
    match = _AGO.search(text)
    if not match:
        return None
    amount, unit = match.groups()
    count = 1 if amount in _ONE else int(amount)
    step = _UNITS[unit.rstrip("s")] if unit not in _UNITS else _UNITS[unit]
    return now - count * step


def _on_day(text: str, now: dt.datetime) -> dt.datetime | None:
    for pattern, days_back in _DAYS_BACK:
        if not pattern.search(text):
            continue
        if days_back is None:
            return now
        day = now - dt.timedelta(days=days_back)
        clock = _clock(text)
        if clock is None:
            return day
        return day.replace(hour=clock[0], minute=clock[1], second=0)
    return None


def parse_relative(text: str, now: dt.datetime) -> dt.datetime | None:
    """The moment a relative date (lower-cased text) means, seen at ``now``.

    ``now`` is aware and already in the page's zone, so "kemarin 09.15" is
    09:15 of the day before in that zone.
    """
    return _ago(text, now) or _on_day(text, now)
