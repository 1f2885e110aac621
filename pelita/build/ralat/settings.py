"""The ``RALAT`` setting, merged over defaults once, unknown keys refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pelita.core.settings import PluginSettingsError
from pelita.core.settings import merge_settings as merge_plugin_settings

DEFAULTS: dict[str, str] = {
    "url": "ralat/",
    "save_as": "ralat/index.html",
    "template": "ralat",
}


class RalatConfigError(ValueError):
    """``RALAT`` names a key the plugin does not know."""


def ralat_settings(settings: Mapping[str, Any]) -> dict[str, str]:
    """``settings["RALAT"]`` over :data:`DEFAULTS`."""
    try:
        return merge_plugin_settings(settings, "RALAT", DEFAULTS)
    except PluginSettingsError as exc:
        raise RalatConfigError(f"ralat: {exc}") from exc
