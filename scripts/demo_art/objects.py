"""Still lifes: food, awards, documents, a phone, batik, health, school, a pump."""

from __future__ import annotations

import math
import random

from .canvas import PALETTE as P
from .canvas import Canvas, hex_mix, star


def _table(c: Canvas, cloth: str) -> None:
    c.gradient(P["cream"], P["sand"], 0, 300)
    c.rect((0, 300, 1200, 675), P[cloth])
    for x in range(0, 1200, 80):
        c.rect((x, 300, x + 40, 675), hex_mix(P[cloth], P["white"], 0.25))


def _plate(c: Canvas) -> None:
    c.ellipse((230, 290, 970, 640), hex_mix(P["grey"], P["white"], 0.5))
    c.ellipse((270, 310, 930, 620), P["white"])


def lumpia(c: Canvas, rng: random.Random) -> None:
    """Fried spring rolls on a plate with a bowl of sauce and chillies."""
    _table(c, "brand")
    _plate(c)
    for i in range(4):
        x, y = 360 + i * 95, 360 + (i % 2) * 40
        c.polygon(
            [(x, y), (x + 60, y - 20), (x + 210, y + 120), (x + 150, y + 140)],
            P["gold"],
        )
        c.line(
            [(x + 30, y - 10), (x + 180, y + 130)],
            hex_mix(P["gold"], P["accent"], 0.5),
            6,
        )
    c.ellipse((900, 200, 1120, 300), P["white"])
    c.ellipse((920, 210, 1100, 280), P["brown"])
    for x in (120, 170):
        c.line([(x, 500), (x + 30, 600)], P["red"], 22)
        c.line([(x + 30, 600), (x + 40, 610)], P["green_dark"], 8)
    c.rect((1000, 480, 1040, 640), P["green"], radius=14)


def bandeng(c: Canvas, rng: random.Random) -> None:
    """Two whole milkfish on a plate with lime and chillies."""
    _table(c, "teal")
    _plate(c)
    for y in (370, 490):
        c.ellipse((360, y, 760, y + 80), hex_mix(P["gold"], P["brown"], 0.35))
        c.polygon(
            [(740, y + 40), (850, y - 5), (830, y + 40), (850, y + 85)],
            hex_mix(P["gold"], P["brown"], 0.5),
        )
        c.circle(400, y + 30, 8, P["ink"])
        for k in range(5):
            c.line(
                [(470 + k * 50, y + 15), (490 + k * 50, y + 65)],
                hex_mix(P["gold"], P["brown"], 0.6),
                4,
            )
    c.circle(190, 560, 45, P["green"])
    c.circle(190, 560, 32, P["leaf"])
    c.line([(1000, 520), (1060, 600)], P["red"], 20)


def wingko(c: Canvas, rng: random.Random) -> None:
    """Round coconut cakes stacked beside their paper wrappers."""
    _table(c, "accent")
    for i in range(5):
        x, y = 200 + i * 160, 380 - (i % 2) * 60
        c.ellipse((x, y, x + 240, y + 140), hex_mix(P["gold"], P["brown"], 0.45))
        c.ellipse((x + 10, y, x + 230, y + 115), P["gold"])
        for _ in range(7):
            px, py = x + rng.uniform(50, 190), y + rng.uniform(25, 90)
            c.circle(px, py, 6, hex_mix(P["gold"], P["brown"], 0.6))
    for x in (80, 1000):
        c.rect((x, 500, x + 140, 620), P["white"], radius=6)
        c.rect((x + 20, 530, x + 120, 555), P["red"])
        c.rect((x + 20, 570, x + 100, 580), P["brand"])


def _burst(c: Canvas, cx: float, cy: float, colours: tuple[str, str]) -> None:
    c.gradient(P[colours[0]], P[colours[1]])
    for i in range(18):
        a0, a1 = i * 20, i * 20 + 10
        c.pieslice(
            (cx - 900, cy - 900, cx + 900, cy + 900),
            a0,
            a1,
            hex_mix(P[colours[0]], P["white"], 0.12),
        )


