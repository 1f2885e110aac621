"""Scenes of places: coast, temple, hills, hillside village, old town, market."""

from __future__ import annotations

import random

from .canvas import PALETTE as P
from .canvas import Canvas, cloud, hex_mix, sun, tree

RAINBOW = ("red", "accent", "yellow", "green", "teal", "brand", "purple", "pink")


def _sky(c: Canvas, rng: random.Random, bottom: float, warm: bool = False) -> None:
    c.gradient(P["sky"], P["sky_warm"] if warm else P["white"], 0, bottom)
    sun(c, 200 + rng.uniform(-60, 60), 140, 50, P["yellow"])
    cloud(c, 700 + rng.uniform(-80, 80), 90, 120)


def coast(c: Canvas, rng: random.Random) -> None:
    """Mangrove trees standing in shallow water, with birds above."""
    _sky(c, rng, 380, warm=True)
    for i in range(8):
        y = 380 + i * 37
        c.rect((0, y, 1200, y + 37), hex_mix(P["water"], P["teal"], i / 8))
    for i in range(6):
        x = 60 + i * 200 + rng.uniform(-30, 30)
        base = 520 + rng.uniform(-20, 40)
        for dx in (-50, -20, 20, 50):
            c.line([(x, base - 60), (x + dx, base)], P["brown"], 7)
        c.ellipse((x - 110, base - 210, x + 110, base - 50), P["green_dark"])
        c.ellipse((x - 70, base - 250, x + 80, base - 130), P["green"])
    for _ in range(5):
        bx, by = rng.uniform(300, 1100), rng.uniform(60, 250)
        c.line([(bx - 22, by - 10), (bx, by), (bx + 22, by - 10)], P["ink"], 4)


def _roof(c: Canvas, x0: float, x1: float, y: float, depth: float) -> None:
    lift = depth * 0.6
    c.polygon(
        [(x0 - 40, y - lift), (x0, y), (x1, y), (x1 + 40, y - lift),
         (x1 - 30, y - depth), (x0 + 30, y - depth)],
        P["red"],
    )  # fmt: skip
    c.rect((x0, y - 8, x1, y), P["yellow"])


def temple(c: Canvas, rng: random.Random) -> None:
    """A red temple with tiered roofs and hanging lanterns."""
    _sky(c, rng, 675, warm=True)
    c.rect((0, 560, 1200, 675), P["sand"])
    c.rect((300, 520, 900, 565), P["grey"])
    c.rect((360, 380, 840, 520), hex_mix(P["red"], P["brown"], 0.3))
    for x in range(380, 840, 90):
        c.rect((x, 380, x + 22, 520), P["red"])
    c.rect((555, 420, 645, 520), P["brown"], radius=10)
    _roof(c, 340, 860, 385, 80)
    c.rect((440, 250, 760, 310), hex_mix(P["red"], P["brown"], 0.3))
    _roof(c, 420, 780, 315, 70)
    _roof(c, 500, 700, 235, 60)
    c.line([(0, 300), (300, 360)], P["ink"], 3)
    c.line([(900, 360), (1200, 300)], P["ink"], 3)
    for x, y in ((80, 316), (190, 338), (980, 344), (1100, 320)):
        c.ellipse((x - 26, y, x + 26, y + 60), P["red"])
        c.rect((x - 18, y + 56, x + 18, y + 64), P["yellow"])


def hills(c: Canvas, rng: random.Random) -> None:
    """Green hills around a reservoir, with a cave mouth in a rock face."""
    _sky(c, rng, 400)
    c.ellipse((-300, 220, 600, 760), hex_mix(P["green"], P["sky"], 0.45))
    c.ellipse((450, 200, 1500, 780), hex_mix(P["green"], P["sky"], 0.3))
    c.polygon([(0, 470), (1200, 450), (1200, 675), (0, 675)], P["water"])
    for i in range(6):
        y = 490 + i * 30
        c.rect(
            (300 + i * 25, y, 900 - i * 25, y + 4), hex_mix(P["water"], P["white"], 0.4)
        )
    c.polygon([(0, 330), (150, 280), (330, 360), (380, 500), (0, 520)], P["grey"])
    c.ellipse((110, 380, 250, 500), P["ink"])
    c.polygon([(1200, 430), (900, 470), (760, 675), (1200, 675)], P["green"])
    for x in (980, 1070, 1150):
        tree(c, x, 520 + rng.uniform(-20, 20), 100, P["green_dark"])
    c.polygon([(0, 520), (380, 500), (260, 675), (0, 675)], P["green_dark"])


