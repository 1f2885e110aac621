"""The SHAREKIT setting: defaults, and clear errors for bad values."""

import datetime as dt

import pytest

from pelita.build.sharekit.settings import load_options
from pelita.core.settings import PluginSettingsError

from .kittest import THEME


def settings(**sharekit):
    return {"THEME": str(THEME), "SHAREKIT": sharekit}


def test_defaults_load_with_the_shipped_fonts_and_tokens():
    options = load_options(settings())
    assert options["days"] == 30
    assert options.today is None
    assert options.font_bold.endswith("NotoSans-Bold.ttf")


def test_today_can_be_fixed():
    assert load_options(settings(today="2026-11-17")).today == dt.date(2026, 11, 17)


def test_an_unknown_key_names_the_closest():
    with pytest.raises(PluginSettingsError, match=r"'dayz'.*'days'"):
        load_options(settings(dayz=7))


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("today", "17/11/2026", "YYYY-MM-DD"),
        ("days", 0, "at least 1"),
        ("hashtags", "SemarangHebat", "a list of hashtags"),
        ("hashtags", ["2025"], "a letter"),
        ("font_bold", "fonts/Nope.ttf", "a file under the theme"),
        ("workers", -1, "0 \\(one per CPU\\)"),
        ("thumb_small_width", 360, "a width below thumb_width \\(360\\)"),
        ("thumb_small_width", 8, "at least 32"),
    ],
)
def test_a_bad_value_is_named_with_what_was_expected(key, value, expected):
    with pytest.raises(PluginSettingsError, match=f"SHAREKIT: '{key}' is .*{expected}"):
        load_options(settings(**{key: value}))
