"""What a card is made of: blocks to lay out, and the items they become.

Blocks (:class:`Text`, :class:`Pills`, :class:`Gap`, :class:`Spring`,
:class:`Panel`) say what goes in a column; :func:`ogcard.layout.stack` turns
them into items (:class:`TextItem`, :class:`BoxItem`, :class:`PillItem`) at
pixel positions, which are drawn, and which tests check for size and fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .textfit import clean_text, load_font


@dataclass(frozen=True)
class Text:
    """Wrapped text. ``size`` is the preferred size, ``min_size`` the legible one."""

    text: str
    font: str
    size: int
    color: str
    min_size: int
    line_spacing: float = 1.2
    shorten: bool = False


@dataclass(frozen=True)
class Pill:
    """A rounded label: a verdict stamp, a category, a level."""

    text: str
    font: str
    size: int
    fill: str
    color: str


@dataclass(frozen=True)
class Pills:
    """Labels side by side, wrapping onto a new row when the column is full."""

    pills: tuple[Pill, ...]
    gap: int = 16


@dataclass(frozen=True)
class Gap:
    """Fixed space."""

    height: int


@dataclass(frozen=True)
class Spring:
    """Flexible space: springs share whatever height the column has left."""


@dataclass(frozen=True)
class Panel:
    """Blocks on a background box, with an optional stripe down its left edge."""

    blocks: tuple[Block, ...]
    fill: str
    padding: int
    radius: int = 0
    stripe: str = ""
    stripe_width: int = 0


Block = Text | Pills | Gap | Spring | Panel


@dataclass(frozen=True)
class TextItem:
    """Lines placed at (x, y): what :func:`draw_stack` writes, and tests check."""

    x: int
    y: int
    width: int
    height: int
    lines: tuple[str, ...]
    font: str
    size: int
    line_height: int
    color: str
    min_size: int
    shortened: bool = False
    block: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class BoxItem:
    """A filled (rounded) rectangle."""

    box: tuple[int, int, int, int]
    fill: str
    radius: int = 0


@dataclass(frozen=True)
class PillItem:
    """A pill placed at (x, y) with its measured size."""

    x: int
    y: int
    width: int
    height: int
    pill: Pill


Item = TextItem | BoxItem | PillItem


@dataclass(frozen=True)
class Stack:
    """A laid-out column: items in drawing order and the height they take."""

    items: tuple[Item, ...]
    height: int

    @property
    def texts(self) -> list[TextItem]:
        """The text items, for checks on size and fit."""
        return [item for item in self.items if isinstance(item, TextItem)]


def text_block_height(size: int, font: str, lines: int, line_spacing: float) -> int:
    """Height of ``lines`` lines: full line steps plus the last line's glyph box.

    Text is drawn from the ascender line, so the last line needs its ascent
    and descent (about 1.36 em in Noto Sans), not only a line step.
    """
    if lines <= 0:
        return 0
    ascent, descent = load_font(font, size).getmetrics()
    return (lines - 1) * round(size * line_spacing) + ascent + descent


def pill_metrics(pill: Pill) -> tuple[int, int]:
    """Width and height of a pill: padding in proportion to its font size."""
    length = load_font(pill.font, pill.size).getlength(clean_text(pill.text))
    return round(length + 1.2 * pill.size), round(pill.size * 1.75)
