"""The ``IMPORTER`` setting (declared in :mod:`pelita.core.settings`), checked.

Paths are relative to the directory the import runs in (the repository root
for ``invoke import-feeds``); command-line options override the paths.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelita.core.registries import registry_paths
from pelita.core.settings import IMPORTER, PluginSettingsError, merge_settings

from .errors import ImporterConfigError

VERSION = "0.1"
DEFAULT_REPOSITORY_URL = "https://github.com/pemkot-semarang/pelita"

# Pelican's default SLUG_REGEX_SUBSTITUTIONS, for settings that lack them.
PELICAN_SLUG_SUBSTITUTIONS = (
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
)

# Declared (keys, defaults, docs) once, in pelita.core.settings.
DEFAULTS: dict[str, Any] = IMPORTER.defaults()


@dataclass(frozen=True)
class ImporterConfig:
    """The merged, checked settings of one import run."""

    channels_file: Path
    content_dir: Path
    state_file: Path
    report_file: Path
    images_dir: str
    content_root: Path
    concurrency: int
    per_host: int
    connect_timeout: float
    read_timeout: float
    deadline: float
    max_bytes: int
    max_redirects: int
    user_agent: str
    allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]
    local_feeds: bool
    backoff_base: float
    backoff_max: float
    max_entries: int
    workers: int | None
    page_delay: float
    noise_file: Path
    categories: tuple[str, ...]
    default_category: str
    slug_substitutions: tuple[tuple[str, str], ...]
    registry_files: Mapping[str, Path]
    summary_file: Path
    image_max_bytes: int
    image_max_pixels: int
    image_max_width: int
    group_stories: bool
    story_window_days: float
    city: str


def merge_importer_setting(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``settings["IMPORTER"]`` over the defaults; an unknown key is an error."""
    try:
        return merge_settings(settings, IMPORTER)
    except PluginSettingsError as exc:
        raise ImporterConfigError(str(exc)) from exc


def _number(merged: Mapping[str, Any], key: str, kind: type, minimum: float) -> Any:
    value = merged[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ImporterConfigError(f"IMPORTER[{key!r}]: {value!r} is not a number")
    if value < minimum:
        raise ImporterConfigError(
            f"IMPORTER[{key!r}]: {value!r} is below the minimum {minimum}"
        )
    return kind(value)


def _networks(values: Any) -> tuple:
    if not isinstance(values, list | tuple):
        raise ImporterConfigError(
            f"IMPORTER['allow_networks']: {values!r} must be a list of CIDR "
            "ranges such as ['10.20.0.0/16']"
        )
    try:
        return tuple(ipaddress.ip_network(str(v), strict=False) for v in values)
    except ValueError as exc:
        raise ImporterConfigError(f"IMPORTER['allow_networks']: {exc}") from exc


def _user_agent(merged: Mapping[str, Any], settings: Mapping[str, Any]) -> str:
    if merged["user_agent"]:
        return str(merged["user_agent"])
    home = settings.get("REPOSITORY_URL") or DEFAULT_REPOSITORY_URL
    return f"Pelita/{VERSION} (+{home}; city news feed importer)"


def _content_root(content_dir: Path, settings: Mapping[str, Any], base: Path) -> Path:
    """The content tree whose slugs must stay unique.

    Pelican's PATH if it holds ``content_dir``, else the folder that holds
    ``content_dir`` (an import into a scratch tree).
    """
    path = (base / str(settings.get("PATH") or "content")).resolve()
    resolved = content_dir.resolve()
    return path if resolved.is_relative_to(path) else resolved.parent


def _workers(value: Any) -> int | None:
    if value is None:
        return None
    return _number({"workers": value}, "workers", int, 0)


def _with_paths(merged: dict[str, Any], paths: Mapping[str, Any]) -> dict[str, Any]:
    for option, key in (
        ("channels", "channels_file"),
        ("content", "content_dir"),
        ("state", "state_file"),
        ("report", "report_file"),
        ("summary", "summary_file"),
    ):
        if paths.get(option):
            merged[key] = paths[option]
    return merged


def load_config(
    settings: Mapping[str, Any],
    base: Path | None = None,
    **paths: str | Path | None,
) -> ImporterConfig:
    """Merge and check ``IMPORTER`` into an ``ImporterConfig``.

    ``paths`` (channels, content, state, report, summary) are command-line
    overrides; ``None`` means "use the setting".
    """
    merged = _with_paths(merge_importer_setting(settings), paths)
    base = base or Path.cwd()
    content_dir = base / str(merged["content_dir"])
    report_file = base / str(merged["report_file"])
    return ImporterConfig(
        channels_file=base / str(merged["channels_file"]),
        content_dir=content_dir,
        state_file=base / str(merged["state_file"]),
        report_file=report_file,
        images_dir=str(merged["images_dir"]).strip("/"),
        content_root=_content_root(content_dir, settings, base),
        concurrency=_number(merged, "concurrency", int, 1),
        per_host=_number(merged, "per_host", int, 1),
        connect_timeout=_number(merged, "connect_timeout", float, 0.01),
        read_timeout=_number(merged, "read_timeout", float, 0.01),
        deadline=_number(merged, "deadline", float, 0.01),
        max_bytes=_number(merged, "max_bytes", int, 1024),
        max_redirects=_number(merged, "max_redirects", int, 0),
        user_agent=_user_agent(merged, settings),
        allow_networks=_networks(merged["allow_networks"]),
        local_feeds=bool(merged["local_feeds"]),
        backoff_base=_number(merged, "backoff_base", float, 0),
        backoff_max=_number(merged, "backoff_max", float, 0),
        max_entries=_number(merged, "max_entries", int, 1),
        workers=_workers(merged["workers"]),
        page_delay=_number(merged, "page_delay", float, 0),
        noise_file=base / str(merged["noise_file"]),
        categories=tuple(settings.get("CATEGORIES") or ()),
        default_category=str(settings.get("DEFAULT_CATEGORY") or "Berita"),
        slug_substitutions=tuple(
            (str(a), str(b))
            for a, b in settings.get("SLUG_REGEX_SUBSTITUTIONS")
            or PELICAN_SLUG_SUBSTITUTIONS
        ),
        registry_files=registry_paths(settings, base),
        summary_file=_summary_file(merged, report_file, base),
        image_max_bytes=_number(merged, "image_max_bytes", int, 1024),
        image_max_pixels=_number(merged, "image_max_pixels", int, 1),
        image_max_width=_number(merged, "image_max_width", int, 16),
        group_stories=bool(merged["group_stories"]),
        story_window_days=_number(merged, "story_window_days", float, 0),
        city=str(settings.get("CITY") or ""),
    )


def _summary_file(merged: Mapping[str, Any], report_file: Path, base: Path) -> Path:
    if merged["summary_file"]:
        return base / str(merged["summary_file"])
    return report_file.with_name("import-summary.md")
