"""What a deploy works on: the project's folders, its production settings.

Read once from ``publishconf.py`` (the production settings), so the gate,
the link check and the targets all agree on ``SITEURL``, ``output/`` and the
``DEPLOY`` setting.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.settings import read_settings

from .config import DeployConfig, load_deploy_config


@dataclass(frozen=True)
class Project:
    """Folders and settings of the site being published."""

    root: Path
    settings_file: Path
    content: Path
    output: Path
    site_url: str
    deploy: DeployConfig
    # Where the gate records a pass (never inside output/).
    state_dir: Path
    # The production settings as Pelican read them (for ``invoke check``).
    settings: Mapping[str, Any] = field(default_factory=dict, repr=False)


def load_project(
    root: Path,
    settings_file: str = "publishconf.py",
    *,
    output: Path | None = None,
    content: Path | None = None,
    state_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Project:
    """Read the production settings of the project at ``root``."""
    root = Path(root).resolve()
    settings_path = root / settings_file
    previous = Path.cwd()
    os.chdir(root)  # settings files import pelicanconf and read paths from here
    try:
        settings = read_settings(str(settings_path))
    finally:
        os.chdir(previous)
    return Project(
        root=root,
        settings_file=settings_path,
        # Relative paths in the settings are the project's, not the caller's.
        content=(root / (content or settings["PATH"])).resolve(),
        output=(root / (output or settings["OUTPUT_PATH"])).resolve(),
        site_url=str(settings.get("SITEURL") or ""),
        deploy=load_deploy_config(settings.get("DEPLOY"), environ),
        state_dir=Path(state_dir or root / ".cache" / "deploy"),
        settings=settings,
    )
