"""Tell whether a 16-digit number could be a NIK (or a KK number, built alike).

A NIK is ``PP KK CC DDMMYY SSSS``: province, regency/city and district codes
from the Kemendagri list, the holder's birth date (day + 40 for women), and a
serial that is never 0000. A Kartu Keluarga number has the same shape with the
issue date. Checking the parts keeps invoice and account numbers quiet.
"""

from __future__ import annotations

import datetime as dt
import re

# Kemendagri province codes (Aceh 11 … Papua Barat Daya 96).
PROVINCES = frozenset(
    {
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52,
        53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94,
        95, 96, 97,
    }
)  # fmt: skip
FEMALE_DAY_OFFSET = 40

# Sixteen digits, bare or in the groups people type them in.
CANDIDATE = re.compile(
    r"(?<![\d.,/-])"
    r"(\d{16}|\d{4}([ .-])\d{4}\2\d{4}\2\d{4}|\d{2}\.\d{2}\.\d{2}\.\d{6}\.\d{4})"
    r"(?![\d]|[.,/-]\d)"
)
# Any other grouping people type: digit groups of two or more, parted by a
# space, dot, hyphen or slash, 16 digits in all (4-6-6, 6-6-4, 2-2-2-6-4...).
GROUPED = re.compile(r"(?<![\d.,/-])\d{2,}(?:[ .\-/]\d{2,})+(?![\d]|[.,/-]\d)")
# Thousands written with dots (Rp 3.374.015.708.900.001) are money, not a NIK.
THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
# A label this many characters before the number marks it as a NIK.
LABEL_WINDOW = 30
LABEL = re.compile(r"(?i)\b(?:nik|ktp|e-?ktp|no\.?\s*kk|nomor\s+kk|kartu\s+keluarga)\b")


def is_plausible_nik(digits: str) -> bool:
    """Whether 16 digits could be a real NIK/KK number."""
    if len(digits) != 16 or not digits.isdigit():
        return False
    province, regency, district = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if province not in PROVINCES or regency == 0 or district == 0:
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    if day > FEMALE_DAY_OFFSET:
        day -= FEMALE_DAY_OFFSET
    try:
        dt.date(2000, month, day)  # a leap year, so 29 February is accepted
    except ValueError:
        return False
    return digits[12:] != "0000"


def mask(digits: str) -> str:
    """Show only the region part, so the report itself leaks nothing."""
    return digits[:6] + "•" * (len(digits) - 6)


def find_niks(text: str) -> list[str]:
    """The 16-digit numbers in ``text`` that look like NIK/KK (digits only)."""
    found: list[str] = []
    seen: set[int] = set()
    matches = [(m.start(), m.group(1)) for m in CANDIDATE.finditer(text)]
    matches += [
        (m.start(), m.group(0))
        for m in GROUPED.finditer(text)
        if not THOUSANDS.fullmatch(m.group(0))
    ]
    for start, number in sorted(matches):
        digits = re.sub(r"\D", "", number)
        if start in seen or len(digits) != 16:
            continue
        seen.add(start)
        before = text[max(0, start - LABEL_WINDOW) : start]
        if is_plausible_nik(digits) or LABEL.search(before):
            found.append(digits)
    return found
