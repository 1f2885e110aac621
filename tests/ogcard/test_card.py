"""Drawn link-preview cards: size, weight, content hash."""

import io
from pathlib import Path

from PIL import Image

from pelita.build.ogcard import CardSpec, CardStyle, encode_png, render_card
from pelita.build.ogcard.card import card_key, render_logo

FONTS = Path(__file__).resolve().parents[2] / "theme/fonts"
STYLE = CardStyle(
    font_bold=str(FONTS / "NotoSans-Bold.ttf"),
    font_regular=str(FONTS / "NotoSans-Regular.ttf"),
)


def test_card_is_1200_by_630_and_under_300_kb_even_when_busy():
    spec = CardSpec(
        title="Hoaks: " + "Pesan Berantai Pendaftaran Bantuan Sosial lewat Tautan " * 6,
        kicker="Klarifikasi",
        detail="Rabu, 15 Oktober 2025 · Kecamatan Semarang Tengah",
        footer="Pelita Semarang",
        verdict="Tidak Tepat",
    )
    data = encode_png(render_card(spec, STYLE))
    assert len(data) < 300_000
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1200, 630)
        assert image.format == "PNG"


def test_verdict_stamp_is_drawn_in_the_verdict_colour():
    plain = render_card(CardSpec(title="Judul", kicker="Klarifikasi"), STYLE)
    hoax = render_card(
        CardSpec(title="Judul", kicker="Klarifikasi", verdict="Hoaks"), STYLE
    )
    red = (0xB3, 0x26, 0x1E)
    assert red in {color for _, color in hoax.getcolors(100_000)}
    assert red not in {color for _, color in plain.getcolors(100_000)}


def test_card_key_follows_the_content_not_the_checkout():
    spec = CardSpec(title="Judul", footer="Pelita")
    moved = CardStyle(font_bold=STYLE.font_bold, font_regular=STYLE.font_regular)
    assert card_key(spec, STYLE) == card_key(spec, moved)
    assert card_key(spec, STYLE) != card_key(CardSpec(title="Judul lain"), STYLE)


def test_logo_is_square():
    assert render_logo(STYLE, 512).size == (512, 512)
