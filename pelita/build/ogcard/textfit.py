"""Fit text into a box: shrink the font until every word fits, never cut.

Greedy word wrapping measured with the real font; a word wider than the box
(a long URL, a hashtag) is broken between characters rather than clipped.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

# Below this size a card is unreadable; text longer than fits at this size is
# shortened with an ellipsis (thousands of characters, never a real title).
FLOOR_SIZE = 14
_DROP_CATEGORIES = {"So", "Cs", "Co", "Cn", "Cc", "Cf"}
_BREAK_AFTER = ("/", "-", ".", "?", "&", "=", "_")


@dataclass(frozen=True)
class FittedText:
    """Lines of text at one font size that fit the box they were fitted to."""

    lines: tuple[str, ...]
    font_path: str
    size: int
    line_height: int
    shortened: bool = False

    @property
    def height(self) -> int:
        """Height of the block in pixels."""
        return self.line_height * len(self.lines)

    @property
    def font(self) -> ImageFont.FreeTypeFont:
        """The font the lines were measured with."""
        return load_font(self.font_path, self.size)


@lru_cache(maxsize=64)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """A TrueType font at ``size`` pixels (cached; fonts are immutable)."""
    return ImageFont.truetype(str(path), size)


def clean_text(text: str) -> str:
    """Drop what a text font cannot draw (emoji, symbols, controls); tidy spaces."""
    normal = unicodedata.normalize("NFC", str(text))
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in normal
        if ch.isspace() or unicodedata.category(ch) not in _DROP_CATEGORIES
    )
    return re.sub(r"\s+", " ", kept).strip()


def _break_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Split a word wider than ``width`` into pieces that fit.

    A piece ends after a slash, hyphen or dot when there is one in its
    last two thirds (a URL breaks between its parts), else between letters.
    """
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and font.getlength(current + ch) > width:
            cut = max(current.rfind(mark) for mark in _BREAK_AFTER) + 1
            cut = cut if cut > len(current) // 3 else len(current)
            pieces.append(current[:cut])
            current = current[cut:]
        current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap_text(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy wrap of ``text`` into lines no wider than ``width`` pixels."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        pieces = (
            _break_word(word, font, width) if font.getlength(word) > width else [word]
        )
        lines.extend(pieces[:-1])
        current = pieces[-1]
    if current:
        lines.append(current)
    return lines


def _too_long(
    text: str, path: str, size: int, box: tuple[int, int], spacing: float
) -> bool:
    """Cheap test: even perfectly packed lines would not fit in the box."""
    width, height = box
    lines = math.ceil(load_font(path, size).getlength(text) / width)
    return lines * round(size * spacing) > height


def _try(text: str, path: str, size: int, width: int, spacing: float) -> FittedText:
    font = load_font(path, size)
    return FittedText(
        tuple(wrap_text(text, font, width)), path, size, round(size * spacing)
    )


def fit_text(
    text: str,
    font_path: str | Path,
    width: int,
    height: int,
    *,
    max_size: int = 72,
    min_size: int = 30,
    line_spacing: float = 1.2,
    max_lines: int | None = None,
) -> FittedText:
    """The largest size (stepping by 2 px) at which all of ``text`` fits.

    Sizes go from ``max_size`` down to ``min_size`` while respecting
    ``max_lines``; if nothing fits, smaller sizes down to :data:`FLOOR_SIZE`
    are tried without the line limit, so the text is never cut. Only text that
    does not fit even then is shortened with an ellipsis (``shortened``).
    """
    path = str(font_path)
    text = clean_text(text)
    sizes = list(range(max_size, min_size - 1, -2))
    for size in sizes:
        if _too_long(text, path, size, (width, height), line_spacing):
            continue
        fitted = _try(text, path, size, width, line_spacing)
        if fitted.height <= height and (
            max_lines is None or len(fitted.lines) <= max_lines
        ):
            return fitted
    for size in range(min_size - 2, FLOOR_SIZE - 1, -2):
        if _too_long(text, path, size, (width, height), line_spacing):
            continue
        fitted = _try(text, path, size, width, line_spacing)
        if fitted.height <= height:
            return fitted
    return _shorten(text, path, width, height, line_spacing)


def _shorten(
    text: str, path: str, width: int, height: int, spacing: float
) -> FittedText:
    """Last resort for absurdly long text: cut words until it fits at the floor."""
    return shorten_to_fit(text, path, FLOOR_SIZE, (width, height), spacing)


def shorten_to_fit(
    text: str, path: str | Path, size: int, box: tuple[int, int], spacing: float = 1.2
) -> FittedText:
    """The most words of ``text`` (then " …") that fit the box at ``size``.

    For text that may be shortened on purpose (a summary whose whole version
    is one tap away), never for a title. At least the ellipsis is returned.
    """
    path, (width, height) = str(path), box
    text = clean_text(text)
    whole = _try(text, path, size, width, spacing)
    if whole.height <= height:
        return whole
    words = text.split(" ")
    low, high = 0, len(words) - 1
    best = _try("…", path, size, width, spacing)
    while low < high:
        middle = (low + high + 1) // 2
        fitted = _try(" ".join(words[:middle]) + " …", path, size, width, spacing)
        if fitted.height <= height:
            best, low = fitted, middle
        else:
            high = middle - 1
    return FittedText(best.lines, path, size, best.line_height, shortened=True)
