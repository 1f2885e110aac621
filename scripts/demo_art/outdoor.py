"""Outdoor scenes of the city: skyline, river, streets, coast, hills."""

from __future__ import annotations

import random

from .canvas import PALETTE as P
from .canvas import Canvas, Color, cloud, hex_mix, sun, tree

GROUND = 560


def _sky(c: Canvas, rng: random.Random, warm: bool) -> None:
    top = P["sky"] if not warm else hex_mix(P["sky"], P["purple"], 0.25)
    c.gradient(top, P["sky_warm"] if warm else P["white"], 0, GROUND)
    sun(c, 930 + rng.uniform(-60, 60), 150, 55, P["yellow"])
    for x, y in ((120, 110), (520, 80)):
        cloud(c, x + rng.uniform(-40, 40), y + rng.uniform(-20, 20), 110)


def _far_buildings(c: Canvas, rng: random.Random, base: float) -> None:
    colour = hex_mix(P["brand"], P["sky"], 0.65)
    x = -20.0
    while x < 1220:
        width = rng.uniform(60, 130)
        height = rng.uniform(120, 300)
        c.rect((x, base - height, x + width, base), colour)
        x += width + rng.uniform(-10, 12)


def skyline(c: Canvas, rng: random.Random) -> None:
    """A heritage building with twin towers in front of the city."""
    _sky(c, rng, warm=True)
    _far_buildings(c, rng, GROUND)
    wall, trim = P["cream"], P["accent"]
    c.rect((280, 380, 920, GROUND), wall)
    c.rect((280, 370, 920, 392), trim)
    for row, y in enumerate((410, 480)):
        for i in range(11):
            x = 305 + i * 55 + (row % 2) * 4
            c.rect((x, y, x + 30, y + 50), P["brand_dark"], radius=14)
    for tx in (230, 880):
        c.rect((tx, 250, tx + 90, GROUND), wall)
        c.rect((tx - 8, 240, tx + 98, 262), trim)
        c.ellipse((tx + 5, 185, tx + 85, 275), P["accent"])
        c.rect((tx + 30, 300, tx + 60, 360), P["brand_dark"], radius=14)
    c.rect((0, GROUND, 1200, 675), P["green"])
    c.rect((0, 600, 1200, 675), P["grey_dark"])
    for x in range(40, 1200, 160):
        c.rect((x, 634, x + 80, 642), P["white"])
    for x in (90, 1110):
        tree(c, x, GROUND + 20, 120, P["green_dark"])


def river(c: Canvas, rng: random.Random) -> None:
    """A wide canal between green embankments, crossed by an arched bridge."""
    _sky(c, rng, warm=False)
    hill = hex_mix(P["green"], P["sky"], 0.5)
    c.ellipse((-200, 300, 700, 620), hill)
    c.ellipse((500, 320, 1400, 640), hex_mix(hill, P["sky"], 0.3))
    c.polygon([(0, 420), (1200, 420), (1200, 675), (0, 675)], P["water"])
    c.polygon([(0, 400), (420, 430), (160, 675), (0, 675)], P["green"])
    c.polygon([(1200, 400), (780, 430), (1040, 675), (1200, 675)], P["green"])
    c.polygon([(420, 430), (470, 430), (230, 675), (160, 675)], P["grey"])
    c.polygon([(780, 430), (730, 430), (970, 675), (1040, 675)], P["grey"])
    for i in range(9):
        y = 450 + i * 25
        c.rect(
            (520 - i * 20, y, 680 + i * 20, y + 5),
            hex_mix(P["water"], P["white"], 0.35),
        )
    c.pieslice((300, 330, 900, 560), 180, 360, P["accent"])
    c.pieslice((340, 360, 860, 580), 180, 360, P["water"])
    c.rect((300, 435, 900, 450), P["accent"])
    c.rect((300, 410, 900, 418), P["brand_dark"])
    for x in range(310, 900, 40):
        c.rect((x, 410, x + 6, 440), P["brand_dark"])
    for x, size in ((60, 110), (1130, 120), (1000, 80)):
        tree(c, x, 470 + rng.uniform(0, 30), size, P["green_dark"])


