"""Read the channel registry just enough to list an OPD's channels.

The importer owns ``IMPORTER["channels_file"]`` and validates it; the OPD
pages only need each channel's id, name, link and OPD, so this reads the
YAML directly and tolerates whatever else the importer keeps there.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from pelita.core.registries import load_yaml_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChannelInfo:
    """One channel as an OPD page shows it."""

    id: str
    name: str
    opd: str | None
    kind: str | None
    link: str | None  # the channel's public page, when the registry has one


def _link(item: dict) -> str | None:
    for key in ("site", "homepage", "link", "url"):
        value = str(item.get(key) or "")
        if urlsplit(value).scheme in ("http", "https"):
            return value
    return None


def load_channels(path: str | Path | None) -> list[ChannelInfo]:
    """Channels in the registry at ``path``; [] (with a warning) if unreadable."""
    if not path:
        return []
    try:
        data = load_yaml_text(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        logger.warning("prestasi: cannot read channel registry %s: %s", path, exc)
        return []
    items = data.get("channels") if isinstance(data, dict) else data
    channels = []
    for item in items or ():
        if not isinstance(item, dict) or not item.get("id"):
            continue
        channels.append(
            ChannelInfo(
                id=str(item["id"]),
                name=str(item.get("name") or item["id"]),
                opd=str(item["opd"]) if item.get("opd") else None,
                kind=str(item["kind"]) if item.get("kind") else None,
                link=_link(item),
            )
        )
    return channels
