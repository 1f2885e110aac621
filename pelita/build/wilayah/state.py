"""What the tagging step hands to the page generator within one build.

Kept in the build's shared context (never in a module global), so two builds
in one process cannot see each other's state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelita.core.registries import Gazetteer
from pelita.core.wilayah.places import Areas

STATE_KEY = "_wilayah_state"


@dataclass(frozen=True)
class WilayahState:
    """The settings, gazetteer and areas of this build."""

    config: dict[str, Any]
    gazetteer: Gazetteer
    areas: Areas
    paths: dict[str, Path]
