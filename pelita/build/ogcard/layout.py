"""Stack text and labels in a column; shrink all text together until it fits.

A card is a column of blocks: text (wrapped with the real font), rows of
labels (pills), gaps, springs (which share the height left over) and panels
(a background box around blocks of their own). :func:`stack` finds the
largest common scale at which every text fits at or above its legible
minimum size, so the hierarchy of a card survives a long title. Only text
marked ``shorten`` (a summary, never a title) may then lose words, and only
when even that is not enough does text go below its minimum: nothing is ever
cut off. Everything is in pixels of the canvas, so the same blocks lay out on
a 1200x630 link card, a 1080x1350 feed card or a 1080x1920 story.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from .blocks import (
    Block,
    BoxItem,
    Gap,
    Item,
    Panel,
    Pill,
    PillItem,
    Pills,
    Spring,
    Stack,
    Text,
    TextItem,
    pill_metrics,
    text_block_height,
)
from .textfit import FLOOR_SIZE, clean_text, load_font, shorten_to_fit, wrap_text


@dataclass(frozen=True)
class _Pass:
    """How one attempt sizes text: a scale, a floor, the springs' share."""

    scale: float
    below_minimum: bool = False
    spring: int = 0
    limits: dict[int, int] = field(default_factory=dict)


@lru_cache(maxsize=4096)
def _wrap(text: str, font: str, size: int, width: int) -> tuple[str, ...]:
    return tuple(wrap_text(text, load_font(font, size), width))


