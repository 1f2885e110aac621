"""The tagger's city-specific rules (``data/wilayah-tagger.yml``), validated.

Names live in the gazetteer; this file says how real text uses them: the
words that qualify a name, the places outside the city, the names that are
also ordinary words. Keeping them in data lets another city swap the file
without touching code.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pelita.core.registries import (
    Gazetteer,
    Kecamatan,
    RegistryError,
    closest,
    load_yaml_text,
)

from .keys import name_key

_LIST_KEYS = (
    "city",
    "not_after",
    "streets",
    "outside",
    "not_places",
    "skip_lines_starting",
)
_ALLOWED = {*_LIST_KEYS, "qualifiers", "ambiguous", "capitalised", "places"}
_QUALIFIER_LEVELS = ("kecamatan", "kelurahan", "any")


@dataclass(frozen=True)
class TaggerPlace:
    """An area or landmark that lies wholly inside one kecamatan."""

    name: str
    kecamatan: Kecamatan


@dataclass(frozen=True)
class TaggerRules:
    """Everything the tagger knows besides the names themselves."""

    qualifiers: Mapping[str, tuple[str, ...]]
    city: tuple[str, ...]
    not_after: tuple[str, ...]
    streets: tuple[str, ...]
    outside: tuple[str, ...]
    not_places: tuple[str, ...]
    ambiguous: frozenset[str]
    capitalised: frozenset[str]
    places: tuple[TaggerPlace, ...]
    skip_lines_starting: tuple[str, ...]


def _words(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise RegistryError(f"{path}: {key} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _known_names(gazetteer: Gazetteer) -> dict[str, str]:
    names: dict[str, str] = {}
    for area in (*gazetteer.kecamatan, *gazetteer.kelurahan):
        for name in (area.nama, *area.aliases):
            names.setdefault(name_key(name), name)
    return names


def _gazetteer_names(
    path: Path, key: str, entries: Any, known: dict[str, str]
) -> frozenset[str]:
    """Keys of names that must exist in the gazetteer (for ambiguous, capitalised)."""
    names = []
    for entry in entries or ():
        name = entry.get("name") if isinstance(entry, dict) else entry
        if not isinstance(name, str) or name_key(name) not in known:
            hint = closest(str(name), known.values())
            raise RegistryError(
                f"{path}: {key}: {name!r} is not a kecamatan or kelurahan name in "
                f"the gazetteer; closest: {', '.join(hint) or 'none'}"
            )
        names.append(name_key(name))
    return frozenset(names)


def _places(path: Path, entries: Any, gazetteer: Gazetteer) -> tuple[TaggerPlace, ...]:
    by_code = {k.kode: k for k in gazetteer.kecamatan}
    places = []
    for entry in entries or ():
        if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
            raise RegistryError(f"{path}: places: each entry needs name and kode")
        kode = str(entry.get("kode", "")).strip()
        if kode not in by_code:
            hint = closest(kode, by_code)
            raise RegistryError(
                f"{path}: places: {entry['name']!r} has kode {kode!r}, which is "
                f"not a kecamatan code; closest: {', '.join(hint) or 'none'}"
            )
        places.append(TaggerPlace(str(entry["name"]).strip(), by_code[kode]))
    return tuple(places)


def _qualifiers(path: Path, value: Any) -> dict[str, tuple[str, ...]]:
    value = value or {}
    unknown = sorted(set(value) - set(_QUALIFIER_LEVELS))
    if not isinstance(value, dict) or unknown:
        raise RegistryError(
            f"{path}: qualifiers: unknown level(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(_QUALIFIER_LEVELS)}"
        )
    return {lvl: _words(path, f"qualifiers.{lvl}", value.get(lvl)) for lvl in value}


def _check_outside(path: Path, outside: tuple[str, ...], known: dict[str, str]):
    for name in outside:
        if name_key(name) in known:
            raise RegistryError(
                f"{path}: outside: {name!r} is also a name in this city's "
                "gazetteer; list it under ambiguous instead"
            )


def rules_from_mapping(
    data: Mapping[str, Any], gazetteer: Gazetteer, path: Path
) -> TaggerRules:
    """Validate parsed YAML against the gazetteer; errors name the file and key."""
    if not isinstance(data, Mapping):
        raise RegistryError(f"{path}: expected a mapping of rule lists")
    unknown = sorted(set(data) - _ALLOWED)
    if unknown:
        raise RegistryError(
            f"{path}: unknown key(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(_ALLOWED))}"
        )
    known = _known_names(gazetteer)
    lists = {key: _words(path, key, data.get(key)) for key in _LIST_KEYS}
    _check_outside(path, lists["outside"], known)
    return TaggerRules(
        qualifiers=_qualifiers(path, data.get("qualifiers")),
        ambiguous=_gazetteer_names(path, "ambiguous", data.get("ambiguous"), known),
        capitalised=_gazetteer_names(
            path, "capitalised", data.get("capitalised"), known
        ),
        places=_places(path, data.get("places"), gazetteer),
        **lists,
    )


@functools.cache
def _load_cached(
    path: Path, mtime_ns: int, gazetteer: Gazetteer
) -> TaggerRules:  # mtime_ns keys the cache
    try:
        data = load_yaml_text(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    return rules_from_mapping(data or {}, gazetteer, path)


def load_rules(path: Path, gazetteer: Gazetteer) -> TaggerRules:
    """Load the rules file; cached until the file changes."""
    path = Path(path)
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError as exc:
        raise RegistryError(f"{path}: file not found") from exc
    return _load_cached(path, mtime, gazetteer)
