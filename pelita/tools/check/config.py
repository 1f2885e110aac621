"""The ``CHECK`` setting: limits and files the checker uses, over defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pelita.core.registries import closest
from pelita.core.schema import ROLE_DEFAULTS, CategoryRoles, SchemaError, category_roles

DEFAULTS: dict[str, Any] = {
    # Folders under PATH whose files admins write by hand; every other article
    # folder holds imported posts, whose problems are reported as warnings.
    "admin_paths": ["posts", "pages"],
    # Official service contacts allowed in posts (phone numbers, e-mails).
    "contacts_file": "data/kontak-resmi.yml",
    # Channel registries to parse (YAML syntax and ids).
    "channel_files": ["data/channels.yml", "data/channels.demo.yml"],
    # A post may be dated this far ahead of the clock (clock skew, "10.00").
    "future_tolerance_minutes": 60,
    # Photos as phones take them are fine; beyond these they burden the
    # repository and the build.
    "image_warn_bytes": 8 * 1024 * 1024,
    "image_max_bytes": 20 * 1024 * 1024,
    "image_max_pixels": 80_000_000,
    "image_min_width": 640,
    # Where the importer keeps its re-encoded media (not inspected again).
    "imported_media": ["images/imported"],
    # "warning" or "error" for a photo that still carries its GPS position.
    "gps": "warning",
}


class CheckConfigError(ValueError):
    """The ``CHECK`` setting has an unknown key or an unusable value."""


@dataclass(frozen=True)
class CheckConfig:
    """The merged ``CHECK`` setting."""

    admin_paths: tuple[str, ...]
    contacts_file: str
    channel_files: tuple[str, ...]
    future_tolerance_minutes: int
    image_warn_bytes: int
    image_max_bytes: int
    image_max_pixels: int
    image_min_width: int
    imported_media: tuple[str, ...]
    gps: str
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
    merged = {**DEFAULTS, **overrides}
    if merged["gps"] not in ("warning", "error"):
        raise CheckConfigError(
            f"CHECK['gps'] = {merged['gps']!r}; pilih 'warning' atau 'error'"
        )
    for key in ("admin_paths", "channel_files", "imported_media"):
        merged[key] = tuple(merged[key])
    try:
        roles = category_roles(settings)
    except SchemaError as exc:
        raise CheckConfigError(str(exc)) from exc
    return CheckConfig(**merged, roles=roles)
