"""The ``PRESTASI`` setting (declared in :mod:`pelita.core.settings`), checked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pelita.core.prestasi.model import PrestasiError
from pelita.core.schema import SchemaError, category_roles
from pelita.core.settings import PRESTASI, PluginSettingsError, merge_settings


def prestasi_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``settings["PRESTASI"]`` over its declared defaults; unknown keys fail."""
    try:
        merged = merge_settings(settings, PRESTASI)
    except PluginSettingsError as exc:
        raise PrestasiError(str(exc)) from exc
    # Posts filed under the achievements category (CATEGORY_ROLES) are
    # achievements, and its category page becomes the awards wall; the
    # classifier never reads the clarifications category (a hoax about an
    # award is not an award), where explicit metadata still counts.
    try:
        roles = category_roles(settings)
    except SchemaError as exc:
        raise PrestasiError(str(exc)) from exc
    merged["category"] = roles.achievements
    merged["skip_categories"] = [roles.clarifications]
    for key in ("opd_url", "opd_save_as"):
        if "{id}" not in str(merged[key]):
            raise PrestasiError(
                f"PRESTASI[{key!r}]: {merged[key]!r} must contain '{{id}}', "
                f"e.g. {PRESTASI.option(key).default!r}"
            )
    return merged
