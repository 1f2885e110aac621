"""Entry dates: timezone-aware, with Indonesian conventions.

A date that names its zone is read as that instant, whatever the spelling:
numeric offsets (``+0700``, ``-05:00``, ``+07``, glued to the clock as in
``01:55:07-05:00``), ``GMT``/``UTC`` with an offset (``GMT-0500``,
``UTC+09:00``), zone names (``WIB``, ``WITA`` and ``WIT``, which feedparser
reads as UTC; the North American names; ``CET``, ``BST``, ``JST``, ``IST``
and other common ones), RFC 822's military letters, and IANA names
(``Asia/Jakarta``). Where feedparser knows a name its offset is the same
here; where it does not (it reads ``CET`` or ``UTC+09:00`` as UTC) the
zone's own offset is used. A date without a zone is Asia/Jakarta time.

Indonesian and English day and month names are read (the names come from
Babel's CLDR data, plus the old spellings "Pebruari", "Nopember"). This
reading comes first; feedparser's own parse is kept where it is the
stronger one: when this reading fails, and when feedparser shifted the clock
by an offset this reading did not see. A missing or unreadable date becomes
the first-seen time and a date in the future is clamped to the fetch time;
both are noted for the report. Relative dates ("3 jam yang lalu", "kemarin";
see ``relative_dates``) are read against the fetch time and marked
approximate.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
import zoneinfo
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names
from feedparser.datetimes.rfc822 import timezone_names

from .relative_dates import parse_relative

JAKARTA = ZoneInfo("Asia/Jakarta")
_OLDEST_YEAR = 1995  # older dates are placeholders of broken CMSes (1970-01-01)
# Zone names and their offsets in minutes: feedparser's own table (RFC 822's
# names and its additions) so both readings agree, then the names it reads
# as UTC. Ambiguous names take their most common meaning in feeds: IST is
# India (+05:30; also Irish +01:00 and Israel +02:00), BST British Summer
# Time (+01:00; also Bangladesh +06:00); CST and AST follow feedparser (US
# Central -06:00 and Atlantic -04:00, not China +08:00 or Arabia +03:00).
_FEEDPARSER_ZONES = {
    name: hours * 60 for name, hours in timezone_names.items() if len(name) > 1
}
_ZONES = {
    **_FEEDPARSER_ZONES,
    "z": 0,
    # Indonesia
    "wib": 7 * 60, "wita": 8 * 60, "wit": 9 * 60,
    # the rest of the world, as feeds write it
    "utc": 0, "uct": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60,
    "cest": 2 * 60, "eet": 2 * 60, "eest": 3 * 60, "msk": 3 * 60,
    "wat": 60, "cat": 2 * 60, "sast": 2 * 60, "eat": 3 * 60, "gst": 4 * 60,
    "pkt": 5 * 60, "ist": 5 * 60 + 30, "npt": 5 * 60 + 45, "ict": 7 * 60,
    "hkt": 8 * 60, "sgt": 8 * 60, "myt": 8 * 60, "pht": 8 * 60,
    "awst": 8 * 60, "jst": 9 * 60, "kst": 9 * 60, "acst": 9 * 60 + 30,
    "acdt": 10 * 60 + 30, "aest": 10 * 60, "aedt": 11 * 60,
    "nzst": 12 * 60, "nzdt": 13 * 60, "akst": -9 * 60, "akdt": -8 * 60,
    "hst": -10 * 60, "nst": -3 * 60 - 30, "ndt": -2 * 60 - 30,
    "brt": -3 * 60, "art": -3 * 60,
}  # fmt: skip
# RFC 822's military zones, as RFC 822 (and feedparser, for A, M, N and Y)
# reads them: A-I and K-M are -1 to -12 hours, N-Y +1 to +12. (RFC 1123 notes
# the signs are the reverse of military use and advises treating them as
# unknown; a feed that writes one follows RFC 822, as feedparser does.)
_MILITARY = {
    **{letter: -(i + 1) * 60 for i, letter in enumerate("abcdefghiklm")},
    **{letter: (i + 1) * 60 for i, letter in enumerate("nopqrstuvwxy")},
}
# Names that are also English words: a zone only as the text's last word.
_WORDLIKE = frozenset({"at", "et", "ct", "mt", "pt", "art", "cat", "ist"})
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
_CLOCK = r"(?<![\d.,:])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[.,]\d{1,9})?"
# A zone written right after the time of day: an offset (with or without
# GMT/UTC before it), an IANA name, or a name from the tables above.
_CLOCK_ZONE_RE = re.compile(
    rf"(?P<clock>{_CLOCK})\s*(?:(?:am|pm|a\.m\.|p\.m\.)(?![a-z])\s*)?"
    r"(?P<zone>"
    r"(?P<iana>[a-z]+(?:/[a-z0-9_+-]+)+)"
    r"|(?:(?P<prefix>gmt|utc|ut)\s*)?(?P<sign>[+\-\u2212])\s*"
    r"(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?(?![\d:])"
    r"|(?P<name>[a-z]{1,5})(?![a-z.])"
    r")"
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


@dataclass(frozen=True)
class ReadDate:
    """A date read from text, and whether the text said which zone it is in."""

    value: dt.datetime
    zoned: bool


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


@functools.cache
def _iana_names() -> dict[str, str]:
    """Lower-case IANA zone name -> its spelling (``asia/jakarta``)."""
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def _offset(minutes: int) -> dt.tzinfo:
    return dt.timezone(dt.timedelta(minutes=minutes))


def _zone_of(match: re.Match[str], at_end: bool) -> dt.tzinfo | None:
    """The zone a ``_CLOCK_ZONE_RE`` match names, or None if it is no zone."""
    if match.group("iana"):
        name = _iana_names().get(match.group("iana"))
        return ZoneInfo(name) if name else None
    if match.group("sign"):
        hours, minutes = int(match.group("hours")), int(match.group("minutes") or 0)
        if hours > 14 or minutes > 59:
            return None
        sign = 1 if match.group("sign") == "+" else -1
        return _offset(sign * (hours * 60 + minutes))
    minutes = _named_offset(match.group("name"), at_end)
    return None if minutes is None else _offset(minutes)


def _named_offset(name: str, at_end: bool) -> int | None:
    if name in _WORDLIKE and not at_end:
        return None
    if name in _ZONES:
        return _ZONES[name]
    return _MILITARY.get(name) if at_end else None


def find_zone(lowered: str) -> tuple[dt.tzinfo, int, int] | None:
    """The zone written after the time of day in ``lowered``, and its span."""
    text = re.sub(r"\s*\([^()]*\)\s*$", "", lowered)  # "+0700 (WIB)": a comment
    for match in _CLOCK_ZONE_RE.finditer(text):
        at_end = not text[match.end() :].strip(" .")
        zone = _zone_of(match, at_end)
        if zone is not None:
            return zone, match.start("zone"), match.end("zone")
    return None


def _fromiso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None


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


def _words(text: str, zone: dt.tzinfo) -> dt.datetime | None:
    """A date (and time) in words or digits, its zone written elsewhere."""
    lowered = _FILLER.sub(" ", _day_names_re().sub(" ", text.lower()))
    date = _date_part(lowered)
    if date is None:
        return None
    year, month, day, span = date
    rest = lowered[: span[0]] + " " + lowered[span[1] :]
    try:
        return dt.datetime(year, month, day, *_time_part(rest), tzinfo=zone)
    except ValueError:
        return None


def _in_zone(text: str, zone: dt.tzinfo) -> dt.datetime | None:
    """``text`` (a date whose zone was cut out of it) in ``zone``."""
    value = _fromiso(text)
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return _words(text, zone)


def read_date(text: str | None, default: dt.tzinfo = JAKARTA) -> ReadDate | None:
    """Read one date as feeds and Indonesian sites write it; naive means ``default``."""
    if not text or not text.strip():
        return None
    text = " ".join(text.split())[:200]
    found = find_zone(text.lower())
    if found is not None:
        zone, start, end = found
        value = _in_zone(f"{text[:start]} {text[end:]}".strip(), zone)
        if value is not None:
            return ReadDate(value, zoned=True)
    iso = _fromiso(text)
    if iso is not None and iso.tzinfo is not None:
        return ReadDate(iso, zoned=True)
    value = _in_zone(text, default)
    return None if value is None else ReadDate(value, zoned=False)


def parse_date(
    text: str | None, default: dt.tzinfo = JAKARTA, now: dt.datetime | None = None
) -> dt.datetime | None:
    """Read one date as feeds and Indonesian sites write it; naive means Jakarta.

    With ``now`` (the fetch time), relative dates ("3 jam yang lalu",
    "kemarin 09.15") are read too.
    """
    if not text or not text.strip():
        return None
    found = read_date(text, default)
    if found is not None:
        return found.value
    if now is not None:
        return _relative(" ".join(text.split())[:200], default, now)
    return None


def _relative(text: str, default: dt.tzinfo, now: dt.datetime) -> dt.datetime | None:
    lowered = text.lower()
    zone = _INNER_ZONE_RE.search(lowered)
    tz = _offset(_ZONES[zone.group(1)]) if zone else default
    found = parse_relative(lowered, now.astimezone(tz).replace(microsecond=0))
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


def _shifted_by_a_zone(ours: dt.datetime, theirs: dt.datetime) -> bool:
    """Whether feedparser's UTC reading is ours moved by a zone's offset.

    feedparser gives UTC. When it read the text's clock as it is (no zone),
    its value equals our wall-clock time as UTC; when it applied an offset we
    did not see, the two differ by whole quarter hours, at most 14 hours.
    """
    gap = (theirs - ours.replace(tzinfo=dt.UTC)).total_seconds()
    return gap != 0 and gap % 900 == 0 and abs(gap) <= 14 * 3600


def _choose(
    raw: str | None, parsed: time.struct_time | None, tz: dt.tzinfo
) -> dt.datetime | None:
    """Our reading of ``raw``, or feedparser's ``parsed`` where it is stronger."""
    ours = read_date(raw, tz)
    theirs = _plausible(from_struct(parsed))
    if theirs is None:
        return ours.value if ours else None
    if ours is not None:
        if (
            not ours.zoned
            and _shifted_by_a_zone(ours.value, theirs)
            and not _word_after_clock(raw or "")
        ):
            return theirs  # feedparser saw an offset we did not
        return ours.value
    return _theirs(raw or "", theirs, tz)


