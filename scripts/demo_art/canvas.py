"""A small drawing surface for the demo illustrations.

Scenes are drawn in a virtual 1200 x 675 space and rendered at twice the
output size, then scaled down, so edges come out smooth without any
anti-aliasing support in ImageDraw itself.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from PIL import Image, ImageDraw

WIDTH = 1200
HEIGHT = 675
SUPERSAMPLE = 2

Color = tuple[int, int, int]
Point = tuple[float, float]

# The city palette: the theme's brand blue and accent, with friendly companions.
PALETTE: dict[str, Color] = {
    "brand": (11, 83, 148),
    "brand_dark": (7, 55, 99),
    "accent": (180, 95, 6),
    "sky": (207, 226, 243),
    "sky_warm": (252, 229, 205),
    "cream": (255, 242, 204),
    "sand": (246, 219, 170),
    "green": (106, 168, 79),
    "green_dark": (56, 118, 29),
    "leaf": (147, 196, 125),
    "teal": (69, 129, 142),
    "water": (111, 168, 220),
    "red": (204, 65, 37),
    "yellow": (241, 194, 50),
    "gold": (230, 167, 30),
    "white": (255, 255, 255),
    "grey": (183, 183, 183),
    "grey_dark": (102, 102, 102),
    "ink": (40, 44, 52),
    "pink": (234, 153, 153),
    "purple": (142, 124, 195),
    "brown": (120, 72, 40),
}


def hex_mix(a: Color, b: Color, t: float) -> Color:
    """Blend two colours; t=0 gives a, t=1 gives b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


class Canvas:
    """Draw in virtual coordinates; ``render`` returns the finished image."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.out_size = (width, height)
        self.k = width * SUPERSAMPLE / WIDTH
        self.image = Image.new(
            "RGB", (width * SUPERSAMPLE, height * SUPERSAMPLE), PALETTE["white"]
        )
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, points: Sequence[Point]) -> list[tuple[float, float]]:
        return [(x * self.k, y * self.k) for x, y in points]

    def _box(self, box: Sequence[float]) -> list[float]:
        return [v * self.k for v in box]

    def gradient(self, top: Color, bottom: Color, y0: float = 0, y1: float = HEIGHT):
        """Fill horizontal bands from ``top`` to ``bottom`` between y0 and y1."""
        start, end = round(y0 * self.k), round(y1 * self.k)
        span = max(end - start, 1)
        for row in range(start, end):
            colour = hex_mix(top, bottom, (row - start) / span)
            self.draw.line([(0, row), (self.image.width, row)], fill=colour)

    def rect(self, box: Sequence[float], fill: Color, radius: float = 0) -> None:
        """A rectangle (x0, y0, x1, y1), rounded when radius > 0."""
        if radius:
            self.draw.rounded_rectangle(
                self._box(box), radius=radius * self.k, fill=fill
            )
        else:
            self.draw.rectangle(self._box(box), fill=fill)

    def ellipse(self, box: Sequence[float], fill: Color) -> None:
        """An ellipse inside the box (x0, y0, x1, y1)."""
        self.draw.ellipse(self._box(box), fill=fill)

    def circle(self, cx: float, cy: float, r: float, fill: Color) -> None:
        """A circle of radius r centred on (cx, cy)."""
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill)

    def polygon(self, points: Sequence[Point], fill: Color) -> None:
        """A filled polygon."""
        self.draw.polygon(self._xy(points), fill=fill)

    def line(self, points: Sequence[Point], fill: Color, width: float) -> None:
        """A polyline with round joints."""
        self.draw.line(self._xy(points), fill=fill, width=round(width * self.k))
        for x, y in points:
            self.circle(x, y, width / 2, fill)

    def pieslice(
        self, box: Sequence[float], start: float, end: float, fill: Color
    ) -> None:
        """A filled slice of the ellipse in box, angles in degrees."""
        self.draw.pieslice(self._box(box), start, end, fill=fill)

    def render(self) -> Image.Image:
        """The image at its output size."""
        return self.image.resize(self.out_size, Image.Resampling.LANCZOS)


def seeded(name: str) -> random.Random:
    """A random generator that depends only on the image's name."""
    return random.Random(sum((i + 1) * ord(ch) for i, ch in enumerate(name)))


def sun(c: Canvas, cx: float, cy: float, r: float, colour: Color) -> None:
    """A sun with a soft halo."""
    c.circle(cx, cy, r * 1.6, hex_mix(colour, PALETTE["white"], 0.7))
    c.circle(cx, cy, r * 1.25, hex_mix(colour, PALETTE["white"], 0.4))
    c.circle(cx, cy, r, colour)


def cloud(c: Canvas, x: float, y: float, size: float) -> None:
    """A flat cloud made of overlapping circles."""
    white = PALETTE["white"]
    c.circle(x, y, size * 0.5, white)
    c.circle(x + size * 0.45, y - size * 0.2, size * 0.6, white)
    c.circle(x + size * 0.95, y, size * 0.45, white)
    c.rect((x, y - size * 0.05, x + size * 0.95, y + size * 0.45), white)


def tree(c: Canvas, x: float, ground: float, size: float, leaf: Color) -> None:
    """A round-crowned tree standing on ``ground``."""
    c.rect((x - size * 0.08, ground - size, x + size * 0.08, ground), PALETTE["brown"])
    c.circle(x, ground - size * 1.05, size * 0.5, leaf)
    c.circle(x - size * 0.3, ground - size * 0.85, size * 0.35, leaf)
    c.circle(x + size * 0.3, ground - size * 0.85, size * 0.35, leaf)


def star(c: Canvas, cx: float, cy: float, r: float, colour: Color) -> None:
    """A five-pointed star."""
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    c.polygon(points, colour)
