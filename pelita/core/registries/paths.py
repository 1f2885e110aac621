"""Where the registries live, overridable with the ``REGISTRIES`` setting."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import RegistryError

DEFAULT_REGISTRIES: dict[str, str] = {
    "wilayah": "data/semarang-wilayah.csv",
    "wilayah_aliases": "data/wilayah-alias.csv",
    "wilayah_tagger": "data/wilayah-tagger.yml",
    "boundaries": "data/semarang-kecamatan.geojson",
    "opd": "data/semarang-opd.csv",
}


def registry_paths(
    settings: Mapping[str, Any] | None = None, base: Path | None = None
) -> dict[str, Path]:
    """Merge ``settings["REGISTRIES"]`` over the defaults; reject unknown keys.

    Relative paths are taken from ``base`` (the directory Pelican runs in).
    """
    overrides = dict((settings or {}).get("REGISTRIES") or {})
    unknown = sorted(set(overrides) - set(DEFAULT_REGISTRIES))
    if unknown:
        raise RegistryError(
            f"REGISTRIES: unknown key(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(DEFAULT_REGISTRIES))}"
        )
    root = base or Path.cwd()
    merged = {**DEFAULT_REGISTRIES, **overrides}
    return {key: root / value for key, value in merged.items()}