def _size(block: Text, run: _Pass) -> int:
    """The text's size in an attempt: its own sizes times the scale, floored."""
    base = block.min_size if run.below_minimum else block.size
    floor = FLOOR_SIZE if run.below_minimum else block.min_size
    return max(floor, min(block.size, int(base * run.scale) // 2 * 2))


def _place_text(block: Text, x: int, y: int, width: int, run: _Pass) -> TextItem:
    size = _size(block, run)
    text = clean_text(block.text)
    limit = run.limits.get(id(block))
    spacing = block.line_spacing
    shortened = False
    if limit is not None:
        # textfit counts whole line steps; the last line needs its glyph box.
        extra = text_block_height(size, block.font, 1, spacing) - round(size * spacing)
        box = (width, limit - extra)
        fitted = shorten_to_fit(text, block.font, size, box, spacing)
        lines, shortened = fitted.lines, fitted.shortened
    else:
        lines = _wrap(text, block.font, size, width)
    height = text_block_height(size, block.font, len(lines), spacing)
    return TextItem(
        x, y, width, height, lines, block.font, size, round(size * spacing),
        block.color, block.min_size, shortened, id(block),
    )  # fmt: skip


def _fit_pill(pill: Pill, width: int) -> Pill:
    """A pill wider than the column gets a smaller font, never a clipped word."""
    while pill.size > FLOOR_SIZE and pill_metrics(pill)[0] > width:
        pill = replace(pill, size=pill.size - 2)
    return pill


def _place_pills(block: Pills, x: int, y: int, width: int) -> list[PillItem]:
    """Pills in rows, each centred on its row's height (a stamp beside a label)."""
    rows: list[list[tuple[Pill, int, int]]] = [[]]
    left = x
    for pill in (_fit_pill(p, width) for p in block.pills):
        pill_width, pill_height = pill_metrics(pill)
        if rows[-1] and left + pill_width > x + width:
            rows.append([])
            left = x
        rows[-1].append((pill, pill_width, pill_height))
        left += pill_width + block.gap
    items: list[PillItem] = []
    top = y
    for row in rows:
        tallest = max((h for _p, _w, h in row), default=0)
        left = x
        for pill, pill_width, pill_height in row:
            middle = top + (tallest - pill_height) // 2
            items.append(PillItem(left, middle, pill_width, pill_height, pill))
            left += pill_width + block.gap
        top += tallest + block.gap
    return items


def _bottom(items: list[Item], y: int) -> int:
    bottoms = [i.y + i.height for i in items if not isinstance(i, BoxItem)]
    return max([y, *bottoms])


def _place(
    blocks: tuple[Block, ...], at: tuple[int, int, int], run: _Pass
) -> tuple[list[Item], int]:
    """Place ``blocks`` top-down from ``at`` (x, y, width); items and the new y."""
    x, y, width = at
    items: list[Item] = []
    for block in blocks:
        if isinstance(block, Text):
            item = _place_text(block, x, y, width, run)
            items.append(item)
            y += item.height
        elif isinstance(block, Pills):
            placed = _place_pills(block, x, y, width)
            items.extend(placed)
            y = _bottom(list(placed), y)
        elif isinstance(block, Gap):
            y += block.height
        elif isinstance(block, Spring):
            y += run.spring
        else:
            placed, y = _place_panel(block, (x, y, width), run)
            items.extend(placed)
    return items, y


def _place_panel(
    panel: Panel, at: tuple[int, int, int], run: _Pass
) -> tuple[list[Item], int]:
    x, y, width = at
    pad, stripe = panel.padding, panel.stripe_width
    inner, end = _place(
        panel.blocks, (x + pad + stripe, y + pad, width - 2 * pad - stripe), run
    )
    items: list[Item] = [
        BoxItem((x, y, x + width, end + pad), panel.fill, panel.radius)
    ]
    if stripe:
        items.append(BoxItem((x, y, x + stripe, end + pad), panel.stripe, 0))
    return [*items, *inner], end + pad


def _springs(blocks: tuple[Block, ...]) -> int:
    return sum(isinstance(block, Spring) for block in blocks)


def _texts(blocks: tuple[Block, ...]) -> list[Text]:
    found: list[Text] = []
    for block in blocks:
        if isinstance(block, Text):
            found.append(block)
        elif isinstance(block, Panel):
            found.extend(_texts(block.blocks))
    return found


def _scales(texts: list[Text], below_minimum: bool) -> list[float]:
    """Scales that take the largest text down 2 px at a time to its floor."""
    if not texts:
        return [1.0]
    top = max(t.min_size if below_minimum else t.size for t in texts)
    return [size / top for size in range(top, FLOOR_SIZE - 1, -2)]


def _attempt(
    blocks: tuple[Block, ...], box: tuple[int, int, int, int], run: _Pass
) -> tuple[list[Item], int]:
    x, y, width, _height = box
    items, end = _place(blocks, (x, y, width), run)
    return items, end - y


def _first_fit(
    blocks: tuple[Block, ...], box: tuple[int, int, int, int], runs: list[_Pass]
) -> Stack | None:
    """The first attempt that fits the box, springs stretched; else None.

    ``runs`` go from large text to small, so the height they need shrinks
    along the list: a binary search finds the first that fits in a few
    attempts instead of one per size.
    """
    low, high, found = 0, len(runs) - 1, None
    while low <= high:
        middle = (low + high) // 2
        _items, used = _attempt(blocks, box, runs[middle])
        if used <= box[3]:
            found, high = (runs[middle], used), middle - 1
        else:
            low = middle + 1
    return _finish(blocks, box, found[0], found[1]) if found else None


def stack(blocks: tuple[Block, ...], box: tuple[int, int, int, int]) -> Stack:
    """Lay ``blocks`` out in ``box`` (x, y, width, height); see the module doc.

    In order: every text scaled down together to its minimum size; then
    shortenable texts lose words; then all text goes below its minimum, down
    to the floor; and as the last resort (thousands of characters) every text
    is shortened at the floor.
    """
    texts = _texts(blocks)
    at_minimum = _Pass(0.0)
    runs = [_Pass(scale) for scale in _scales(texts, below_minimum=False)]
    runs = [r for r in runs if any(_size(t, r) > t.min_size for t in texts)]
    found = _first_fit(blocks, box, [*runs, at_minimum])
    if found:
        return found
    limits = _limits(blocks, box, at_minimum, only_shortenable=True)
    below = [_Pass(s, True, 0, limits) for s in _scales(texts, below_minimum=True)]
    found = _first_fit(blocks, box, [replace(at_minimum, limits=limits), *below])
    if found:
        return found
    floor = _Pass(0.0, True)
    last = replace(floor, limits=_limits(blocks, box, floor, only_shortenable=False))
    items, used = _attempt(blocks, box, last)
    return Stack(tuple(items), used)


def _limits(
    blocks: tuple[Block, ...],
    box: tuple[int, int, int, int],
    run: _Pass,
    only_shortenable: bool,
) -> dict[int, int]:
    """Heights for texts (last first) that take away the excess height."""
    items, used = _attempt(blocks, box, run)
    excess = used - box[3]
    placed = {item.block: item for item in items if isinstance(item, TextItem)}
    limits: dict[int, int] = {}
    for block in reversed(_texts(blocks)):
        item = placed.get(id(block))
        if excess <= 0 or item is None or (only_shortenable and not block.shorten):
            continue
        one_line = text_block_height(item.size, block.font, 1, block.line_spacing)
        keep = max(one_line, item.height - excess)
        limits[id(block)] = keep
        excess -= item.height - keep
    return limits


def _finish(
    blocks: tuple[Block, ...], box: tuple[int, int, int, int], run: _Pass, used: int
) -> Stack:
    springs = _springs(blocks)
    if springs:
        run = replace(run, spring=(box[3] - used) // springs)
    items, height = _attempt(blocks, box, run)
    return Stack(tuple(items), height)


def draw_stack(draw: object, laid_out: Stack) -> None:
    """Draw the items of a :class:`Stack` with a Pillow ``ImageDraw``."""
    for item in laid_out.items:
        if isinstance(item, BoxItem):
            if item.radius:
                draw.rounded_rectangle(item.box, radius=item.radius, fill=item.fill)
            else:
                draw.rectangle(item.box, fill=item.fill)
        elif isinstance(item, PillItem):
            draw_pill(draw, item)
        else:
            font = load_font(item.font, item.size)
            for number, line in enumerate(item.lines):
                position = (item.x, item.y + number * item.line_height)
                draw.text(position, line, font=font, fill=item.color)


def draw_pill(draw: object, item: PillItem) -> None:
    """A rounded label with its text centred."""
    pill = item.pill
    box = (item.x, item.y, item.x + item.width, item.y + item.height)
    draw.rounded_rectangle(box, radius=item.height // 2, fill=pill.fill)
    centre = (item.x + item.width / 2, item.y + item.height / 2)
    font = load_font(pill.font, pill.size)
    draw.text(centre, clean_text(pill.text), font=font, fill=pill.color, anchor="mm")
