"""The ``RALAT`` setting, merged over defaults once, unknown keys refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, str] = {
    "url": "ralat/",
    "save_as": "ralat/index.html",
    "template": "ralat",
}


class RalatConfigError(ValueError):
    """``RALAT`` names a key the plugin does not know."""


def ralat_settings(settings: Mapping[str, Any]) -> dict[str, str]:
    """``settings["RALAT"]`` over :data:`DEFAULTS`."""
    overrides = dict(settings.get("RALAT") or {})
    unknown = sorted(set(overrides) - set(DEFAULTS))
    if unknown:
        raise RalatConfigError(
            f"ralat: unknown RALAT key(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(DEFAULTS))}"
        )
    return {**DEFAULTS, **overrides}
