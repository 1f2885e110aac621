"""Load ``data/prestasi-rules.yml``: validate it and compile it once per build.

The file is edited by people who are not programmers, so every mistake is
reported with the file, the line, the value and the closest valid choice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pelita.core.registries import closest, load_yaml_text

from .engine import Entry, Phrase, PhraseIndex, Spec, build_index
from .model import LEVELS
from .phrases import RulesError, compile_phrase, compile_words

_TOP_KEYS = (
    "version", "threshold", "title_weight", "anchors", "cancel", "sets", "cues",
    "pairs", "awards", "levels", "givers", "giver_heads", "extraction", "recipient",
)  # fmt: skip
_SCOPES = ("both", "title", "lead")


@dataclass(frozen=True)
class Pair:
    """A cue of group ``left`` followed within ``window`` words by ``right``."""

    left: frozenset[str]
    right: frozenset[str]
    window: int
    weight: int


@dataclass(frozen=True)
class Rules:
    """The compiled rules; build once with :func:`load_rules`, share freely."""

    path: str
    threshold: int
    title_weight: int
    anchors: frozenset[str]
    index: PhraseIndex = field(repr=False)  # cues and known awards: scored
    info_index: PhraseIndex = field(repr=False)  # levels and givers: extracted
    patterns: tuple[tuple[re.Pattern[str], Entry], ...] = field(repr=False)
    cancel: Spec = field(repr=False)
    cancel_stop: Spec = field(repr=False)
    cancel_window: int = 3
    pairs: tuple[Pair, ...] = ()
    giver_heads: dict[str, str | None] = field(default_factory=dict, repr=False)
    giver_pattern: re.Pattern[str] | None = field(default=None, repr=False)
    award_nouns: tuple[str, ...] = ()
    event_nouns: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    name_stops: frozenset[str] = frozenset()
    institution_words: frozenset[str] = frozenset()
    passive_verbs: frozenset[str] = frozenset()
    lead_in_words: frozenset[str] = frozenset()


class _Source:
    """The file's text, to point errors at the line a value is on."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def where(self, key: str, value: Any = None) -> str:
        needle = str(value) if value is not None else key
        for number, line in enumerate(self.lines, start=1):
            if needle in line:
                return f"{self.path}:{number}: {key}"
        return f"{self.path}: {key}"


def _require(mapping: Any, key: str, kind: type, src: _Source) -> Any:
    value = mapping.get(key) if isinstance(mapping, Mapping) else None
    if not isinstance(value, kind):
        raise RulesError(f"{src.where(key)}: expected {kind.__name__}, got {value!r}")
    return value


def _check_level(level: Any, src: _Source, key: str) -> str | None:
    if level is None or level in LEVELS:
        return level
    hint = closest(str(level), LEVELS)
    raise RulesError(
        f"{src.where(key, level)}: level {level!r} must be one of "
        f"{', '.join(LEVELS)}" + (f"; did you mean {hint[0]!r}?" if hint else "")
    )


def _cue_entries(data: dict, sets: dict, src: _Source) -> tuple[list, list]:
    phrases: list[Phrase] = []
    patterns: list[tuple[re.Pattern[str], Entry]] = []
    for number, cue in enumerate(_require(data, "cues", list, src)):
        group = _require(cue, "group", str, src)
        weight = _require(cue, "weight", int, src)
        scope = cue.get("scope", "both")
        if scope not in _SCOPES:
            raise RulesError(
                f"{src.where(f'cues[{number}].scope', scope)}: {scope!r} must be "
                f"one of {', '.join(_SCOPES)}"
            )
        entry = Entry(
            "cue", group, weight, bool(cue.get("cancellable", weight > 0)), scope
        )
        for text in cue.get("phrases") or ():
            where = src.where(f"cues[{group}]", text)
            phrases.append(Phrase(compile_phrase(text, sets, where), entry, text))
        for text in cue.get("patterns") or ():
            try:
                patterns.append((re.compile(text, re.IGNORECASE), entry))
            except re.error as exc:
                raise RulesError(
                    f"{src.where(f'cues[{group}]', text)}: pattern {text!r} is not "
                    f"a valid regular expression ({exc})"
                ) from exc
    return phrases, patterns


