"""The ``CHECK`` setting (declared in :mod:`pelita.core.settings`), checked.

The check speaks to admins, so its unknown-key error is in Indonesian; the
keys and defaults are the shared declaration's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pelita.core.registries import closest
from pelita.core.schema import ROLE_DEFAULTS, CategoryRoles, SchemaError, category_roles
from pelita.core.settings import CHECK, merge_settings

# The declaration (keys, defaults, docs) is the one in pelita.core.settings.
DEFAULTS: dict[str, Any] = CHECK.defaults()


class CheckConfigError(ValueError):
    """The ``CHECK`` setting has an unknown key or an unusable value."""


@dataclass(frozen=True)
class CheckConfig:
    """The merged ``CHECK`` setting."""

    contacts_file: str
    channel_files: tuple[str, ...]
    future_tolerance_minutes: int
    image_warn_bytes: int
    image_max_bytes: int
    image_max_pixels: int
    image_min_width: int
    imported_media: tuple[str, ...]
    # Which category is which (CATEGORY_ROLES), read with the settings.
    roles: CategoryRoles = field(default=ROLE_DEFAULTS)


def _with_hint(key: str) -> str:
    match = closest(key, DEFAULTS, 1)
    return f"{key} (maksud Anda {match[0]}?)" if match else key


def load_config(settings: Mapping[str, Any]) -> CheckConfig:
    """Merge ``settings["CHECK"]`` over :data:`DEFAULTS`; reject unknown keys."""
    overrides = dict(settings.get("CHECK") or {})
    unknown = sorted(set(overrides) - set(DEFAULTS))
    if unknown:
        hints = [_with_hint(key) for key in unknown]
        raise CheckConfigError(
            f"CHECK: kunci tidak dikenal {', '.join(hints)}; "
            f"yang dikenal: {', '.join(sorted(DEFAULTS))}"
        )
    merged = merge_settings({"CHECK": overrides}, CHECK)
    for key in ("channel_files", "imported_media"):
        merged[key] = tuple(merged[key])
    try:
        roles = category_roles(settings)
    except SchemaError as exc:
        raise CheckConfigError(str(exc)) from exc
    return CheckConfig(**merged, roles=roles)
