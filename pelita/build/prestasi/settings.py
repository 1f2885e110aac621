"""The ``PRESTASI`` setting: one dict merged over these defaults, once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pelita.core.prestasi.model import PrestasiError
from pelita.core.schema import SchemaError, category_roles
from pelita.core.settings import PluginSettingsError
from pelita.core.settings import merge_settings as merge_plugin_settings

DEFAULTS: dict[str, Any] = {
    # The classifier's rules; another city edits this file, not code.
    "rules_file": "data/prestasi-rules.yml",
    # Entries per wall page; None means DEFAULT_PAGINATION.
    "per_page": None,
    # How many achievements `prestasi_terbaru` offers the home page.
    "latest": 6,
    # The classifier reads the title and the lead: whole sentences of the
    # summary (or of the body) up to this many characters.
    "lead_chars": 300,
    # The Atom feed of achievements only, written when feeds are on
    # (FEED_ALL_ATOM is set, as in publishconf.py); None turns it off.
    "feed_atom": "feeds/prestasi.atom.xml",
    # The register as data, next to the wall.
    "csv_name": "prestasi.csv",
    "json_name": "prestasi.json",
    # The OPD pages.
    "opd_index_url": "opd/",
    "opd_index_save_as": "opd/index.html",
    "opd_url": "opd/{id}/",
    "opd_save_as": "opd/{id}/index.html",
    # Awards shown on an OPD page before the link to its filtered wall.
    "opd_awards": 10,
}


def prestasi_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``settings["PRESTASI"]`` over :data:`DEFAULTS`; reject unknown keys."""
    try:
        merged = merge_plugin_settings(settings, "PRESTASI", DEFAULTS)
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
                f"e.g. {DEFAULTS[key]!r}"
            )
    return merged
