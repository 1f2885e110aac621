"""The ``WILAYAH`` setting (declared in :mod:`pelita.core.settings`), merged."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pelita.core.settings import WILAYAH, PluginSettingsError
from pelita.core.settings import merge_settings as merge_plugin_settings
from pelita.core.wilayah.errors import WilayahError


def merge_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``settings["WILAYAH"]`` over its declared defaults; unknown keys fail."""
    try:
        return merge_plugin_settings(settings, WILAYAH)
    except PluginSettingsError as exc:
        raise WilayahError(str(exc)) from exc