def bus(c: Canvas, rng: random.Random) -> None:
    """A rapid-transit bus at a roadside shelter."""
    _sky(c, rng, warm=False)
    _far_buildings(c, rng, 470)
    c.rect((0, 470, 1200, 520), P["leaf"])
    c.rect((0, 520, 1200, 675), P["grey_dark"])
    for x in range(20, 1200, 150):
        c.rect((x, 600, x + 80, 610), P["white"])
    c.rect((880, 330, 1150, 350), P["brand_dark"])
    c.rect((895, 350, 905, 525), P["grey"])
    c.rect((1125, 350, 1135, 525), P["grey"])
    c.rect((910, 440, 1120, 460), P["accent"])
    body = P["brand"]
    c.rect((120, 330, 820, 560), body, radius=34)
    c.rect((120, 470, 820, 495), P["yellow"])
    for i in range(6):
        x = 160 + i * 100
        c.rect((x, 360, x + 80, 440), hex_mix(P["sky"], P["white"], 0.3), radius=8)
    c.rect((760, 360, 805, 540), hex_mix(P["sky"], P["white"], 0.3), radius=8)
    for x in (230, 680):
        c.circle(x, 560, 46, P["ink"])
        c.circle(x, 560, 20, P["grey"])
    tree(c, 60, 500, 110, P["green_dark"])


def _bicycle(c: Canvas, x: float, y: float, colour: Color) -> None:
    for wx in (x, x + 110):
        c.circle(wx, y, 38, P["ink"])
        c.circle(wx, y, 30, P["grey"])
    c.line([(x, y), (x + 45, y - 55), (x + 110, y), (x + 55, y)], colour, 8)
    c.line([(x + 45, y - 55), (x + 55, y)], colour, 8)
    c.line([(x + 55, y - 40), (x + 60, y - 100)], colour, 12)
    c.circle(x + 62, y - 125, 20, hex_mix(P["brown"], P["sand"], 0.5))
    c.line([(x + 60, y - 100), (x + 100, y - 70)], colour, 9)


def park(c: Canvas, rng: random.Random) -> None:
    """A car-free street with cyclists under shady trees."""
    _sky(c, rng, warm=False)
    c.rect((0, 400, 1200, 470), P["green"])
    for x in range(40, 1220, 140):
        tree(c, x + rng.uniform(-15, 15), 430, rng.uniform(100, 140), P["green_dark"])
    c.rect((0, 470, 1200, 675), P["grey"])
    c.rect((0, 470, 1200, 480), P["white"])
    for x in range(0, 1200, 100):
        c.rect((x, 570, x + 50, 578), P["yellow"])
    for x, colour in ((150, P["accent"]), (520, P["red"]), (880, P["brand"])):
        _bicycle(c, x, 600 + rng.uniform(-15, 15), colour)
    for x, colour in ((1050, P["pink"]), (1100, P["yellow"]), (1140, P["purple"])):
        c.line([(x, 500), (x + 10, 330)], P["ink"], 3)
        c.ellipse((x - 20, 270, x + 40, 340), colour)


def saplings(c: Canvas, rng: random.Random) -> None:
    """Rows of young trees planted on a terraced hillside."""
    _sky(c, rng, warm=False)
    c.ellipse((-300, 260, 900, 900), hex_mix(P["green"], P["sky"], 0.4))
    c.polygon([(0, 330), (1200, 250), (1200, 675), (0, 675)], P["leaf"])
    for row in range(5):
        y0 = 390 + row * 62
        c.polygon(
            [(0, y0), (1200, y0 - 80), (1200, y0 - 68), (0, y0 + 12)],
            hex_mix(P["leaf"], P["brown"], 0.3),
        )
        for col in range(12):
            x = 40 + col * 100 + (row % 2) * 50
            ground = y0 - x * 80 / 1200 + 4
            c.line([(x, ground), (x, ground - 34 - row * 4)], P["brown"], 5)
            c.circle(x, ground - 44 - row * 4, 16 + row * 3, P["green_dark"])
    c.rect((980, 560, 1080, 640), P["accent"], radius=10)
    c.line([(1080, 580), (1140, 540)], P["accent"], 14)
