"""What one build needs, loaded once per build and kept in its context.

Kept in Pelican's per-build context (never in module globals), so two builds
in one process never see each other's settings, rules or articles.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelita.core.prestasi.rules import Rules, load_rules, place_sets
from pelita.core.registries import (
    ChannelRecord,
    Gazetteer,
    OpdRegistry,
    load_gazetteer,
    load_opd,
    registry_paths,
    site_channels,
)

from .settings import prestasi_settings

logger = logging.getLogger(__name__)

CONTEXT_KEY = "_prestasi_state"


@dataclass
class BuildState:
    """Settings, rules, registries and channels for one build."""

    conf: dict[str, Any]
    rules: Rules
    gazetteer: Gazetteer
    opd: OpdRegistry
    channels: tuple[ChannelRecord, ...]
    channel_opd: dict[str, str] = field(default_factory=dict)
    warned: set[str] = field(default_factory=set)

    def warn_once(self, key: str) -> bool:
        """True the first time ``key`` is seen in this build."""
        if key in self.warned:
            return False
        self.warned.add(key)
        return True


def build_state(context: dict[str, Any], settings: dict[str, Any]) -> BuildState:
    """The build's state, created on first use from the settings."""
    state = context.get(CONTEXT_KEY)
    if state is not None:
        return state
    conf = prestasi_settings(settings)
    paths = registry_paths(settings)
    channels = site_channels(settings, who="prestasi").channels
    gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
    state = BuildState(
        conf=conf,
        rules=load_rules(Path(conf["rules_file"]), place_sets(gazetteer)),
        gazetteer=gazetteer,
        opd=load_opd(paths["opd"]),
        channels=channels,
        channel_opd={c.id: c.opd for c in channels if c.opd},
    )
    _warn_contact_problems(state.opd)
    context[CONTEXT_KEY] = state
    return state


def _warn_contact_problems(registry: OpdRegistry) -> None:
    """Name each contact value the OPD pages leave out (once per build)."""
    for found in registry.problems:
        problem = found.problem
        logger.warning(
            "prestasi: %s:%s: %s of OPD %s, %r, is left out of its page: %s; %s",
            registry.path,
            found.line,
            problem.field,
            found.opd_id,
            problem.value,
            problem.message,
            problem.suggestion,
        )
