"""The exact facts two reports of one event share: quoted words and numbers.

Two outlets rewriting one event change the word order and most of the
wording, but they copy what was said (a quoted sentence) and what was
counted (212 participants, Rp2,5 miliar, the phone number 0821-9999-6148)
exactly. A routine post next week, or another event at the same venue,
shares the names and the place but rarely a quotation and two specific
numbers. ``similarity`` uses these anchors to accept a rewrite whose
wording alone is not alike enough (one published two days after the
other).

Quotations are read per paragraph: the text between an opening and a
closing quotation mark (straight or typographic, double, or two single
marks as some outlets type them), so an unbalanced mark spoils one
paragraph, not the rest. An apostrophe inside a word ("Jum'at") is no
quotation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold, pack, shingles, unpack, words

QUOTE_RUN = 5  # words in a run of quoted words compared
MIN_QUOTE_WORDS = 3  # a shorter quoted span is a term ('followers'), not speech
_PARAGRAPH = re.compile(r"\n\s*")
_MARKS = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb'\u2018\u2019`]+")
_SINGLE = frozenset("'\u2018\u2019`")
# Phone numbers as Indonesia writes them: 0821-9999-6148, (024) 3544000,
# +62 821 9999 6148. Read whole, so one number is one fact.
# (The patterns begin with what a number begins with, and what may come
# before it is checked in code: a leading look-behind would make the regex
# engine try every position of the text.)
_PHONE = re.compile(
    r"(?:\+62|\(0\d{2,3}\)|0)[\s-]?\d{2,4}(?:[\s.-]?\d{3,4}){1,3}(?!\w)"
)
_NUMBER = re.compile(
    r"(\d+(?:[.,]\d+)*)(?![\w/:-]|[.,]\d)"
    r"(?:\s*(ribu|rb|juta|jt|miliar|milyar|triliun)\b)?"
)
_NOT_BEFORE_PHONE = frozenset(".,")
_NOT_BEFORE_NUMBER = frozenset(".,/:-")
_THOUSANDS = re.compile(r"[.,](?=\d{3}(?:\D|$))")
_SCALE = {"ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9,
          "triliun": 12}  # fmt: skip
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLOCK = re.compile(r"\d{1,2}[.:]\d\d")
MIN_DIGITS = 3  # "16 kecamatan", "30 persen": too common to tell events apart
MIN_QUOTE_RUNS = 5  # runs of quoted words two posts share (about nine words)
MIN_NUMBERS = 2  # specific numbers two posts share
# The cosine a late rewrite needs with one kind of anchor, and with both.
ANCHORED_REWRITE = (0.5, 0.4)


def _marks(paragraph: str) -> list[tuple[int, int]]:
    """Where the quotation marks of a paragraph are (not apostrophes)."""
    found = []
    for match in _MARKS.finditer(paragraph):
        start, end = match.span()
        if set(match.group(0)) <= _SINGLE:
            before = paragraph[start - 1] if start else " "
            after = paragraph[end] if end < len(paragraph) else " "
            if before.isalpha() and after.isalpha():
                continue  # Jum'at, Ma'ruf
        found.append((start, end))
    return found


def quoted_spans(text: str) -> list[str]:
    """The quoted passages of ``text``, paragraph by paragraph."""
    spans = []
    for paragraph in _PARAGRAPH.split(text):
        marks = _marks(paragraph)
        for (_, opened), (closed, _) in zip(marks[::2], marks[1::2], strict=False):
            part = paragraph[opened:closed]
            if len(part.split()) >= MIN_QUOTE_WORDS:
                spans.append(part)
        if len(marks) % 2:  # an unclosed quotation runs to the paragraph's end
            part = paragraph[marks[-1][1] :]
            if len(part.split()) >= MIN_QUOTE_WORDS:
                spans.append(part)
    return spans


def quoted_shingles(text: str) -> bytes:
    """Packed hashes of every run of ``QUOTE_RUN`` quoted words (see ``shingles``).

    Runs are taken inside each quotation, never across two, so two texts
    share a run only when they quote the same words.
    """
    runs: set[int] = set()
    for span in quoted_spans(text):
        tokens = words(span)
        if len(tokens) >= QUOTE_RUN:
            runs |= unpack(shingles(tokens, QUOTE_RUN))
    return pack(runs)


def _value(number: str, unit: str | None) -> str:
    """``1.200`` -> ``1200``; ``2,5 miliar`` -> ``2500000000``."""
    plain = _THOUSANDS.sub("", number)
    if not unit:
        return plain
    whole, _, fraction = plain.replace(",", ".").partition(".")
    if not fraction.isdigit() and fraction:
        return plain
    zeros = _SCALE[unit] - len(fraction)
    if zeros < 0:
        return plain
    return str(int(whole + fraction + "0" * zeros))


def _starts_alone(
    text: str, start: int, marks: frozenset[str], prefix: str = ""
) -> bool:
    """Whether the number at ``start`` is a word of its own (or after ``prefix``).

    Not the tail of a word or of another number ("x2025", "1.5", "4/3").
    """
    if prefix and text.startswith(prefix, max(0, start - len(prefix))):
        start -= len(prefix)
    elif prefix and text.startswith(prefix + " ", max(0, start - len(prefix) - 1)):
        start -= len(prefix) + 1
    if not start:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before == "_" or before in marks)


def _phone(match: str) -> str:
    digits = re.sub(r"\D", "", match)
    return "0" + digits[2:] if digits.startswith("62") else digits


def numbers(text: str) -> frozenset[str]:
    """The specific numbers of ``text``, normalized: ``1.200`` -> ``1200``.

    Phone numbers count once each, whatever their spacing. Years, clock
    times, dates (``4/3``) and numbers under ``MIN_DIGITS`` digits are left
    out: every report has them.
    """
    rest = fold(text)
    found = set()
    for match in _PHONE.finditer(rest):
        if _starts_alone(rest, match.start(), _NOT_BEFORE_PHONE):
            found.add(_phone(match.group(0)))
            rest = (
                rest[: match.start()] + " " * len(match.group(0)) + rest[match.end() :]
            )
    for match in _NUMBER.finditer(rest):
        if not _starts_alone(rest, match.start(), _NOT_BEFORE_NUMBER, "rp"):
            continue
        token, unit = match.group(1), match.group(2)
        if not unit and (_CLOCK.fullmatch(token) or _YEAR.fullmatch(token)):
            continue
        value = _value(token, unit)
        if sum(c.isdigit() for c in value) >= MIN_DIGITS:
            found.add(value)
    return frozenset(found)


@dataclass(frozen=True)
class Anchors:
    """The exact facts two posts share: quoted words and specific numbers."""

    quote_runs: int
    numbers: tuple[str, ...]

    @property
    def kinds(self) -> int:
        """How many kinds of anchor are shared: a quotation, numbers."""
        quote = self.quote_runs >= MIN_QUOTE_RUNS
        return quote + (len(self.numbers) >= MIN_NUMBERS)

    def __bool__(self) -> bool:
        return self.kinds > 0

    def bar(self) -> float:
        """The cosine a late rewrite needs with these anchors (1.0: none)."""
        return ANCHORED_REWRITE[self.kinds - 1] if self.kinds else 1.0

    def english(self) -> str:
        """``the same quotation and numbers 212, 0821...`` (for the report)."""
        parts = ["the same quotation"] if self.quote_runs >= MIN_QUOTE_RUNS else []
        if len(self.numbers) >= MIN_NUMBERS:
            parts.append("numbers " + ", ".join(self.numbers))
        return " and ".join(parts)

    def indonesian(self) -> str:
        """``kutipan yang sama, angka 212, 0821...`` (for ``Story_reason``)."""
        parts = ["kutipan yang sama"] if self.quote_runs >= MIN_QUOTE_RUNS else []
        if len(self.numbers) >= MIN_NUMBERS:
            parts.append("angka " + ", ".join(self.numbers))
        return ", ".join(parts)
