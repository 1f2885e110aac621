"""The gazetteer and the tagger's rules compiled into patterns, once.

One regular expression finds every name (see ``pattern``); small ones read
the words around it (qualifiers before, places outside the city after).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from pelita.core.registries import Gazetteer, Kecamatan, Kelurahan

from .keys import name_key
from .pattern import compile_names, word_alternation
from .rules import TaggerRules

LEVELS = ("kecamatan", "kelurahan", "any")
SEPARATORS = re.compile(r"[ \-]+")


class Target(NamedTuple):
    """What one spelling may refer to."""

    kind: str  # kecamatan | kelurahan | place | block
    kecamatan: Kecamatan | None
    kelurahan: Kelurahan | None


@dataclass(frozen=True)
class Tagger:
    """The gazetteer and rules compiled for matching (build once, reuse)."""

    gazetteer: Gazetteer
    rules: TaggerRules
    names: re.Pattern[str]
    targets: dict[str, tuple[Target, ...]] = field(repr=False)
    forms: dict[str, frozenset[str]] = field(repr=False)
    qualifier: re.Pattern[str] = field(repr=False)
    outside: re.Pattern[str] = field(repr=False)
    pair_gap: re.Pattern[str] = field(repr=False)

    def __hash__(self) -> int:
        return id(self)


def _targets(gazetteer: Gazetteer, rules: TaggerRules) -> dict[str, list[Target]]:
    kec_by_name = {k.nama: k for k in gazetteer.kecamatan}
    found: dict[str, list[Target]] = {}

    def add(name: str, target: Target) -> None:
        entries = found.setdefault(name_key(name), [])
        if target not in entries:
            entries.append(target)

    for phrase in rules.not_places:
        add(phrase, Target("block", None, None))
    for kec in gazetteer.kecamatan:
        for name in (kec.nama, *kec.aliases):
            add(name, Target("kecamatan", kec, None))
    for kel in gazetteer.kelurahan:
        for name in (kel.nama, *kel.aliases):
            add(name, Target("kelurahan", kec_by_name[kel.kecamatan], kel))
    for place in rules.places:
        add(place.name, Target("place", place.kecamatan, None))
    return found


def _forms(gazetteer: Gazetteer, rules: TaggerRules) -> dict[str, frozenset[str]]:
    """Capitalised spellings (spaces removed) of names that need capitals."""
    forms: dict[str, set[str]] = {}
    for area in (*gazetteer.kecamatan, *gazetteer.kelurahan):
        for name in (area.nama, *area.aliases):
            key = name_key(name)
            if key in rules.ambiguous or key in rules.capitalised:
                forms.setdefault(key, set()).add(SEPARATORS.sub("", name))
    return {key: frozenset(v) for key, v in forms.items()}


def _qualifier_pattern(rules: TaggerRules) -> re.Pattern[str]:
    groups = {
        **{lvl: rules.qualifiers.get(lvl, ()) for lvl in LEVELS},
        "street": rules.streets,
        "not": rules.not_after,
    }
    alternatives = "|".join(
        f"(?P<{name}>{word_alternation(words)})" for name, words in groups.items()
    )
    return re.compile(rf"(?<![^\W_])(?:{alternatives})\.?[ \-]*$", re.IGNORECASE)


def _outside_pattern(rules: TaggerRules) -> re.Pattern[str]:
    kec_words = word_alternation(rules.qualifiers.get("kecamatan", ()))
    return re.compile(
        rf"[ ,(\-]*(?:(?:kabupaten|kab\.?)\s+(?-i:[A-Z])"
        rf"|kota\s+(?!(?:{word_alternation(rules.city)})(?![^\W_]))(?-i:[A-Z])"
        rf"|(?:(?P<q>{kec_words})\.?\s+)?(?P<name>{word_alternation(rules.outside)})"
        rf"(?![^\W_]))",
        re.IGNORECASE,
    )


def build_tagger(gazetteer: Gazetteer, rules: TaggerRules) -> Tagger:
    """Compile the names, qualifiers and outside places into patterns."""
    targets = {k: tuple(v) for k, v in _targets(gazetteer, rules).items()}
    kec_words = word_alternation(rules.qualifiers.get("kecamatan", ()))
    return Tagger(
        gazetteer=gazetteer,
        rules=rules,
        names=compile_names(targets),
        targets=targets,
        forms=_forms(gazetteer, rules),
        qualifier=_qualifier_pattern(rules),
        outside=_outside_pattern(rules),
        pair_gap=re.compile(rf"[ ,(\-]*(?:(?:{kec_words})\.?[ ]*)?", re.IGNORECASE),
    )
