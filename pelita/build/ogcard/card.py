"""Draw a 1200x630 link-preview card and encode it under the size limit."""

from __future__ import annotations

import hashlib
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from .blocks import Gap, Pill, Pills, Text
from .layout import draw_stack, stack
from .textfit import clean_text, load_font

# Bump when the drawing changes, so cached cards are redrawn.
DESIGN_VERSION = "3"
MAX_BYTES = 300_000


@dataclass(frozen=True)
class CardSpec:
    """What a card says. ``verdict`` (a ``Putusan`` of the schema) adds a stamp."""

    title: str
    kicker: str = ""
    detail: str = ""
    footer: str = ""
    verdict: str = ""


@dataclass(frozen=True)
class CardStyle:
    """Fonts, colours and size of a card."""

    font_bold: str
    font_regular: str
    width: int = 1200
    height: int = 630
    background: str = "#073763"
    band: str = "#0b5394"
    text: str = "#ffffff"
    muted: str = "#d7e3f0"
    accent: str = "#f2a900"
    accent_text: str = "#1a1c1e"
    verdict_colors: dict[str, str] = field(
        default_factory=lambda: {
            "hoaks": "#b3261e",
            "tidak tepat": "#8f4e00",
            "benar": "#1b6e3a",
        }
    )


def style_digest(style: CardStyle) -> str:
    """What of a card's look its hash covers: the style and the fonts' files."""
    fields = {
        key: Path(value).name if key.startswith("font_") else value
        for key, value in asdict(style).items()
    }
    parts = [repr(sorted(fields.items()))]
    for font in (style.font_bold, style.font_regular):
        stat = Path(font).stat()
        parts.append(f"{Path(font).name}:{stat.st_size}")
    return "".join(parts)


def card_key(spec: CardSpec, style: CardStyle, styled: str | None = None) -> str:
    """Content hash of a card: same text, style and fonts give the same file.

    ``styled``: :func:`style_digest` of ``style``, when a caller making many
    cards has it already (it reads the font files' sizes).
    """
    digest = hashlib.sha256(DESIGN_VERSION.encode())
    digest.update(repr(sorted(asdict(spec).items())).encode())
    digest.update((styled if styled is not None else style_digest(style)).encode())
    return digest.hexdigest()[:20]


def draw_mark(
    draw: ImageDraw.ImageDraw, x: int, y: int, style: CardStyle, scale: float = 1.0
) -> None:
    """The hub's lamp mark: a flame over a base, 50 x ``scale`` px tall."""

    def box(*values: float) -> tuple[float, ...]:
        return tuple(v * scale + (x if i % 2 == 0 else y) for i, v in enumerate(values))

    draw.ellipse(box(6, 10, 34, 40), fill=style.accent)
    draw.polygon([box(20, 0), box(8, 22), box(32, 22)], fill=style.accent)
    draw.ellipse(box(14, 22, 26, 36), fill="#fff3d1")
    draw.rounded_rectangle(box(0, 44, 40, 50), radius=3 * scale, fill=style.text)


def _labels(spec: CardSpec, style: CardStyle, unit: float) -> tuple[Pill, ...]:
    """The verdict stamp and the category label, when the card has them."""
    pills = []
    if spec.verdict:
        color = style.verdict_colors.get(spec.verdict.casefold(), style.band)
        size = round(34 * unit)
        pills.append(Pill(spec.verdict.upper(), style.font_bold, size, color, "#fff"))
    if spec.kicker:
        size = round(28 * unit)
        pills.append(
            Pill(spec.kicker, style.font_bold, size, style.accent, style.accent_text)
        )
    return tuple(pills)


def render_card(spec: CardSpec, style: CardStyle) -> Image.Image:
    """Draw the card at the style's size. The title always fits whole.

    Measures scale with the canvas width (1200 px is the reference), so the
    same design draws a link card or a larger share image.
    """
    width, height = style.width, style.height
    unit = width / 1200
    image = Image.new("RGB", (width, height), style.background)
    draw = ImageDraw.Draw(image)
    margin, band = round(72 * unit), round(110 * unit)
    draw.rectangle((0, height - band, width, height), fill=style.band)
    draw.rectangle((0, 0, round(14 * unit), height), fill=style.accent)
    draw_mark(draw, margin, round(48 * unit), style, unit)
    site = load_font(style.font_bold, round(34 * unit))
    position = (margin + round(60 * unit), round(52 * unit))
    draw.text(position, clean_text(spec.footer), font=site, fill=style.text)
    pills = _labels(spec, style, unit)
    top = round(140 * unit)
    title = Text(spec.title, style.font_bold, round(70 * unit), style.text,
                 round(30 * unit), line_spacing=1.18)  # fmt: skip
    blocks = (Pills(pills), Gap(round(24 * unit)), title) if pills else (title,)
    box = (margin, top, width - 2 * margin, height - band - round(24 * unit) - top)
    draw_stack(draw, stack(blocks, box))
    detail = load_font(style.font_regular, round(30 * unit))
    position = (margin, height - band / 2)
    text = clean_text(spec.detail)
    draw.text(position, text, font=detail, fill=style.muted, anchor="lm")
    return image


def encode_png(image: Image.Image, max_bytes: int = MAX_BYTES) -> bytes:
    """PNG bytes under ``max_bytes``: full colour, else a 256-colour palette."""
    buffer = io.BytesIO()
    # Level 6 is three times faster than optimize=True and about 6 % larger.
    image.save(buffer, "PNG", compress_level=6)
    if buffer.tell() <= max_bytes:
        return buffer.getvalue()
    buffer = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
        buffer, "PNG", optimize=True
    )
    if buffer.tell() > max_bytes:
        raise ValueError(f"ogcard: card is {buffer.tell()} bytes, over {max_bytes}")
    return buffer.getvalue()


def render_logo(style: CardStyle, size: int = 512) -> Image.Image:
    """A square logo (the mark on the brand colour) for structured data."""
    image = Image.new("RGB", (size, size), style.background)
    scale = size * 0.6 / 50
    offset = (size - 40 * scale) / 2
    draw_mark(ImageDraw.Draw(image), round(offset), round(size * 0.2), style, scale)
    return image
