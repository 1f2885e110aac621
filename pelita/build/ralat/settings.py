"""The ``RALAT`` setting, merged over defaults once, unknown keys refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pelita.core.settings import RALAT, PluginSettingsError, merge_settings


class RalatConfigError(ValueError):
    """``RALAT`` names a key the plugin does not know."""


def ralat_settings(settings: Mapping[str, Any]) -> dict[str, str]:
    """``settings["RALAT"]`` over its declared defaults."""
    try:
        return merge_settings(settings, RALAT)
    except PluginSettingsError as exc:
        raise RalatConfigError(f"ralat: {exc}") from exc
