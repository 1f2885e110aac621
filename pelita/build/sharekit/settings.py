"""The ``SHAREKIT`` setting: defaults, merging and checks with clear errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelita.core.settings import PluginSettingsError, merge_settings

from .hashtags import hashtag

DEFAULTS: dict[str, Any] = {
    # Fonts and colour tokens, relative to the theme (shipped, freely licensed).
    "font_bold": "fonts/NotoSans-Bold.ttf",
    "font_regular": "fonts/NotoSans-Regular.ttf",
    "tokens": "static/css/tokens.css",
    # Cards go to output/<output_dir>/<slug>/<hash>-<format>.png.
    "output_dir": "bagikan",
    # The admins' page of recent kits.
    "page_url": "bagikan/",
    "page_save_as": "bagikan/index.html",
    "days": 30,
    # "YYYY-MM-DD": the day /bagikan/ counts back from; None: the build's day
    # (SOURCE_DATE_EPOCH when set).
    "today": None,
    # Hashtags on every caption (letters and digits, without "#").
    "hashtags": [],
    # Hashtags per category (topic), instead of the category's own name.
    "category_hashtags": {},
    # Text after an OPD's short name in its hashtag; None: the CITY setting.
    "opd_hashtag_suffix": None,
    "max_hashtags": 8,
    # Give kit posts the kit's link card as their og:image.
    "og_image": True,
    # Width of the thumbnails shown on the pages (WebP).
    "thumb_width": 360,
    "workers": 0,  # 0: one per CPU
}


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
    """Merge ``SHAREKIT`` over :data:`DEFAULTS` and check every value."""
    raw = merge_settings(settings, "SHAREKIT", DEFAULTS)
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
    for key, low in (("days", 1), ("max_hashtags", 1), ("thumb_width", 64)):
        value = raw[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            _fail(key, value, f"a whole number of at least {low}")
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
