"""Pelita's dict settings: declared once (:mod:`.catalog`), merged one way.

``merge_settings(settings, WILAYAH)`` is how every plugin and tool reads its
dict; the declarations also make ``docs/settings.md`` (:mod:`.docs`).
"""

from .catalog import (
    BUILDSPEED,
    BY_NAME,
    CHECK,
    CITY_PROFILE,
    DEPLOY,
    EDITOR,
    I18N,
    IMAGES,
    IMPORTER,
    KANAL,
    OGCARD,
    PRESTASI,
    PROVENANCE,
    RALAT,
    REGISTRIES,
    RELATED,
    SAFETY,
    SEO,
    SETTINGS,
    SHAREKIT,
    THEMECONTEXT,
    WILAYAH,
)
from .merge import Option, PluginSettingsError, Setting, merge_settings, plugin_enabled

__all__ = [
    "BUILDSPEED",
    "BY_NAME",
    "CHECK",
    "CITY_PROFILE",
    "DEPLOY",
    "EDITOR",
    "I18N",
    "IMAGES",
    "IMPORTER",
    "KANAL",
    "OGCARD",
    "PRESTASI",
    "PROVENANCE",
    "RALAT",
    "REGISTRIES",
    "RELATED",
    "SAFETY",
    "SEO",
    "SETTINGS",
    "SHAREKIT",
    "THEMECONTEXT",
    "WILAYAH",
    "Option",
    "PluginSettingsError",
    "Setting",
    "merge_settings",
    "plugin_enabled",
]
