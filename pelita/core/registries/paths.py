"""Where the registries live, overridable with the ``REGISTRIES`` setting."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelita.core.settings import REGISTRIES, PluginSettingsError, merge_settings

from .errors import RegistryError

# Declared (keys, defaults, docs) once, in pelita.core.settings.
DEFAULT_REGISTRIES: dict[str, str] = REGISTRIES.defaults()


def registry_paths(
    settings: Mapping[str, Any] | None = None, base: Path | None = None
) -> dict[str, Path]:
    """Merge ``settings["REGISTRIES"]`` over the defaults; reject unknown keys.

    Relative paths are taken from ``base`` (the directory Pelican runs in).
    An optional file set to ``None`` (a city without kecamatan boundaries has
    ``"boundaries": None``) is left out of the result.
    """
    try:
        merged = merge_settings(settings or {}, REGISTRIES)
    except PluginSettingsError as exc:
        raise RegistryError(str(exc)) from exc
    root = base or Path.cwd()
    return {key: root / value for key, value in merged.items() if value is not None}


def display_path(path: Path, root: Path) -> str:
    """A path as the admin should see it: relative to the repository."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def registry_file(registry: object, default: str) -> str:
    """The file a loaded registry came from, as admins see it (``default`` if unknown).

    Messages name the city's own file (``REGISTRIES`` in the settings), never
    a file name of the first city's.
    """
    path = getattr(registry, "path", None)
    return display_path(Path(path), Path.cwd()) if path else default
