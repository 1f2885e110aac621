"""The channels of each kecamatan and kelurahan, read from the channel registry.

The importer owns and validates the registry; the pages only need each
channel's name, link and area, so this reads the YAML plainly and skips
what it cannot place.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pelita.core.registries import Gazetteer, load_yaml_text
from pelita.core.wilayah.validation import resolve_metadata

logger = logging.getLogger(__name__)
_FEED_SUFFIX = re.compile(r"(?:feed|rss|atom)(?:\.xml)?/?$", re.IGNORECASE)


@dataclass(frozen=True)
class ChannelRef:
    """What a kecamatan or kelurahan page shows of one channel."""

    id: str
    name: str
    kind: str
    homepage: str | None
    kecamatan: tuple[str, ...]  # Kemendagri codes
    kelurahan: tuple[str, ...]


def _homepage(entry: dict) -> str | None:
    for key in ("homepage", "website", "link", "site"):
        if str(entry.get(key) or "").startswith(("https://", "http://")):
            return str(entry[key])
    url = str(entry.get("url") or "")
    if url.startswith(("https://", "http://")) and _FEED_SUFFIX.search(url):
        return _FEED_SUFFIX.sub("", url)
    return None


def load_channel_refs(path: Path, gazetteer: Gazetteer) -> list[ChannelRef]:
    """Enabled channels that name a kecamatan or kelurahan of the city."""
    try:
        data = load_yaml_text(Path(path).read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        logger.debug("wilayah: no channel registry at %s", path)
        return []
    except (OSError, yaml.YAMLError) as exc:
        logger.warning("wilayah: cannot read channel registry %s: %s", path, exc)
        return []
    refs = []
    for entry in data.get("channels") or []:
        if not isinstance(entry, dict) or entry.get("enabled") is False:
            continue
        where = resolve_metadata(
            str(entry.get("kecamatan") or ""),
            str(entry.get("kelurahan") or ""),
            gazetteer,
        )
        if where.problems or not where.kecamatan:
            continue  # the importer reports bad areas; pages just skip them
        refs.append(
            ChannelRef(
                str(entry.get("id", "")),
                str(entry.get("name") or entry.get("id", "")),
                str(entry.get("kind", "")),
                _homepage(entry),
                tuple(k.kode for k in where.kecamatan),
                tuple(k.kode for k in where.kelurahan),
            )
        )
    return refs
