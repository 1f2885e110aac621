"""Read corrections written by hand in a post's header.

An admin adds one line per correction, newest last::

    Ralat: 2025-09-12 — Angka penerima bantuan diperbaiki dari 120 menjadi 210.

The date (``YYYY-MM-DD``, optionally ``HH:MM``) comes first, then a dash or
colon, then what was corrected. Pelican's Markdown reader turns one ``Ralat``
line into a string and several into a list, and an indented line after a key
continues it as one more list item; :func:`corrections_from_metadata` accepts
all three, so a long correction may wrap onto an indented line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

_ENTRY = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:[ T](?P<H>\d{1,2})[:.](?P<M>\d{2}))?"
    r"(?:\s*[\u2014\u2013:-]+\s*|\s+|$)(?P<text>.*)$",
    re.DOTALL,
)
MIN_TEXT_LENGTH = 10


@dataclass(frozen=True)
class Correction:
    """One dated correction. ``date`` is None only when it could not be read."""

    date: dt.datetime | None
    text: str
    has_time: bool = False

    @property
    def iso(self) -> str:
        """For ``<time datetime>``: the day, or the minute when a time was given."""
        if self.date is None:
            return ""
        if self.has_time:
            return self.date.isoformat(timespec="minutes")
        return self.date.date().isoformat()

    def sort_key(self) -> dt.datetime:
        """Undated corrections sort as the oldest."""
        return self.date or dt.datetime.min.replace(tzinfo=dt.UTC)


class CorrectionError(ValueError):
    """A correction line that does not follow the syntax."""

    def __init__(self, code: str, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.suggestion = suggestion


EXAMPLE = "Ralat: 2025-09-12 — Angka penerima diperbaiki dari 120 menjadi 210."


def read_correction(line: str, tz: ZoneInfo) -> Correction:
    """Parse one correction strictly; raise :class:`CorrectionError` if unusable."""
    line = " ".join(line.split())
    match = _ENTRY.match(line)
    if not match:
        raise CorrectionError(
            "ralat-format",
            f'Ralat "{line}" tidak diawali tanggal',
            f'tulis tanggal ralat dulu, misalnya "{EXAMPLE}"',
        )
    year, month, day = (int(part) for part in match["date"].split("-"))
    hour, minute = int(match["H"] or 0), int(match["M"] or 0)
    try:
        when = dt.datetime(year, month, day, hour, minute, tzinfo=tz)
    except ValueError as exc:
        raise CorrectionError(
            "ralat-tanggal",
            f'Tanggal ralat "{match["date"]}" tidak ada di kalender',
            "tulis TAHUN-BULAN-TANGGAL, misalnya 2025-09-12",
        ) from exc
    text = match["text"].strip()
    if len(text) < MIN_TEXT_LENGTH:
        raise CorrectionError(
            "ralat-teks",
            "Ralat tanpa keterangan apa yang diperbaiki",
            "sesudah tanggal, tulis apa yang salah dan apa yang benar",
        )
    return Correction(when, text, match["H"] is not None)


def corrections_from_metadata(value: object, tz: ZoneInfo) -> list[Correction]:
    """Every correction in a ``ralat`` metadata value, oldest first.

    Lenient, for the build: an item that does not start with a date continues
    the previous correction; a correction whose date cannot be read is kept
    with ``date=None`` rather than dropped (a correction must never vanish
    silently; ``invoke check`` reports it).
    """
    items = [value] if isinstance(value, str) else list(value or [])
    found: list[Correction] = []
    for item in (" ".join(str(i).split()) for i in items):
        if not item:
            continue
        starts_with_date = _ENTRY.match(item) is not None
        if not starts_with_date and found:
            last = found[-1]
            found[-1] = Correction(last.date, f"{last.text} {item}", last.has_time)
            continue
        try:
            found.append(read_correction(item, tz))
        except CorrectionError:
            found.append(Correction(None, item))
    return sorted(found, key=Correction.sort_key)