def trophy(c: Canvas, rng: random.Random) -> None:
    """A gold trophy on a plinth, with stars and confetti."""
    _burst(c, 600, 300, rng.choice((("brand", "brand_dark"), ("teal", "brand_dark"))))
    c.rect((470, 520, 730, 600), P["brand_dark"])
    c.rect((440, 590, 760, 630), P["ink"])
    c.rect((520, 470, 680, 525), P["gold"])
    c.rect((575, 380, 625, 470), P["gold"])
    c.pieslice((420, 60, 780, 440), 0, 180, P["gold"])
    c.rect((420, 150, 780, 250), P["gold"])
    c.rect((420, 130, 780, 160), P["yellow"])
    for side in (-1, 1):
        x = 600 + side * 210
        c.ellipse((x - 60, 170, x + 60, 300), P["gold"])
        c.ellipse((x - 35, 195, x + 35, 275), P["brand"])
    star(c, 600, 260, 60, P["yellow"])
    for _ in range(26):
        x, y = rng.uniform(40, 1160), rng.uniform(30, 640)
        if 380 < x < 820:
            continue
        colour = P[rng.choice(("yellow", "pink", "leaf", "white", "accent"))]
        c.rect((x, y, x + 16, y + 28), colour, radius=4)
    for x, y in ((180, 140), (1020, 180), (1080, 520)):
        star(c, x, y, 34, P["yellow"])


def medal(c: Canvas, rng: random.Random) -> None:
    """A medal on a ribbon lying on a framed certificate."""
    c.gradient(P["cream"], P["sand"])
    c.rect((140, 90, 1060, 600), P["accent"], radius=12)
    c.rect((170, 120, 1030, 570), P["white"])
    for y in range(190, 520, 46):
        c.rect((240, y, 240 + rng.uniform(360, 560), y + 14), P["grey"], radius=7)
    c.polygon([(760, 60), (840, 60), (900, 330), (840, 330)], P["brand"])
    c.polygon([(960, 60), (1040, 60), (940, 330), (880, 330)], P["red"])
    c.circle(900, 420, 130, P["gold"])
    c.circle(900, 420, 100, P["yellow"])
    star(c, 900, 425, 70, P["gold"])


def documents(c: Canvas, rng: random.Random) -> None:
    """Stacked documents under a magnifying glass with a check mark."""
    c.gradient(P["sky"], P["white"])
    for i, angle_shift in enumerate((-30, 0, 30)):
        x = 330 + angle_shift * 3 + i * 20
        c.rect(
            (x, 100 + i * 20, x + 420, 620),
            hex_mix(P["white"], P["grey"], 0.1 * (2 - i)),
        )
    for y in range(200, 560, 44):
        c.rect((430, y, 430 + rng.uniform(220, 330), y + 14), P["grey"], radius=7)
    c.circle(460, 170, 40, P["red"])
    c.circle(820, 380, 150, P["brand_dark"])
    c.circle(820, 380, 120, hex_mix(P["sky"], P["white"], 0.4))
    c.line([(920, 490), (1060, 630)], P["brand_dark"], 44)
    c.line([(750, 380), (800, 440), (900, 310)], P["green"], 26)


def phone_chat(c: Canvas, rng: random.Random) -> None:
    """A phone showing a chat with an assistant, with speech bubbles around it."""
    c.gradient(P["leaf"], P["teal"])
    c.rect((430, 40, 770, 660), P["ink"], radius=46)
    c.rect((450, 90, 750, 610), hex_mix(P["cream"], P["white"], 0.5), radius=10)
    c.rect((450, 90, 750, 150), P["green_dark"])
    c.circle(490, 120, 20, P["white"])
    for i, mine in enumerate((False, True, False, True, False)):
        y = 175 + i * 85
        width = rng.uniform(150, 220)
        x0 = 730 - width if mine else 470
        colour = hex_mix(P["leaf"], P["white"], 0.4) if mine else P["white"]
        c.rect((x0, y, x0 + width, y + 60), colour, radius=16)
    for x, y, colour in (
        (120, 150, "white"),
        (930, 260, "yellow"),
        (160, 430, "cream"),
    ):
        c.rect((x, y, x + 200, y + 110), P[colour], radius=30)
        c.polygon([(x + 40, y + 100), (x + 70, y + 100), (x + 30, y + 150)], P[colour])
        for k in range(3):
            c.circle(x + 60 + k * 40, y + 55, 12, P["green_dark"])


