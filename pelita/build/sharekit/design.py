"""The three kit cards as blocks for ogcard's layout, and their drawing.

Every card has the hub's header (lamp mark and site name), a column with
the achievement (level, headline, award, recipient, giver) or the
clarification (verdict stamp, claim, facts, source), the date, and a band
with the post's short URL. :func:`compose` is pure layout (tests check that
every text fits the canvas at a legible size); :func:`render` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from pelita.build.ogcard.blocks import (
    Block,
    Gap,
    Panel,
    Pill,
    Pills,
    Spring,
    Stack,
    Text,
)
from pelita.build.ogcard.card import draw_mark
from pelita.build.ogcard.layout import draw_stack, stack
from pelita.build.ogcard.textfit import load_font

from .model import LINK, STORY, CardFormat, KitFacts
from .palette import Palette

# Bump when the drawing changes, so cached cards are redrawn.
DESIGN_VERSION = "1"


@dataclass(frozen=True)
class Sizes:
    """Preferred text sizes and spacing of one format, in pixels."""

    margin: int
    top: int
    bottom: int
    title: int
    award: int
    value: int
    pill: int
    stamp: int
    url: int


# Story cards keep 220 px at the top and bottom free: Instagram and WhatsApp
# draw the account name and the reply field over them.
SIZES = {
    "portrait": Sizes(80, 64, 0, 72, 54, 42, 34, 64, 40),
    "story": Sizes(80, 220, 220, 84, 62, 48, 38, 84, 44),
    "link": Sizes(72, 44, 0, 54, 38, 33, 33, 38, 33),
}


@dataclass(frozen=True)
class Composition:
    """A card laid out: stacks of text and the bands behind them."""

    format: CardFormat
    band: tuple[int, int]
    stacks: tuple[Stack, ...]
    mark: tuple[int, int, float]


class _Kit:
    """Builds the blocks of one card; sizes come from the format."""

    def __init__(self, facts: KitFacts, fmt: CardFormat, palette: Palette) -> None:
        self.facts, self.fmt, self.p = facts, fmt, palette
        self.s = SIZES[fmt.name]
        self.small = fmt.min_text

    def text(
        self, text: str, size: int, color: str, bold: bool = False, **kw: object
    ) -> Text:
        font = self.p.font_bold if bold else self.p.font_regular
        minimum = kw.pop("min_size", self.small)
        return Text(text, font, max(size, minimum), color, minimum, **kw)

    def label(self, text: str, color: str) -> Text:
        return self.text(text.upper(), self.small, color, bold=True)

    def hero(self, text: str) -> Text:
        # The link card is small: its lead may go down to the smallest size.
        minimum = self.small if self.fmt == LINK else round(self.small * 1.2)
        return self.text(text, self.s.title, self.p.on_brand, bold=True,
                         min_size=minimum, line_spacing=1.15)  # fmt: skip

    def pill(self, text: str, fill: str, color: str, size: int = 0) -> Pill:
        return Pill(text.upper(), self.p.font_bold, size or self.s.pill, fill, color)

    def kicker(self) -> Pills:
        p, facts = self.p, self.facts
        if facts.is_clarification:
            pills = [self.pill(facts.category or facts.kind, p.flame, p.ink)]
            if facts.verdict:
                colour = p.verdict(facts.verdict)
                size = self.s.pill if self.fmt == LINK else self.s.stamp
                pills.insert(0, self.pill(facts.verdict, colour, p.on_verdict, size))
            return Pills(tuple(pills), gap=round(self.s.pill * 0.6))
        pills = [self.pill("Prestasi", p.flame, p.ink)]
        if facts.level:
            pills.append(self.pill(f"Tingkat {facts.level}", p.on_brand, p.background))
        return Pills(tuple(pills), gap=round(self.s.pill * 0.5))


def _award_panel(kit: _Kit) -> tuple[Block, ...]:
    facts, p, s = kit.facts, kit.p, kit.s
    rows: list[Block] = []
    # The headline above says what happened; when even the smallest legible
    # text does not fit, these fields lose words (with "…") rather than it.
    if facts.award:
        rows += [kit.label("Penghargaan", p.award_ink), Gap(8),
                 kit.text(facts.award, s.award, p.award_ink, bold=True,
                          line_spacing=1.15, shorten=True)]  # fmt: skip
    for name, value in (("Penerima", facts.recipient), ("Pemberi", facts.giver)):
        if value:
            rows += [Gap(24)] if rows else []
            rows += [kit.label(name, p.award_ink), Gap(6),
                     kit.text(value, s.value, p.ink, shorten=True)]  # fmt: skip
    if not rows:
        return ()
    return (Gap(40), Panel(tuple(rows), p.award_bg, padding=40, radius=28))


def _achievement(kit: _Kit) -> tuple[Block, ...]:
    """Level, headline and award panel; on the link card the award itself.

    A link preview prints the post's headline under the image, so the link
    card shows the award instead (the headline when the award has no name).
    """
    facts, p, s = kit.facts, kit.p, kit.s
    if kit.fmt == LINK:
        lead = kit.hero(facts.award or facts.title)
        rows: list[Block] = [kit.kicker(), Gap(20), Spring(), lead]
        for name, value in (("Penerima", facts.recipient), ("Pemberi", facts.giver)):
            if value:
                line = kit.text(f"{name}: {value}", s.value, p.soft_on_brand,
                                shorten=True)  # fmt: skip
                rows += [Gap(6), line]
        return (*rows, Spring())
    date = kit.text(facts.date, s.value, p.soft_on_brand)
    return (kit.kicker(), Gap(32), kit.hero(facts.title), *_award_panel(kit),
            Spring(), Gap(24), date)  # fmt: skip


def _fact_panel(kit: _Kit, fact: str) -> tuple[Block, ...]:
    facts, p, s = kit.facts, kit.p, kit.s
    colour = p.verdict(facts.verdict)
    rows: list[Block] = [
        kit.label("Faktanya", colour), Gap(8),
        kit.text(fact, s.value, p.ink, line_spacing=1.3, shorten=True),
    ]  # fmt: skip
    if facts.source:
        rows += [Gap(20), kit.text(f"Sumber: {facts.source}", kit.small, p.muted_ink)]
    panel = Panel(tuple(rows), p.surface, padding=36, stripe=colour, stripe_width=14)
    return (Gap(40), panel)


def _clarification(kit: _Kit) -> tuple[Block, ...]:
    facts, p, s = kit.facts, kit.p, kit.s
    claim = f"“{facts.claim}”" if facts.claim else facts.title
    fact = facts.summary or (facts.title if facts.claim else "")
    if kit.fmt == LINK:
        rows: list[Block] = [kit.kicker(), Gap(20), Spring(), kit.hero(claim)]
        if fact:
            rows += [Gap(12), kit.text(f"Faktanya: {fact}", s.value,
                                       p.soft_on_brand, shorten=True)]  # fmt: skip
        return (*rows, Spring())
    rows = [kit.kicker(), Gap(36)]
    if facts.claim:
        rows += [kit.label("Klaim yang beredar", p.soft_on_brand), Gap(8)]
    rows += [kit.hero(claim), *(_fact_panel(kit, fact) if fact else ())]
    date = kit.text(facts.date, s.value, p.soft_on_brand)
    return (*rows, Spring(), Gap(24), date)


def _band(kit: _Kit) -> tuple[Block, ...]:
    facts, p = kit.facts, kit.p
    url = kit.text(facts.short_url, kit.s.url, p.on_brand, bold=True)
    if kit.fmt == LINK:
        return (url,)
    return (kit.text("Selengkapnya di", kit.small, p.soft_on_brand), Gap(4), url)


def _header(kit: _Kit, mark_scale: float) -> tuple[Stack, ...]:
    """Site name beside the mark; on the link card, the date at the right."""
    s, p, fmt = kit.s, kit.p, kit.fmt
    inner = fmt.width - 2 * s.margin
    name_x = s.margin + round(64 * mark_scale)
    site = kit.text(kit.facts.site, 36 if fmt == LINK else 40, p.on_brand, bold=True)
    if fmt != LINK:
        return (stack((site,), (name_x, s.top, inner - 80, 80)),)
    date = kit.text(kit.facts.date, kit.small, p.soft_on_brand)
    font = load_font(date.font, date.size)
    width = min(round(font.getlength(date.text)) + 2, inner // 2)
    return (
        stack((site,), (name_x, s.top, inner - width - 100, 80)),
        stack((date,), (fmt.width - s.margin - width, s.top + 4, width, 80)),
    )


def compose(facts: KitFacts, fmt: CardFormat, palette: Palette) -> Composition:
    """Lay out one card of ``facts`` in ``fmt`` (no drawing)."""
    kit = _Kit(facts, fmt, palette)
    s = kit.s
    inner = fmt.width - 2 * s.margin
    pad = 28 if fmt == LINK else 36
    band_blocks = _band(kit)
    measured = stack(band_blocks, (s.margin, 0, inner, fmt.height // 4))
    band_height = measured.height + 2 * pad
    band_top = fmt.height - s.bottom - band_height
    band = stack(band_blocks, (s.margin, band_top + pad, inner, measured.height))
    mark_scale = 1.0 if fmt == LINK else 1.2
    header = _header(kit, mark_scale)
    top = s.top + round(60 * mark_scale) + (32 if fmt == LINK else 48)
    body = _clarification(kit) if facts.is_clarification else _achievement(kit)
    column = stack(body, (s.margin, top, inner, band_top - 32 - top))
    return Composition(
        fmt, (band_top, band_height), (*header, column, band),
        (s.margin, s.top, mark_scale),
    )  # fmt: skip


def render(composition: Composition, palette: Palette) -> Image.Image:
    """Draw a composed card: the band full-bleed, or a box on a story."""
    fmt = composition.format
    image = Image.new("RGB", (fmt.width, fmt.height), palette.background)
    draw = ImageDraw.Draw(image)
    top, height = composition.band
    if fmt == STORY:
        margin = SIZES[fmt.name].margin - 36
        box = (margin, top, fmt.width - margin, top + height)
        draw.rounded_rectangle(box, radius=28, fill=palette.band)
    else:
        draw.rectangle((0, top, fmt.width, fmt.height), fill=palette.band)
    draw.rectangle((0, 0, (14 if fmt == LINK else 16) - 1, fmt.height),
                   fill=palette.flame)  # fmt: skip
    x, y, scale = composition.mark
    draw_mark(draw, x, y + 2, palette.mark_style(), scale)
    for laid_out in composition.stacks:
        draw_stack(draw, laid_out)
    return image
