"""Pelican adapter of :mod:`pelita.core.themeassets`: the filter and the files.

Pelican's own copy of the theme's ``static/`` folder is turned off
(``THEME_STATIC_PATHS = []`` in pelicanconf.py): this plugin publishes it,
fingerprinted, so that no page links a file a host may cache under an old
name. Files of earlier builds left in the theme's output folder are removed,
so a deploy deletes them too.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals

from pelita.build.buildspeed.output import OutputKeeper
from pelita.core.settings import plugin_enabled
from pelita.core.themeassets import Asset, collect_assets, published_name

logger = logging.getLogger(__name__)

# The assets of a theme folder, keyed by the folder and its files' stats: a
# build in the same process (livereload, tests) reads them again only when
# a file changed.
_CACHE: dict[tuple, dict[str, Asset]] = {}


def theme_assets(settings: dict[str, Any]) -> dict[str, Asset]:
    """The published files of the build's theme (cached while unchanged)."""
    static = Path(settings["THEME"]) / "static"
    stats = tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(static.rglob("*"))
        if p.is_file()
    )
    key = (str(static.resolve()), stats)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = collect_assets(static)
    return _CACHE[key]


def add_asset_filter(generator: Any) -> None:
    """``{{ "js/site.js"|asset }}`` -> ``theme/js/site.<hash>.js``."""
    if not plugin_enabled(generator.settings, "assets"):
        return
    assets = theme_assets(generator.settings)
    folder = generator.settings.get("THEME_STATIC_DIR", "theme").strip("/")

    def asset(logical: str) -> str:
        return f"{folder}/{published_name(assets, str(logical))}"

    generator.env.filters["asset"] = asset


def write_assets(pelican: Any) -> None:
    """Write the published files; remove what earlier builds left."""
    settings = pelican.settings
    if not plugin_enabled(settings, "assets"):
        return
    assets = theme_assets(settings)
    folder = Path(pelican.output_path) / settings.get("THEME_STATIC_DIR", "theme")
    wanted = set()
    for asset in assets.values():
        target = folder / asset.published
        wanted.add(target)
        if target.is_file() and target.read_bytes() == asset.data:
            # Left as it is: an incremental build keeps output/ and removes
            # at its end every file it neither wrote nor noted as kept.
            OutputKeeper.current().kept(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.data)
    stale = [p for p in folder.rglob("*") if p.is_file() and p not in wanted]
    for path in stale:
        path.unlink()
    for directory in sorted(folder.rglob("*"), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            os.rmdir(directory)
    logger.info(
        "assets: %d theme files published, %d stale removed", len(assets), len(stale)
    )


def register() -> None:
    """Pelican entry point."""
    signals.generator_init.connect(add_asset_filter)
    signals.finalized.connect(write_assets)
