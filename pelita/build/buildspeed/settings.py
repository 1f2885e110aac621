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


def incremental(settings: dict[str, Any]) -> bool:
    """Whether this build keeps work between builds (the page cache is on).

    The page cache, the plugins' per-post memo and the related-posts index
    follow this one switch, so a build with it off is a full one.
    """
    try:
        return bool(buildspeed_settings(settings)["page_cache"])
    except (ValueError, TypeError):
        return False
