"""The ``BUILDSPEED`` setting and the settings that do not change output."""

from __future__ import annotations

from typing import Any

from pelita.core.settings import BUILDSPEED, merge_settings

# Settings that say where and how to build, not what a page shows.
BUILD_ONLY_SETTINGS = frozenset(
    {
        "OUTPUT_PATH", "CACHE_PATH", "CACHE_CONTENT", "LOAD_CONTENT_CACHE",
        "CONTENT_CACHING_LAYER", "CHECK_MODIFIED_METHOD", "GZIP_CACHE",
        "DELETE_OUTPUT_DIRECTORY", "OUTPUT_RETENTION", "WRITE_SELECTED",
        "BUILDSPEED", "DEBUG", "LOG_FILTER",
    }
)  # fmt: skip


def buildspeed_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """``BUILDSPEED`` merged over the defaults by the one settings merge.

    An unknown key, or a setting that is not a dict, is a
    ``PluginSettingsError`` naming the allowed keys and the closest one.
    """
    return merge_settings(settings, BUILDSPEED)
