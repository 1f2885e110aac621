"""Pull an award's name, level, giver and recipient out of a title and lead.

Used for achievements whose admin left those fields out: what the text
says is better than nothing, and the metadata always wins. The lead is read
before the title because its capital letters mean something; headlines are
often Title Case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .engine import Match, Token, scan
from .model import LEVELS
from .rules import Rules
from .scoring import Reading, Score

_ANCHORS = frozenset(
    {"dari", "oleh", "diserahkan", "diberikan", "dianugerahkan", "langsung"}
)
_WINNING = frozenset(
    {"menang", "menang-kuat", "penetapan", "terima", "peringkat", "benda"}
)
_TITLED_AS = re.compile(
    r"\b(?:dinobatkan|ditetapkan|dinyatakan|terpilih)\s+(?:sebagai|menjadi)\s+"
    r"((?:\w+\s+){1,5}?terbaik(?:\s+(?:ke-?\d|I{1,3}|pertama|kedua|ketiga|\d))?)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”']([^\"“”']{3,120})[\"“”']")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Extracted:
    """What the text says about the award; None where it says nothing."""

    name: str | None = None
    giver: str | None = None
    level: str | None = None
    recipient: str | None = None
    year: int | None = None


def _info(reading: Reading, rules: Rules) -> list[Match]:
    return scan(reading.tokens, rules.info_index)


def _span(reading: Reading, start: int, end: int) -> str:
    return reading.text[reading.tokens[start].start : reading.tokens[end - 1].end]


def _anchored(tokens: tuple[Token, ...], start: int) -> bool:
    return any(t.text in _ANCHORS for t in tokens[max(0, start - 2) : start])


def _giver(
    readings: tuple[Reading, Reading], infos: tuple[list[Match], list[Match]],
    rules: Rules,
) -> tuple[str, str | None] | None:  # fmt: skip
    for reading, info in zip(readings, infos, strict=True):
        for match in info:
            if match.entry.kind == "giver" and _anchored(reading.tokens, match.start):
                return match.entry.group, match.entry.level
    for reading in readings:
        found = (
            rules.giver_pattern.search(reading.text) if rules.giver_pattern else None
        )
        if found:
            name = found.group(1).strip(" ,.&")
            head = next((h for h in rules.giver_heads if name.startswith(h)), None)
            return name, rules.giver_heads.get(head) if head else None
    for info in infos:
        for match in info:
            if match.entry.kind == "giver" and not match.entry.anchored:
                return match.entry.group, match.entry.level
    return None


def _level(
    infos: tuple[list[Match], list[Match]], giver_level: str | None,
    award_level: str | None,
) -> str | None:  # fmt: skip
    # An explicit level ("tingkat Kecamatan X") first, then a contest named
    # after a place ("Posyandu Teladan Kecamatan Pedurungan"); the title
    # states the level more often than the lead.
    for strength in ("explicit", "context"):
        for info in reversed(infos):
            for match in info:
                if match.entry.kind == "level" and match.entry.strength == strength:
                    return match.entry.level
    if giver_level or award_level:
        return giver_level or award_level
    hinted = {
        m.entry.level for info in infos for m in info
        if m.entry.kind == "level" or (m.entry.kind == "giver" and not m.entry.anchored)
    }  # fmt: skip
    return next((level for level in LEVELS if level in hinted), None)


def _capitalised_run(text: str, rules: Rules, limit: int = 10) -> str:
    """Leading words of ``text`` that read as a proper name (stops at stopwords)."""
    words: list[str] = []
    for word in text.split():
        bare = word.strip(",.;:()\"“”'")
        if not bare or bare.casefold() in rules.name_stops or len(words) >= limit:
            break
        if not (bare[0].isupper() or bare[0].isdigit() or bare in ("&", "-")):
            break
        words.append(bare)
        if bare != word.rstrip("\"“”'"):  # punctuation ends the name
            break
    return " ".join(words).strip(" &-")


def _known_award(reading: Reading, rules: Rules) -> tuple[str, str | None] | None:
    for number, match in enumerate(reading.matches):
        if match.entry.kind != "award" or number in reading.cancelled:
            continue
        name = match.entry.group
        rest = reading.text[reading.tokens[match.end - 1].end :].split()
        if rest and rest[0].casefold() in rules.qualifiers:
            tail = _capitalised_run(" ".join(rest[1:]), rules, 3)
            if tail:
                name = f"{name} {rest[0].casefold()} {tail}"
        return name, match.entry.level
    return None


def _named_after_noun(reading: Reading, rules: Rules) -> str | None:
    text = reading.text
    for noun in rules.award_nouns:
        for found in re.finditer(rf"\b({re.escape(noun)})\s+", text, re.IGNORECASE):
            after = text[found.end() :]
            quoted = _QUOTED.match(after)
            if quoted:
                return quoted.group(1).strip()
            run = _capitalised_run(after, rules)
            if run and not run.isdigit():
                head = found.group(1)
                return f"{head[0].upper()}{head[1:]} {run}"
    return None


def _plain_run(text: str, rules: Rules, limit: int = 5) -> str:
    """Leading words of ``text`` up to a stopword or punctuation (any case)."""
    words: list[str] = []
    for word in text.split()[:limit]:
        bare = word.strip(",.;:()\"“”'")
        if not bare or bare.casefold() in rules.name_stops:
            break
        words.append(bare)
        if bare != word:
            break
    return " ".join(words)


def _titled_as(reading: Reading, rules: Rules) -> str | None:
    """The title an award gives: 'sebagai Puskesmas Terbaik' -> that."""
    found = _TITLED_AS.search(reading.text)
    if not found:
        return None
    name = " ".join(found.group(1).split())
    return name[0].upper() + name[1:]


def _rank_in_event(reading: Reading, rules: Rules) -> str | None:
    if not rules.event_nouns:  # a city's rules without event nouns name no event
        return None
    events = "|".join(re.escape(e) for e in rules.event_nouns)
    pattern = re.compile(
        r"\b(juara\s+(?:umum|ke-?\d|\d|I{1,3}|pertama|kedua|ketiga|harapan\s+\w+)?)"
        rf"\s*(?:(?:dalam|pada|di|ajang)\s+)*\b(({events})\b.*)",
        re.IGNORECASE,
    )
    found = pattern.search(reading.text)
    if not found:
        return None
    event = found.group(3)
    rest = found.group(2)[len(event) :].strip()
    run = _capitalised_run(rest, rules, 8) or _plain_run(rest, rules)
    rank = " ".join(w[0].upper() + w[1:] for w in found.group(1).split())
    return f"{rank} {event[0].upper()}{event[1:]} {run}".strip()


def _name(
    readings: tuple[Reading, Reading], rules: Rules
) -> tuple[str | None, str | None]:
    for reading in readings:
        known = _known_award(reading, rules)
        if known:
            return known
    for finder in (_named_after_noun, _titled_as, _rank_in_event):
        for reading in readings:
            name = finder(reading, rules)
            if name:
                return name, None
    return None, None


def _subject(
    reading: Reading, rules: Rules, is_known: Callable[[str], bool] | None
) -> str | None:
    """The headline's subject: who won, before (or after a passive) verb."""
    tokens = reading.tokens
    for number, match in enumerate(reading.matches):
        if match.entry.group not in _WINNING or number in reading.cancelled:
            continue
        if tokens[match.start].text in rules.passive_verbs:
            end = match.end
            while end < len(tokens) and not tokens[end].boundary:
                end += 1
            start = match.end
        else:
            start = match.start
            while start > 0 and not tokens[start - 1].boundary:
                start -= 1
            end = match.start
        while start < end and tokens[start].text in rules.lead_in_words:
            start += 1
        words = [t.text for t in tokens[start:end]]
        if not 0 < len(words) <= 7:
            return None
        subject = _span(reading, start, end)
        if rules.institution_words.intersection(words) or (
            is_known and is_known(subject)
        ):
            return subject
        return None
    return None


def extract(
    found: Score,
    rules: Rules,
    date_year: int | None = None,
    is_known: Callable[[str], bool] | None = None,
) -> Extracted:
    """Everything the title and lead say about the award.

    ``is_known`` tells whether a headline's subject names something the
    registries know ("Disdik", "Meteseh"), for subjects without an
    institution word.
    """
    readings = (found.lead, found.title)
    infos = (_info(found.lead, rules), _info(found.title, rules))
    giver = _giver(readings, infos, rules)
    name, award_level = _name(readings, rules)
    year_in_name = _YEAR.search(name or "")
    return Extracted(
        name=name,
        giver=giver[0] if giver else None,
        level=_level(infos, giver[1] if giver else None, award_level),
        recipient=_subject(found.title, rules, is_known),
        year=int(year_in_name.group(1)) if year_in_name else date_year,
    )
