"""Find the kecamatan and kelurahan a text speaks of: the pure core.

``build_tagger`` (in ``compiled``) compiles the gazetteer and the rules
once; ``match_wilayah`` scans a text with one regular expression and then
judges each name by its neighbours:

- a word before it sets its level ("Kecamatan Tugu", "Kel. Candi"), makes it
  a street ("Jalan Kedungmundu": kecamatan only) or something else entirely
  ("Desa Kembangarum", "Pemkot Semarang Tengah siapkan ...");
- a place outside the city after it ("Kranggan, Ambarawa") drops it;
- names that are also ordinary words, and the two Purwosari and two
  Mangunharjo, count only when the text also names their kecamatan, or
  when they come right before it ("Mangunharjo, Tugu");
- a bare name shared by a kecamatan and its kelurahan ("Tembalang") is the
  kecamatan; "Kelurahan Tembalang" is the kelurahan.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import NamedTuple

from pelita.core.registries import Kecamatan, Kelurahan

from .compiled import LEVELS, SEPARATORS, Tagger, Target, build_tagger
from .keys import name_key
from .pattern import pieces_ok
from .text import prepare

__all__ = ["Match", "Tagger", "build_tagger", "match_prepared", "match_wilayah"]

_LIST_GAP = re.compile(r"\s*[,/&]\s*|\s+(?:dan|serta|atau)\s+|\s*,\s*(?:dan|serta)\s+")


class Option(NamedTuple):
    """One reading of a mention: a kecamatan and perhaps one of its kelurahan."""

    kecamatan: Kecamatan
    kelurahan: Kelurahan | None


@dataclass(frozen=True)
class Match:
    """A mention the tagger accepted; offsets are in ``prepare(text)``."""

    kecamatan: Kecamatan
    kelurahan: Kelurahan | None
    start: int
    end: int
    text: str
    via: str  # kecamatan | kelurahan | place | street


@dataclass
class _Candidate:
    start: int
    end: int
    surface: str
    options: tuple[Option, ...]
    via: str
    strong: bool
    level: str | None


def _level_before(text: str, start: int, tagger: Tagger) -> str | None:
    found = tagger.qualifier.search(text, max(0, start - 40), start)
    if not found:
        return None
    return next(name for name, value in found.groupdict().items() if value)


def _is_outside(text: str, end: int, tagger: Tagger) -> bool:
    found = tagger.outside.match(text, end)
    if not found:
        return False
    if found.group("name") and not found.group("q"):
        return found.group("name")[0].isupper()  # "Ngijo, jambu ..." is fruit
    return True


def _capitalised(surface: str, forms: frozenset[str]) -> bool:
    squeezed = SEPARATORS.sub("", surface)
    return squeezed.isupper() or squeezed in forms


def _options(targets: tuple[Target, ...], level: str | None) -> tuple[Option, ...]:
    kinds = ("kecamatan", "kelurahan", "place")
    by_kind = {kind: [t for t in targets if t.kind == kind] for kind in kinds}
    if level == "kecamatan":
        chosen = by_kind["kecamatan"] or by_kind["place"]
    elif level == "kelurahan":
        chosen = by_kind["kelurahan"] or by_kind["place"]
    else:  # a bare name shared by a kecamatan and its kelurahan is the kecamatan
        chosen = by_kind["kecamatan"] or by_kind["kelurahan"] or by_kind["place"]
    keep_kelurahan = level != "street"
    return tuple(
        Option(t.kecamatan, t.kelurahan if keep_kelurahan else None) for t in chosen
    )


def _via(level: str | None, option: Option, kind: str) -> str:
    if level == "street":
        return "street"
    if option.kelurahan is not None:
        return "kelurahan"
    return "place" if kind == "place" else "kecamatan"


def _judge(
    found: re.Match[str], level: str | None, text: str, tagger: Tagger
) -> _Candidate | None:
    surface = found.group()
    key = name_key(surface)
    if level == "not" or _is_outside(text, found.end(), tagger):
        return None
    options = _options(tagger.targets[key], level)
    if not options:
        return None  # wrong level: "Kecamatan Sukorejo" is in Kendal
    rules = tagger.rules
    loose = level in (None, "street", "any")
    if loose and key in tagger.forms and not _capitalised(surface, tagger.forms[key]):
        return None
    single = len({o.kecamatan for o in options}) == 1
    needs_context = level in (None, "street") and key in rules.ambiguous
    via = _via(level, options[0], tagger.targets[key][0].kind)
    strong = single and not needs_context
    return _Candidate(found.start(), found.end(), surface, options, via, strong, level)


def _in_list(
    previous: _Candidate | None, found: re.Match[str], text: str, tagger: Tagger
) -> bool:
    """Whether a name continues a list after a qualified one ("Mijen dan Tugu").

    A kecamatan right after one of its own kelurahan is an address instead:
    "Kelurahan Kandri, Gunungpati".
    """
    if not (
        previous
        and previous.level in LEVELS
        and _LIST_GAP.fullmatch(text, previous.end, found.start())
    ):
        return False
    homes = {o.kecamatan for o in previous.options if o.kelurahan is not None}
    targets = tagger.targets[name_key(found.group())]
    return not any(t.kind == "kecamatan" and t.kecamatan in homes for t in targets)


def _candidates(text: str, tagger: Tagger) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    for found in tagger.names.finditer(text):
        targets = tagger.targets.get(name_key(found.group()), ())
        if not targets or targets[0].kind == "block" or not pieces_ok(found.group()):
            continue
        level = _level_before(text, found.start(), tagger)
        previous = candidates[-1] if candidates else None
        candidate = None
        if level is None and _in_list(previous, found, text, tagger):
            # "Kecamatan Mijen dan Tugu"; but "Kelurahan Purwosari, Mijen" is
            # an address, so fall back to no level when the list reading fails.
            candidate = _judge(found, previous.level, text, tagger)
        candidate = candidate or _judge(found, level, text, tagger)
        if candidate:
            candidates.append(candidate)
    return candidates


def _accept_pairs(
    cands: list[_Candidate], accepted: dict[int, Option], text: str, tagger: Tagger
) -> None:
    """Settle an address pair: a kelurahan right before its kecamatan.

    "Mangunharjo, Tugu" names both even though each alone is ambiguous.
    """
    for i, (first, second) in enumerate(itertools.pairwise(cands)):
        if not tagger.pair_gap.fullmatch(text, first.end, second.start):
            continue
        for option in first.options:
            if option.kelurahan is None:
                continue
            same = [o for o in second.options if o.kecamatan == option.kecamatan]
            if same:
                accepted[i] = option
                accepted[i + 1] = same[0]
                break


def _nearest(i: int, options: list[Option], cands, accepted) -> Option:
    """The option whose kecamatan is named closest to mention ``i``."""

    def distance(option: Option) -> int:
        spots = [
            abs(cands[j].start - cands[i].start)
            for j, other in accepted.items()
            if other.kecamatan == option.kecamatan
        ]
        return min(spots, default=1 << 30)

    return min(options, key=distance)


def match_wilayah(
    text: str, tagger: Tagger, context: tuple[Kecamatan, ...] = ()
) -> list[Match]:
    """Every kecamatan/kelurahan mention the text supports, in text order.

    ``context`` names kecamatan known from elsewhere (a post's metadata):
    they settle ambiguous names as the text's own mentions do.
    """
    return match_prepared(prepare(text), tagger, context)


def match_prepared(
    prepared: str, tagger: Tagger, context: tuple[Kecamatan, ...] = ()
) -> list[Match]:
    """``match_wilayah`` for text already passed through ``text.prepare``."""
    cands = _candidates(prepared, tagger)
    accepted = {i: c.options[0] for i, c in enumerate(cands) if c.strong}
    _accept_pairs(cands, accepted, prepared, tagger)
    known = {o.kecamatan for o in accepted.values()} | set(context)
    for i, cand in enumerate(cands):
        if i not in accepted:
            fitting = [o for o in cand.options if o.kecamatan in known]
            if fitting:
                accepted[i] = _nearest(i, fitting, cands, accepted)
    return [
        Match(opt.kecamatan, opt.kelurahan, c.start, c.end, c.surface, c.via)
        for c, opt in ((cands[i], accepted[i]) for i in sorted(accepted))
    ]
