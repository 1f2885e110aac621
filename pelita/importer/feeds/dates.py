"""Entry dates: timezone-aware, with Indonesian conventions.

feedparser reads "WIB" as UTC (seven hours off) and gives nothing for
Indonesian month names or for dates without a zone. Here the zone
abbreviations WIB (+07:00), WITA (+08:00) and WIT (+09:00) are known,
Indonesian and English day and month names are read (the names come from
Babel's CLDR data, plus the old spellings "Pebruari", "Nopember"), and a date
without a zone is taken as Asia/Jakarta time. feedparser's own parse is the
last resort. A missing or unreadable date becomes the first-seen time and a
date in the future is clamped to the fetch time; both are noted for the
report. Relative dates ("3 jam yang lalu", "kemarin"; see ``relative_dates``)
are read against the fetch time and marked approximate.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names

from .relative_dates import parse_relative

JAKARTA = ZoneInfo("Asia/Jakarta")
_OLDEST_YEAR = 1995  # older dates are placeholders of broken CMSes (1970-01-01)
_ZONES = {
    "wib": 7 * 60,
    "wita": 8 * 60,
    "wit": 9 * 60,
    "utc": 0,
    "gmt": 0,
    "ut": 0,
    "z": 0,
    # RFC 822's North American zones, which some feed generators still write.
    "est": -5 * 60,
    "edt": -4 * 60,
    "cst": -6 * 60,
    "cdt": -5 * 60,
    "mst": -7 * 60,
    "mdt": -6 * 60,
    "pst": -8 * 60,
    "pdt": -7 * 60,
}
_EXTRA_MONTHS = {
    "pebruari": 2,
    "peb": 2,
    "nopember": 11,
    "nop": 11,
    "agt": 8,
    "ags": 8,
    "agus": 8,
    "sept": 9,
    "okt": 10,
    "des": 12,
    "mrt": 3,
}
_ZONE_RE = re.compile(
    r"(?:\s|^)(wita|wib|wit|utc|gmt|ut|z|[ecmp][sd]t|[+-]\d{2}:?\d{2})\s*$"
)
# A clock time; "1.234" (a view count with a thousands dot) is not one.
_TIME_RE = re.compile(
    r"(?<![\d.,])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\.\d+)?(?![\d,]|\.\d)"
    r"\s*(am|pm)?"
)
_INNER_ZONE_RE = re.compile(r"\b(wita|wib|wit)\b")
_DATE_PATTERNS = (
    # 21 Maret 2024, 21 Mar. 2024
    ("dmy", re.compile(r"\b(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b")),
    # March 21, 2024 / Maret 21 2024
    ("mdy", re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})\b")),
    # 2024-03-21, 2024/03/21
    ("ymd", re.compile(r"\b(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\b")),
    # 21/03/2024, 21-03-2024, 21.03.2024 (day first, as Indonesia writes it)
    ("dmy-num", re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")),
)
_FILLER = re.compile(r"\b(?:pukul|jam|at|on|tanggal|tgl)\b|[|,()]")


@dataclass(frozen=True)
class EntryDates:
    """The dates to publish, and why they differ from the feed's, if they do."""

    published: dt.datetime
    updated: dt.datetime | None
    note: str | None = None
    first_seen: bool = False
    approximate: bool = False  # read from a relative date ("2 hari lalu")


@functools.cache
def _month_names() -> dict[str, int]:
    names: dict[str, int] = dict(_EXTRA_MONTHS)
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[name.lower().rstrip(".")] = number
    return names


@functools.cache
def _day_names_re() -> re.Pattern[str]:
    names = {"jum'at", "ahad"}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            names.update(
                n.lower().rstrip(".")
                for n in get_day_names(width, locale=locale).values()
            )
    alternatives = "|".join(
        sorted((re.escape(n) for n in names), key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alternatives})\b\.?")


