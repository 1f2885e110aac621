"""The ``WILAYAH`` setting: one dict merged over these defaults, once per build."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pelita.core.settings import PluginSettingsError
from pelita.core.settings import merge_settings as merge_plugin_settings
from pelita.core.wilayah.errors import WilayahError

DEFAULTS: dict[str, Any] = {
    # Tag posts without Kecamatan/Kelurahan metadata from their text.
    "infer": True,
    # Write /kecamatan/ and the pages of every kecamatan and kelurahan.
    "pages": True,
    "index_url": "kecamatan/",
    "index_save_as": "kecamatan/index.html",
    "kecamatan_url": "kecamatan/{slug}/",
    "kecamatan_save_as": "kecamatan/{slug}/index.html",
    "kelurahan_url": "kecamatan/{kecamatan_slug}/{slug}/",
    "kelurahan_save_as": "kecamatan/{kecamatan_slug}/{slug}/index.html",
    # Written only when the site writes feeds (FEED_ALL_ATOM is set).
    "feed_atom": "feeds/kecamatan/{slug}.atom.xml",
    # Posts per page on kecamatan and kelurahan pages (None: DEFAULT_PAGINATION).
    "per_page": None,
    # Achievements listed on a kecamatan page.
    "achievements_shown": 6,
    # The map on /kecamatan/: width of its coordinate space and how far (in
    # those units) a simplified border may stray from the real one.
    "map_width": 600,
    "map_tolerance": 0.9,
}


def merge_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``DEFAULTS`` with ``settings["WILAYAH"]`` over them; unknown keys fail."""
    try:
        return merge_plugin_settings(settings, "WILAYAH", DEFAULTS)
    except PluginSettingsError as exc:
        raise WilayahError(str(exc)) from exc