def _award_entries(data: dict, sets: dict, src: _Source) -> list[Phrase]:
    phrases: list[Phrase] = []
    awards = data.get("awards") or {}
    weight = int(awards.get("weight", 2))
    for item in awards.get("list") or ():
        name = _require(item, "name", str, src)
        level = _check_level(item.get("level"), src, f"awards[{name}].level")
        entry = Entry("award", name, weight, True, "both", level)
        for text in _require(item, "phrases", list, src):
            where = src.where(f"awards[{name}]", text)
            phrases.append(Phrase(compile_phrase(text, sets, where), entry, text))
    return phrases


def _giver_entries(data: dict, sets: dict, src: _Source) -> list[Phrase]:
    phrases: list[Phrase] = []
    for item in data.get("givers") or ():
        name = _require(item, "name", str, src)
        level = _check_level(item.get("level"), src, f"givers[{name}].level")
        anchored = bool(item.get("anchored_only", False))
        entry = Entry("giver", name, 0, False, "both", level, anchored=anchored)
        for text in _require(item, "phrases", list, src):
            where = src.where(f"givers[{name}]", text)
            phrases.append(Phrase(compile_phrase(text, sets, where), entry, text))
    return phrases


def _level_entries(data: dict, sets: dict, src: _Source) -> list[Phrase]:
    phrases: list[Phrase] = []
    for level, kinds in (data.get("levels") or {}).items():
        _check_level(level, src, "levels")
        for strength in ("explicit", "context", "hints"):
            entry = Entry("level", level, 0, False, "both", level, strength)
            for text in (kinds or {}).get(strength) or ():
                where = src.where(f"levels[{level}].{strength}", text)
                phrases.append(Phrase(compile_phrase(text, sets, where), entry, text))
    return phrases


def _pairs(data: dict, groups: set[str], src: _Source) -> tuple[Pair, ...]:
    pairs = []
    for item in data.get("pairs") or ():
        for side in ("left", "right"):
            for group in _require(item, side, list, src):
                if group not in groups:
                    hint = closest(group, groups)
                    raise RulesError(
                        f"{src.where(f'pairs.{side}', group)}: unknown group "
                        f"{group!r}" + (f"; did you mean {hint[0]!r}?" if hint else "")
                    )
        pairs.append(
            Pair(
                frozenset(item["left"]),
                frozenset(item["right"]),
                int(item.get("window", 3)),
                _require(item, "weight", int, src),
            )
        )
    return tuple(pairs)


def _anchors(data: dict, groups: set[str], src: _Source) -> frozenset[str]:
    """Groups of which a post needs one cue; all positive groups by default."""
    anchors = data.get("anchors")
    if anchors is None:
        return frozenset(groups | {"pasangan"})
    for group in anchors:
        if group not in groups | {"pasangan"}:
            hint = closest(str(group), groups)
            raise RulesError(
                f"{src.where('anchors', group)}: unknown group {group!r}"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
            )
    return frozenset(anchors)


def _giver_pattern(heads: Mapping[str, Any], stops: frozenset[str]) -> re.Pattern:
    """``dari|oleh <Head> <Capitalised words>``: a giver the list does not know."""
    head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    stop = "|".join(re.escape(s) for s in sorted(stops)) or "(?!)"
    word = rf"(?!(?i:{stop})\b)(?:[A-Z][\w.&/'-]*|RI|dan|&)"
    return re.compile(
        rf"\b(?:dari|oleh)\s+(?:langsung\s+)?(?:oleh\s+)?((?:{head})\b(?:\s+{word})*)"
    )


def _words(data: Mapping, key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in (data.get(key) or ()))


