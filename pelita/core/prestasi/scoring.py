"""Score a title and lead against the rules: the classifier's evidence.

Kept apart from the decision so tests, benchmarks and ``invoke check`` can
see why a post was (or was not) taken for an achievement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .engine import Match, Token, scan, tokenize
from .rules import Rules


@dataclass(frozen=True)
class Reading:
    """One text (the title or the lead): its tokens and what matched in it."""

    text: str
    tokens: tuple[Token, ...]
    matches: tuple[Match, ...]
    cancelled: frozenset[int]  # indexes into ``matches``


@dataclass(frozen=True)
class Score:
    """The evidence for one post: total, per-cue reasons, and both readings.

    ``anchored`` says whether a cue of an anchor group (something won,
    not just talked about) counted.
    """

    total: int
    reasons: tuple[str, ...]
    title: Reading
    lead: Reading
    anchored: bool = False

    def passes(self, threshold: int) -> bool:
        """True when the post reads as an achievement."""
        return self.anchored and self.total >= threshold


def _cancel_word_at(tokens: Sequence[Token], i: int, rules: Rules) -> bool:
    return rules.cancel.accepts(tokens[i].text)


def _cancelled(
    tokens: Sequence[Token], matches: Sequence[Match], rules: Rules
) -> frozenset[int]:
    """Positive cues preceded by a cancelling word in the same clause."""
    neutral = {i for m in matches if m.entry.weight == 0 for i in range(m.start, m.end)}
    out: set[int] = set()
    previous_end = -10
    for number, match in enumerate(matches):
        if not match.entry.cancellable:
            continue
        if previous_end >= match.start - 1:
            out.add(number)
            previous_end = match.end
            continue
        for i in range(
            match.start - 1, max(-1, match.start - 1 - rules.cancel_window), -1
        ):
            token = tokens[i]
            if token.boundary or rules.cancel_stop.accepts(token.text):
                break
            if i not in neutral and _cancel_word_at(tokens, i, rules):
                out.add(number)
                previous_end = match.end
                break
    return frozenset(out)


def read(text: str, rules: Rules) -> Reading:
    """Tokenize and match one text, and work out which cues are cancelled."""
    tokens = tuple(tokenize(text))
    matches = tuple(scan(tokens, rules.index))
    return Reading(text, tokens, matches, _cancelled(tokens, matches, rules))


def _words(reading: Reading, start: int, end: int) -> str:
    return reading.text[reading.tokens[start].start : reading.tokens[end - 1].end]


def _pair_bonus(reading: Reading, rules: Rules) -> list[tuple[int, str, str]]:
    found = []
    live = [
        m for n, m in enumerate(reading.matches)
        if n not in reading.cancelled and m.entry.kind in ("cue", "award")
    ]  # fmt: skip
    for pair in rules.pairs:
        for n, left in enumerate(live):
            if left.entry.group not in pair.left:
                continue
            for right in live[n + 1 :]:
                if right.start - left.end > pair.window:
                    break
                group = "award" if right.entry.kind == "award" else right.entry.group
                if group in pair.right:
                    words = _words(reading, left.start, right.end)
                    found.append((pair.weight, f"pasangan:{words}", "pasangan"))
                    break
    return found


def _cue_points(
    reading: Reading, scope: str, rules: Rules
) -> list[tuple[int, str, str]]:
    points = []
    for number, match in enumerate(reading.matches):
        entry = match.entry
        if entry.kind not in ("cue", "award") or not entry.weight:
            continue
        if entry.scope not in ("both", scope) or number in reading.cancelled:
            continue
        words = _words(reading, match.start, match.end)
        group = "award" if entry.kind == "award" else entry.group
        points.append((entry.weight, f"{entry.group}:{words}", group))
    for pattern, entry in rules.patterns:
        if entry.scope in ("both", scope) and pattern.search(reading.text):
            why = f"{entry.group}:{pattern.pattern}"
            points.append((entry.weight, why, entry.group))
    return points + _pair_bonus(reading, rules)


def score(title: str, lead: str, rules: Rules) -> Score:
    """Score a post: cues in the title count ``rules.title_weight`` times."""
    title_reading, lead_reading = read(title, rules), read(lead, rules)
    total = 0
    anchored = False
    reasons = []
    for reading, scope, factor in (
        (title_reading, "title", rules.title_weight),
        (lead_reading, "lead", 1),
    ):
        for weight, why, group in _cue_points(reading, scope, rules):
            total += weight * factor
            anchored = anchored or (weight > 0 and group in rules.anchors)
            reasons.append(f"{scope} {why} ({weight * factor:+d})")
    return Score(total, tuple(reasons), title_reading, lead_reading, anchored)
