"""Token-level phrase matching: every rule of the register read in one pass.

Rules are phrases such as ``juara @peringkat`` or ``raih|meraih ~2 emas``.
They are compiled once into an index by first word, so a text is tokenized
once and each token looks up only the few phrases that can start with it:
the cost grows with the text, not with rules x posts. Matching is
leftmost-longest and non-overlapping, so "gagal meraih" (a negative phrase)
consumes "meraih" before the positive cue can count it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Words (letters and digits, any script) and the punctuation that ends a
# clause (dashes included); a phrase, a gap or a cancelling word never reaches
# across the latter.
_TOKEN = re.compile(r"[^\W_]+|[.!?;:,()\[\]|\u2013\u2014]")


@dataclass(frozen=True)
class Token:
    """A lower-cased word (or a clause boundary) and where it is in the text."""

    text: str
    start: int
    end: int
    boundary: bool = False


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into lower-cased words and clause boundaries."""
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        is_word = word[0].isalnum()
        tokens.append(Token(word.casefold(), match.start(), match.end(), not is_word))
    return tokens


@dataclass(frozen=True)
class Spec:
    """What one position of a phrase accepts, or a gap of up to ``gap`` words."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    number: bool = False
    gap: int = 0

    def accepts(self, word: str) -> bool:
        """True when ``word`` (lower case) fits this position."""
        return (
            word in self.words
            or (self.number and word.isdigit())
            or any(word.startswith(p) for p in self.prefixes)
        )


@dataclass(frozen=True)
class Entry:
    """What a matched phrase means: a scoring cue, a level, a giver, an award."""

    kind: str  # "cue", "level", "giver" or "award"
    group: str  # cue group, level name, or the giver's/award's display name
    weight: int = 0
    cancellable: bool = False
    scope: str = "both"  # "both", "title" or "lead"
    level: str | None = None
    strength: str = ""  # for levels: "explicit" or "hints"
    anchored: bool = False  # for givers: only after "dari", "oleh", ...


@dataclass(frozen=True)
class Phrase:
    """A compiled phrase: its positions, its meaning and its source text."""

    specs: tuple[Spec, ...]
    entry: Entry
    source: str


@dataclass(frozen=True)
class Match:
    """A phrase found at tokens ``[start, end)``."""

    phrase: Phrase
    start: int
    end: int

    @property
    def entry(self) -> Entry:
        """The matched phrase's meaning."""
        return self.phrase.entry


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases indexed by the words and prefixes they can start with."""

    by_word: dict[str, tuple[Phrase, ...]] = field(repr=False)
    by_prefix: dict[str, tuple[Phrase, ...]] = field(repr=False)
    prefix_lengths: tuple[int, ...] = ()
    numeric: tuple[Phrase, ...] = ()

    def candidates(self, word: str) -> Iterable[Phrase]:
        """Phrases whose first position accepts ``word``."""
        yield from self.by_word.get(word, ())
        for length in self.prefix_lengths:
            if len(word) >= length:
                yield from self.by_prefix.get(word[:length], ())
        if word.isdigit():
            yield from self.numeric


def build_index(phrases: Sequence[Phrase]) -> PhraseIndex:
    """Index ``phrases`` by their first position (file order kept for ties)."""
    by_word: dict[str, list[Phrase]] = {}
    by_prefix: dict[str, list[Phrase]] = {}
    numeric: list[Phrase] = []
    for phrase in phrases:
        first = phrase.specs[0]
        for word in sorted(first.words):
            by_word.setdefault(word, []).append(phrase)
        for prefix in first.prefixes:
            by_prefix.setdefault(prefix, []).append(phrase)
        if first.number:
            numeric.append(phrase)
    return PhraseIndex(
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_prefix.items()},
        tuple(sorted({len(p) for p in by_prefix})),
        tuple(numeric),
    )


def _match_from(specs: Sequence[Spec], tokens: Sequence[Token], i: int) -> int:
    """End of ``specs`` matched at token ``i``, or -1; gaps take the fewest words."""
    if not specs:
        return i
    spec, rest = specs[0], specs[1:]
    if spec.gap:
        for skip in range(spec.gap + 1):
            if skip and (i + skip > len(tokens) or tokens[i + skip - 1].boundary):
                break
            end = _match_from(rest, tokens, i + skip)
            if end >= 0:
                return end
        return -1
    if i < len(tokens) and not tokens[i].boundary and spec.accepts(tokens[i].text):
        return _match_from(rest, tokens, i + 1)
    return -1


def scan(tokens: Sequence[Token], index: PhraseIndex) -> list[Match]:
    """Find phrases left to right, longest first, without overlaps."""
    matches: list[Match] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        best: Match | None = None
        if not token.boundary:
            for phrase in index.candidates(token.text):
                end = _match_from(phrase.specs[1:], tokens, i + 1)
                if end > i and (best is None or end > best.end):
                    best = Match(phrase, i, end)
        if best is None:
            i += 1
        else:
            matches.append(best)
            i = best.end
    return matches