def hillside_village(c: Canvas, rng: random.Random) -> None:
    """Brightly painted houses climbing a slope above a small river."""
    _sky(c, rng, 300)
    c.polygon([(0, 180), (1200, 420), (1200, 675), (0, 675)], P["leaf"])
    for row in range(6):
        for col in range(9):
            x = 20 + col * 135 + (row % 2) * 60
            y = 200 + row * 70 + x * 0.2
            if y > 560:
                continue
            colour = P[RAINBOW[(row * 3 + col) % len(RAINBOW)]]
            c.rect((x, y, x + 95, y + 60), colour)
            c.polygon([(x - 8, y), (x + 47, y - 34), (x + 103, y)], P["brown"])
            c.rect((x + 35, y + 25, x + 60, y + 60), P["white"])
    c.rect((0, 600, 1200, 675), P["water"])
    c.rect((0, 592, 1200, 604), P["grey"])


def old_town(c: Canvas, rng: random.Random) -> None:
    """A domed colonial church and street lamps on a cobbled square."""
    _sky(c, rng, 675, warm=True)
    c.rect((0, 560, 1200, 675), P["sand"])
    for row in range(4):
        for x in range(0, 1200, 60):
            c.rect(
                (
                    x + (row % 2) * 30,
                    575 + row * 26,
                    x + (row % 2) * 30 + 50,
                    592 + row * 26,
                ),
                hex_mix(P["sand"], P["brown"], 0.18),
            )
    c.rect((330, 330, 870, 560), P["cream"])
    c.ellipse((430, 150, 770, 420), P["accent"])
    c.rect((430, 285, 770, 330), P["cream"])
    c.rect((585, 120, 615, 160), P["accent"])
    for tx in (330, 800):
        c.rect((tx, 240, tx + 70, 330), P["cream"])
        c.ellipse((tx + 5, 200, tx + 65, 270), P["accent"])
    for x in range(480, 740, 55):
        c.rect((x, 400, x + 20, 560), P["white"])
    c.polygon([(450, 400), (600, 340), (750, 400)], P["white"])
    for lx in (140, 1060):
        c.rect((lx, 380, lx + 12, 560), P["ink"])
        c.rect((lx - 18, 350, lx + 30, 390), P["yellow"], radius=8)


def market(c: Canvas, rng: random.Random) -> None:
    """A row of market stalls with striped awnings and baskets of produce."""
    _sky(c, rng, 300)
    c.rect((0, 180, 1200, 560), hex_mix(P["cream"], P["sand"], 0.5))
    for x in range(40, 1200, 120):
        c.rect((x, 210, x + 60, 270), hex_mix(P["brand"], P["sky"], 0.5), radius=30)
    c.rect((0, 560, 1200, 675), P["grey"])
    stripes = (
        ("red", "white"),
        ("brand", "white"),
        ("green", "cream"),
        ("accent", "cream"),
    )
    for i, (a, b) in enumerate(stripes):
        x0 = 30 + i * 292
        for s in range(6):
            colour = P[a] if s % 2 == 0 else P[b]
            c.polygon(
                [
                    (x0 + s * 44, 300),
                    (x0 + s * 44 + 44, 300),
                    (x0 + s * 44 + 52, 360),
                    (x0 + s * 44 + 8, 360),
                ],
                colour,
            )
        c.rect((x0 + 10, 360, x0 + 20, 560), P["brown"])
        c.rect((x0 + 250, 360, x0 + 260, 560), P["brown"])
        c.rect((x0, 470, x0 + 272, 500), P["brown"])
        for b_i in range(3):
            bx = x0 + 20 + b_i * 80
            fruit = P[("yellow", "red", "green", "accent")[(i + b_i) % 4]]
            for f in range(4):
                c.circle(bx + 16 + f * 12, 445 - (f % 2) * 10, 14, fruit)
            c.pieslice((bx, 410, bx + 80, 490), 0, 180, P["sand"])