def _word_after_clock(raw: str) -> bool:
    """Whether an English word that is also a zone name follows the clock.

    feedparser takes the word after the time as the zone ("10:00 at the
    hall" is 10:00 Atlantic time to it); here such a word is a zone only as
    the text's last word.
    """
    text = " ".join(raw.split()).lower()
    return any(m.group("name") in _WORDLIKE for m in _CLOCK_ZONE_RE.finditer(text))


def _theirs(raw: str, theirs: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The feedparser reading of a text we could not read, its zone checked.

    Without a zone in the text, feedparser took the clock as UTC: when that
    clock is in the text as written, it is the local (``tz``) time; when it
    is not, feedparser moved it for a zone of its own (Korean dates are
    KST), and its instant stands.
    """
    text = " ".join(raw.split()).lower()
    found = find_zone(text)
    if found is None:
        clock = re.compile(rf"(?<!\d)0?{theirs.hour}[:.]{theirs.minute:02d}(?!\d)")
        return theirs.replace(tzinfo=tz) if clock.search(text) else theirs
    if _feedparser_knows(raw):
        return theirs
    return theirs.replace(tzinfo=found[0])  # feedparser read an unknown name as UTC


def _feedparser_knows(raw: str) -> bool:
    """Whether feedparser reads the zone of ``raw`` right (not as UTC)."""
    text = " ".join(raw.split()).lower()
    match = next(_CLOCK_ZONE_RE.finditer(text), None)
    if match is None:
        return False
    at_end = not text[match.end() :].strip(" .")
    if match.group("sign"):
        return match.group("prefix") in (None, "gmt")
    name = match.group("name")
    return name in timezone_names and (len(name) > 1 or name == "z" or at_end)


def _read(
    raw: str | None,
    parsed: time.struct_time | None,
    tz: dt.tzinfo,
    now: dt.datetime,
) -> tuple[dt.datetime | None, bool, bool]:
    """The date, whether there was text, and whether it was a relative one."""
    value = _plausible(_choose(raw, parsed, tz))
    relative = False
    if value is None and raw and raw.strip():
        value = _plausible(_relative(" ".join(raw.split())[:200], tz, now))
        relative = value is not None
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
