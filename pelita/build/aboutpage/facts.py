"""What the about page says of the city: its name and its counts, from data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelita.core.registries import load_gazetteer, load_opd, registry_paths

# OPD rows of this kind are the kecamatan offices, counted as kecamatan.
_KECAMATAN_OFFICE = "kecamatan"


@dataclass(frozen=True)
class CityFacts:
    """The city as the about page names and counts it."""

    name: str
    site_name: str
    author: str
    kecamatan: int
    kelurahan: int
    opd: int
    assistant: str
    repository_url: str
    demo: bool


def city_facts(settings: Mapping[str, Any], base: Path | None = None) -> CityFacts:
    """The facts of the city the settings describe (registries read from ``base``).

    Raises :class:`pelita.core.registries.RegistryError` (file, line, value)
    when a registry is broken.
    """
    paths = registry_paths(settings, base)
    gazetteer = load_gazetteer(paths["wilayah"], paths.get("wilayah_aliases"))
    offices = load_opd(paths["opd"]).items
    assistant = settings.get("VIRTUAL_ASSISTANT") or {}
    return CityFacts(
        name=str(settings.get("CITY") or ""),
        site_name=str(settings.get("SITENAME") or ""),
        author=str(settings.get("AUTHOR") or ""),
        kecamatan=len(gazetteer.kecamatan),
        kelurahan=len(gazetteer.kelurahan),
        opd=sum(1 for o in offices if o.jenis.strip().lower() != _KECAMATAN_OFFICE),
        assistant=str(assistant.get("name") or ""),
        repository_url=str(settings.get("REPOSITORY_URL") or ""),
        demo=bool(settings.get("DEMO")),
    )