def _read_yaml(text: str, path: Path, src: _Source) -> dict[str, Any]:
    try:
        data = load_yaml_text(text) or {}
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RulesError(f"{path}: expected a mapping of settings at the top")
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        raise RulesError(
            f"{src.where(unknown[0])}: unknown key {unknown[0]!r}; allowed: "
            f"{', '.join(_TOP_KEYS)}"
        )
    return data


def _folded(section: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _words(section, key))


def _extraction(data: dict[str, Any], src: _Source) -> dict[str, Any]:
    """The Rules fields for extracting names, givers and recipients."""
    extraction = data.get("extraction") or {}
    recipient = data.get("recipient") or {}
    heads = dict(data.get("giver_heads") or {})
    for head, level in heads.items():
        _check_level(level, src, f"giver_heads[{head}]")
    stops = _folded(extraction, "name_stops")
    return {
        "giver_heads": heads,
        "giver_pattern": _giver_pattern(heads, stops) if heads else None,
        "award_nouns": _words(extraction, "award_nouns"),
        "event_nouns": _words(extraction, "event_nouns"),
        "qualifiers": _words(extraction, "qualifiers"),
        "name_stops": stops,
        "institution_words": _folded(recipient, "institution_words"),
        "passive_verbs": _folded(recipient, "passive"),
        "lead_in_words": _folded(recipient, "lead_in"),
    }


def place_sets(gazetteer: Any) -> dict[str, list[str]]:
    """The sets ``nama_kecamatan`` and ``nama_kelurahan`` for the rules.

    Each holds the first word of every name and alias of the gazetteer
    (lower case): "Kecamatan @nama_kecamatan" then matches "Kecamatan
    Semarang Tengah" but not "Lomba Kecamatan Sadar Pajak". The names come
    from the registry, so the rules file never repeats them.
    """

    def first_words(places: Any) -> list[str]:
        words = set()
        for place in places:
            for name in (place.nama, *getattr(place, "aliases", ())):
                parts = re.findall(r"[^\W_]+", str(name).casefold())
                if parts:
                    words.add(parts[0])
        return sorted(words)

    return {
        "nama_kecamatan": first_words(gazetteer.kecamatan),
        "nama_kelurahan": first_words(gazetteer.kelurahan),
    }


def parse_rules(
    text: str, path: Path, places: dict[str, list[str]] | None = None
) -> Rules:
    """Validate and compile the rules in ``text`` (read from ``path``).

    ``places`` (see ``place_sets``) adds the registry's place names as sets
    the phrases may use; a set of the same name in the file wins.
    """
    src = _Source(path, text)
    data = _read_yaml(text, path, src)
    sets = {name: list(words) for name, words in (places or {}).items()}
    sets.update(
        {str(k): [str(w) for w in v or ()] for k, v in (data.get("sets") or {}).items()}
    )
    cue_phrases, patterns = _cue_entries(data, sets, src)
    phrases = cue_phrases + _award_entries(data, sets, src)
    info = _giver_entries(data, sets, src) + _level_entries(data, sets, src)
    groups = {p.entry.group for p in cue_phrases} | {"award"}
    cancel = data.get("cancel") or {}
    return Rules(
        path=str(path),
        threshold=_require(data, "threshold", int, src),
        title_weight=int(data.get("title_weight", 2)),
        anchors=_anchors(data, groups, src),
        index=build_index(phrases),
        info_index=build_index(info),
        patterns=tuple(patterns),
        cancel=compile_words(_words(cancel, "words"), sets, src.where("cancel")),
        cancel_stop=compile_words(_words(cancel, "stop"), sets, src.where("cancel")),
        cancel_window=int(cancel.get("window", 3)),
        pairs=_pairs(data, groups, src),
        **_extraction(data, src),
    )


def load_rules(path: str | Path, places: dict[str, list[str]] | None = None) -> Rules:
    """Read, validate and compile the rules file at ``path``.

    ``places``: the registry's place sets, see ``parse_rules``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RulesError(
            f"{path}: rules file not found; set PRESTASI['rules_file'] or copy "
            "data/prestasi-rules.yml"
        ) from exc
    return parse_rules(text, path, places)