def _zone(token: str | None, default: dt.tzinfo) -> dt.tzinfo:
    if token is None:
        return default
    if token in _ZONES:
        return dt.timezone(dt.timedelta(minutes=_ZONES[token]))
    sign = -1 if token[0] == "-" else 1
    digits = token[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    return dt.timezone(sign * dt.timedelta(minutes=minutes))


def _iso(text: str, default: dt.tzinfo) -> dt.datetime | None:
    candidate = re.sub(r"\s*(wib|wita|wit)$", "", text.strip(), flags=re.IGNORECASE)
    try:
        value = dt.datetime.fromisoformat(candidate)
    except ValueError:
        return None
    if value.tzinfo is None:
        zone = _ZONE_RE.search(text.lower())
        value = value.replace(tzinfo=_zone(zone.group(1) if zone else None, default))
    return value


def _date_part(text: str) -> tuple[int, int, int, tuple[int, int]] | None:
    months = _month_names()
    for kind, pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        a, b, c = match.groups()
        if kind == "dmy" and a.isdigit() and b in months:
            return int(c), months[b], int(a), match.span()
        if kind == "mdy" and a in months:
            return int(c), months[a], int(b), match.span()
        if kind == "ymd":
            return int(a), int(b), int(c), match.span()
        if kind == "dmy-num":
            return int(c), int(b), int(a), match.span()
    return None


def _time_part(text: str) -> tuple[int, int, int]:
    match = _TIME_RE.search(text)
    if not match:
        return 0, 0, 0
    hour, minute, second = (int(g or 0) for g in match.groups()[:3])
    meridiem = match.group(4)
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hour, minute, second


def _words(text: str, default: dt.tzinfo) -> dt.datetime | None:
    lowered = _FILLER.sub(" ", _day_names_re().sub(" ", text.lower()))
    zone = _ZONE_RE.search(lowered)
    if zone:
        lowered = lowered[: zone.start()]
    else:  # "09:15 WIB | Dilihat 90 kali": the zone is not always last
        zone = _INNER_ZONE_RE.search(lowered)
    date = _date_part(lowered)
    if date is None:
        return None
    year, month, day, span = date
    rest = lowered[: span[0]] + " " + lowered[span[1] :]
    try:
        return dt.datetime(
            year, month, day, *_time_part(rest),
            tzinfo=_zone(zone.group(1) if zone else None, default),
        )  # fmt: skip
    except ValueError:
        return None


def parse_date(
    text: str | None, default: dt.tzinfo = JAKARTA, now: dt.datetime | None = None
) -> dt.datetime | None:
    """Read one date as feeds and Indonesian sites write it; naive means Jakarta.

    With ``now`` (the fetch time), relative dates ("3 jam yang lalu",
    "kemarin 09.15") are read too.
    """
    if not text or not text.strip():
        return None
    text = " ".join(text.split())[:200]
    found = _iso(text, default) or _words(text, default)
    if found is None and now is not None:
        found = _relative(text, default, now)
    return found


def _relative(text: str, default: dt.tzinfo, now: dt.datetime) -> dt.datetime | None:
    lowered = text.lower()
    zone = _INNER_ZONE_RE.search(lowered)
    local = now.astimezone(_zone(zone.group(1) if zone else None, default))
    found = parse_relative(lowered, local.replace(microsecond=0))
    return found.replace(second=0) if found else None


def from_struct(value: time.struct_time | None) -> dt.datetime | None:
    """A feedparser ``*_parsed`` value (always UTC) as an aware datetime."""
    if not value:
        return None
    try:
        return dt.datetime(*value[:6], tzinfo=dt.UTC)
    except (TypeError, ValueError):
        return None


def _plausible(value: dt.datetime | None) -> dt.datetime | None:
    return value if value is not None and value.year >= _OLDEST_YEAR else None


def _read(
    raw: str | None,
    parsed: time.struct_time | None,
    tz: dt.tzinfo,
    now: dt.datetime,
) -> tuple[dt.datetime | None, bool, bool]:
    """The date, whether there was text, and whether it was a relative one."""
    value = _plausible(parse_date(raw, tz))
    relative = False
    if value is None and raw and raw.strip():
        value = _plausible(_relative(" ".join(raw.split())[:200], tz, now))
        relative = value is not None
    if value is None:
        value = _plausible(from_struct(parsed))
    return value, bool(raw and raw.strip()), relative


def resolve_dates(
    published: tuple[str | None, time.struct_time | None],
    updated: tuple[str | None, time.struct_time | None],
    fetched_at: dt.datetime,
    tz: dt.tzinfo = JAKARTA,
) -> EntryDates:
    """Published and updated dates as published: aware, in ``tz``, never future.

    Each of ``published``/``updated`` is (the feed's raw text, feedparser's
    parsed value). An entry with only an update date is published then.
    """
    now = fetched_at.astimezone(tz).replace(microsecond=0)
    pub, had_pub, relative = _read(*published, tz, now)
    upd, had_upd, _ = _read(*updated, tz, now)
    note = None
    if pub is None and upd is not None:
        pub, upd = upd, None
    if pub is None:
        shown = published[0] or updated[0]
        note = (
            f"unreadable date {shown.strip()[:60]!r}"
            if (had_pub or had_upd) and shown
            else "no date in the feed"
        ) + "; using the time Pelita first saw it"
        return EntryDates(now, None, note, first_seen=True)
    pub = pub.astimezone(tz).replace(microsecond=0)
    if pub > now:
        note = f"date {pub.isoformat()} is in the future; clamped to the fetch time"
        pub = now
    if upd is not None:
        upd = min(upd.astimezone(tz).replace(microsecond=0), now)
        upd = upd if upd > pub else None
    return EntryDates(pub, upd, note, approximate=relative)