def batik(c: Canvas, rng: random.Random) -> None:
    """A kawung-style batik pattern with a folded cloth and a canting."""
    c.rect((0, 0, 1200, 675), P["brown"])
    for row in range(6):
        for col in range(8):
            cx, cy = col * 165 + (row % 2) * 82, row * 140
            for dx, dy in ((-36, 0), (36, 0), (0, -36), (0, 36)):
                rx, ry = (30, 18) if dy == 0 else (18, 30)
                c.ellipse(
                    (cx + dx - rx, cy + dy - ry, cx + dx + rx, cy + dy + ry), P["sand"]
                )
            c.circle(cx, cy, 9, P["accent"])
    c.rect((700, 380, 1140, 620), P["brand"], radius=12)
    c.rect((700, 430, 1140, 450), P["cream"])
    c.rect((700, 530, 1140, 550), P["cream"])
    c.line([(160, 560), (420, 420)], P["ink"], 18)
    c.ellipse((400, 385, 480, 445), P["gold"])


def health(c: Canvas, rng: random.Random) -> None:
    """A community clinic with a cross sign, a heart and a pulse line."""
    c.gradient(P["sky"], P["white"], 0, 560)
    c.rect((0, 560, 1200, 675), P["leaf"])
    c.rect((250, 300, 950, 560), P["white"])
    roof = P[rng.choice(("teal", "brand", "green_dark"))]
    c.polygon([(220, 300), (600, 170), (980, 300)], roof)
    c.rect((550, 420, 650, 560), roof, radius=8)
    for x in (300, 420, 720, 840):
        c.rect((x, 360, x + 80, 430), P["sky"], radius=6)
    c.rect((575, 220, 625, 330), P["red"])
    c.rect((545, 250, 655, 300), P["red"])
    c.circle(1040, 200, 60, P["red"])
    c.circle(1110, 200, 60, P["red"])
    c.polygon([(985, 225), (1075, 330), (1165, 225)], P["red"])
    c.line(
        [(40, 150), (120, 150), (150, 90), (190, 220), (220, 150), (330, 150)],
        P["red"],
        10,
    )


def school(c: Canvas, rng: random.Random) -> None:
    """A stack of books with a graduation cap and a pencil."""
    c.gradient(P["cream"], P["sky"])
    for i, colour in enumerate(("brand", "accent", "green", "red", "teal")):
        y = 560 - i * 70
        x = 360 + rng.uniform(-30, 30)
        c.rect((x, y, x + 480, y + 62), P[colour], radius=6)
        c.rect((x + 440, y + 8, x + 470, y + 54), P["white"])
    c.polygon([(600, 90), (860, 170), (600, 250), (340, 170)], P["ink"])
    c.rect((480, 195, 720, 260), P["ink"])
    c.line([(860, 170), (880, 290)], P["yellow"], 8)
    c.circle(880, 300, 16, P["yellow"])
    c.polygon([(120, 600), (150, 620), (300, 300), (270, 285)], P["yellow"])
    c.polygon([(120, 600), (150, 620), (110, 650)], P["ink"])


def pump(c: Canvas, rng: random.Random) -> None:
    """A pump house moving water from a channel through big pipes."""
    c.gradient(P["sky"], P["white"], 0, 420)
    c.rect((0, 420, 1200, 675), P["green"])
    c.rect((0, 520, 1200, 675), P["water"])
    for i in range(5):
        c.rect(
            (80 + i * 230, 580 + (i % 2) * 30, 200 + i * 230, 588 + (i % 2) * 30),
            hex_mix(P["water"], P["white"], 0.4),
        )
    c.rect((140, 220, 520, 470), P["cream"])
    c.polygon([(110, 220), (330, 130), (550, 220)], P["brand_dark"])
    c.rect((290, 340, 370, 470), P["brand"], radius=6)
    for y in (300, 380):
        c.rect((520, y, 960, y + 46), P["grey_dark"], radius=20)
        c.rect((940, y - 10, 990, y + 56), P["grey"], radius=8)
    for y in (346, 426):
        c.pieslice((950, y - 60, 1110, y + 160), 270, 360, P["water"])
    c.circle(700, 260, 40, P["accent"])
    c.line([(700, 300), (700, 380)], P["accent"], 14)
    for x in range(150, 1200, 5 * 60):
        c.circle(x + math.sin(x) * 8, 545, 6, P["white"])
