"""Cards take their colours from the theme's tokens file."""

from pathlib import Path

import pytest

from pelita.build.ogcard.tokens import TokenError, read_color_tokens, style_from_tokens

THEME = Path(__file__).resolve().parents[2] / "theme"


def test_the_light_scheme_of_the_themes_tokens_is_read():
    tokens = read_color_tokens(THEME / "static/css/tokens.css")
    assert tokens["brand"] == "#0b5394"
    assert tokens["brand-strong"] == "#073763"
    assert tokens["hoaks"] == "#b3261e"
    # The dark scheme's brand-strong (#0d2a45) is not what a shared image uses.
    assert tokens["brand-strong"] != "#0d2a45"


def test_a_reskinned_tokens_file_reskins_the_cards(tmp_path):
    css = tmp_path / "tokens.css"
    css.write_text(
        "/* a city's colours */\n:root {\n  --color-brand: #A00;\n"
        "  --color-brand-strong: #300000;\n  --color-on-brand: #fff;\n"
        "  --color-flame: #ffcc00;\n  --color-text: #111111;\n"
        "  --color-hoaks: #b3261e; --color-salah: #8f4e00; --color-benar: #1b6e3a;\n"
        "  --color-disinformasi: #8e1f4f; --color-misinformasi: #a13a00;\n"
        "  --color-menyesatkan: #6b3fa0; --color-sebagian: #5c6100;\n"
        "}\n@media (prefers-color-scheme: dark) {\n"
        "  :root { --color-brand: #123456; }\n}\n",
        encoding="utf-8",
    )
    style = style_from_tokens(css, "bold.ttf", "regular.ttf")
    assert style.band == "#aa0000"
    assert style.background == "#300000"
    assert style.verdict_colors["tidak tepat"] == "#8f4e00"


def test_a_missing_token_is_named(tmp_path):
    css = tmp_path / "tokens.css"
    css.write_text(":root { --color-brand: #0b5394; }", encoding="utf-8")
    with pytest.raises(TokenError, match="--color-brand-strong") as error:
        style_from_tokens(css, "b.ttf", "r.ttf")
    assert str(css) in str(error.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TokenError, match=r"nope\.css"):
        read_color_tokens(tmp_path / "nope.css")
