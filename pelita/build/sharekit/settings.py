"""The ``SHAREKIT`` setting (declared in :mod:`pelita.core.settings`), checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelita.core.settings import SHAREKIT, PluginSettingsError, merge_settings

from .hashtags import hashtag


@dataclass(frozen=True)
class Options:
    """Checked options plus the absolute paths they resolve to."""

    raw: dict[str, Any]
    font_bold: str
    font_regular: str
    tokens: Path
    today: dt.date | None

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]


def load_options(settings: dict[str, Any]) -> Options:
    """Merge ``SHAREKIT`` over its declared defaults and check every value."""
    raw = merge_settings(settings, SHAREKIT)
    theme = Path(settings["THEME"])
    paths = {key: theme / raw[key] for key in ("font_bold", "font_regular", "tokens")}
    for key, path in paths.items():
        if not path.is_file():
            _fail(key, raw[key], f"a file under the theme ({theme})")
    _check_numbers(raw)
    _check_hashtags(raw)
    return Options(
        raw, str(paths["font_bold"]), str(paths["font_regular"]), paths["tokens"],
        _today(raw["today"]),
    )  # fmt: skip


def _fail(key: str, value: Any, expected: str) -> None:
    raise PluginSettingsError(f"SHAREKIT: {key!r} is {value!r}; expected {expected}")


def _check_numbers(raw: dict[str, Any]) -> None:
    numbers = (
        ("days", 1),
        ("max_hashtags", 1),
        ("thumb_width", 64),
        ("thumb_small_width", 32),
    )
    for key, low in numbers:
        value = raw[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            _fail(key, value, f"a whole number of at least {low}")
    if raw["thumb_small_width"] >= raw["thumb_width"]:
        _fail(
            "thumb_small_width",
            raw["thumb_small_width"],
            f"a width below thumb_width ({raw['thumb_width']})",
        )
    workers = raw["workers"]
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        _fail("workers", workers, "0 (one per CPU) or a positive whole number")


def _check_hashtags(raw: dict[str, Any]) -> None:
    lists = {"hashtags": raw["hashtags"]}
    lists |= {
        f"category_hashtags[{name!r}]": tags
        for name, tags in (raw["category_hashtags"] or {}).items()
    }
    for key, tags in lists.items():
        if isinstance(tags, str) or not isinstance(tags, list | tuple):
            _fail(key, tags, 'a list of hashtags, e.g. ["SemarangHebat"]')
        for tag in tags:
            if not hashtag(str(tag)):
                _fail(key, tag, "a hashtag with letters or digits (and a letter)")


def _today(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        _fail("today", value, "None or a date as YYYY-MM-DD, e.g. '2026-11-17'")
    return None
