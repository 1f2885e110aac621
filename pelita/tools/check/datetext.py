"""Strict reading of the dates admins write, with the fix when it goes wrong.

Pelican reads dates with dateutil, which guesses: "05-08-2025" becomes
8 May (month first), not 5 August as an Indonesian reader means it, and
"14 Agustus 2025" is not read at all. So posts use ISO dates only
(``2025-08-14`` or ``2025-08-14 10:00``, WIB unless an offset is given), and
anything else gets an error that proposes the ISO form.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MONTHS = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
_SHORT_MONTHS = {name[:3]: number for number, name in enumerate(MONTHS, start=1)}
_SHORT_MONTHS |= {"agt": 8, "ags": 8, "okt": 10, "des": 12, "peb": 2, "nop": 11}
ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}

_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$"
)
_NUMERIC = re.compile(
    r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4})(?P<rest>.*)$"
)
_WORDS = re.compile(
    r"^(?:[a-z]+,?\s+)?(?P<d>\d{1,2})\s+(?P<mon>[a-z]+)\.?\s+(?P<y>\d{4})(?P<rest>.*)$"
)
_TIME = re.compile(
    r"^\s*(?:pukul\s+|jam\s+)?(?P<H>\d{1,2})[.:](?P<M>\d{2})\s*(?P<z>\w*)$"
)


class DateTextError(ValueError):
    """A date that cannot be used: ``code``, ``message`` and ``suggestion``."""

    def __init__(self, code: str, message: str, suggestion: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.suggestion = suggestion


@dataclass(frozen=True)
class DateText:
    """A date read from text: the aware value and whether a time was given."""

    value: dt.datetime
    has_time: bool


def parse_date_text(text: str, tz: ZoneInfo) -> DateText:
    """Read ``YYYY-MM-DD[ HH:MM[:SS]][offset]``; naive times are in ``tz``.

    Raises :class:`DateTextError` with the ISO form to write instead when the
    text is a date written another way, or a date that does not exist.
    """
    text = text.strip()
    match = _ISO.match(text)
    if not match:
        raise _not_iso(text)
    parts = {k: int(v) for k, v in match.groupdict().items() if v and k != "tz"}
    offset = match.group("tz")
    zone = _offset_zone(offset) if offset else tz
    try:
        value = dt.datetime(
            parts["y"],
            parts["m"],
            parts["d"],
            parts.get("H", 0),
            parts.get("M", 0),
            parts.get("S", 0),
            tzinfo=zone,
        )
    except ValueError as exc:
        raise _impossible(parts, text) from exc
    return DateText(value, match.group("H") is not None)


def _offset_zone(offset: str) -> dt.tzinfo:
    if offset == "Z":
        return dt.UTC
    sign = -1 if offset.startswith("-") else 1
    digits = offset[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:])
    return dt.timezone(sign * dt.timedelta(minutes=minutes))


def _impossible(parts: dict[str, int], text: str) -> DateTextError:
    month = parts["m"]
    if not 1 <= month <= 12:
        return DateTextError(
            "tanggal-tidak-ada",
            f'"{text}" memuat bulan {month}, padahal bulan hanya 1-12',
            "urutannya TAHUN-BULAN-TANGGAL, misalnya 2025-08-14",
        )
    try:
        dt.date(parts["y"], month, parts["d"])
    except ValueError:
        name = MONTHS[month - 1].capitalize()
        return DateTextError(
            "tanggal-tidak-ada",
            f"Tanggal {parts['d']} {name} {parts['y']} tidak ada di kalender",
            "periksa tanggal dan bulannya",
        )
    return DateTextError(
        "tanggal-tidak-ada",
        f'Jam di "{text}" tidak ada',
        "jam ditulis 00:00 sampai 23:59",
    )


def _not_iso(text: str) -> DateTextError:
    lowered = text.casefold()
    guess = _guess(lowered)
    if isinstance(guess, str):
        return DateTextError("tanggal-format", _why(text), f'tulis "{guess}"')
    if isinstance(guess, tuple):
        first, second = guess
        return DateTextError(
            "tanggal-format",
            f'Tanggal "{text}" bisa dibaca dua cara',
            f'tulis "{first}" atau "{second}", sesuai yang dimaksud',
        )
    return DateTextError(
        "tanggal-format",
        f'Tanggal "{text}" tidak terbaca',
        "tulis TAHUN-BULAN-TANGGAL JAM:MENIT, misalnya 2025-08-14 10:00 (WIB)",
    )


def _why(text: str) -> str:
    """What is wrong with a recognisable date, in the admin's words."""
    if _ISO.match(text[:10]) and re.search(r"(?i)\b(wib|wita|wit)$", text):
        return (
            f'Tanggal "{text}" memakai nama zona waktu; jam tanpa keterangan '
            "sudah dianggap WIB"
        )
    if _ISO.match(text[:10]):
        return f'Jam di "{text}" ditulis dengan titik, bukan titik dua'
    return f'Tanggal "{text}" tidak ditulis dalam format TAHUN-BULAN-TANGGAL'


def _guess(text: str) -> str | tuple[str, str] | None:
    """The ISO form(s) of a date written the Indonesian way, if recognisable."""
    iso_with_zone = re.match(r"^(\d{4}-\d{1,2}-\d{1,2}.*?)\s*(wib|wita|wit)$", text)
    if iso_with_zone:
        stem, zone = iso_with_zone.groups()
        return stem.replace(".", ":") if zone == "wib" else stem + ZONES[zone]
    dotted = re.match(r"^(\d{4}-\d{1,2}-\d{1,2}[ t]\d{1,2})\.(\d{2})$", text)
    if dotted:
        return f"{dotted[1]}:{dotted[2]}"
    words = _WORDS.match(text)
    if words:
        month = _month_number(words["mon"])
        time = _time(words["rest"])
        if month and time is not None:
            return _iso(int(words["y"]), month, int(words["d"]), time)
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric_guess(numeric)
    return None


def _numeric_guess(match: re.Match[str]) -> str | tuple[str, str] | None:
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    time = _time(match["rest"])
    if time is None:
        return None
    day_first = _iso(year, b, a, time) if b <= 12 else None
    month_first = _iso(year, a, b, time) if a <= 12 else None
    if day_first and month_first and a != b:
        return (day_first, month_first)
    return day_first or month_first


def _month_number(word: str) -> int | None:
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return _SHORT_MONTHS.get(word[:3]) if len(word) >= 3 else None


def _time(rest: str) -> str | None:
    """``" 10.00 WIB"`` -> ``" 10:00"``, ``""`` -> ``""``, else None."""
    if not rest.strip():
        return ""
    match = _TIME.match(rest)
    if not match or match["z"] not in ("", *ZONES):
        return None
    zone = ZONES[match["z"]] if match["z"] in ("wita", "wit") else ""
    return f" {int(match['H']):02d}:{match['M']}{zone}"


def _iso(year: int, month: int, day: int, time: str) -> str | None:
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}{time}"
