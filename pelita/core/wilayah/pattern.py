"""One compiled regular expression for all names, built as a character trie.

A post is scanned once, whatever the number of names: the alternation is a
trie (``ka(?:li(?:gawe|cari)|...)``), so the regex engine never retries 200
names at each position. Names are matched whole-word and without regard to
inner spaces or hyphens ("Kedung Mundu" = "Kedungmundu", "Tanjung-Mas" =
"Tanjungmas"); a space may fall only after the third letter, and each piece
must have at least three letters, so "se karan" never becomes "Sekaran".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A gap between the pieces of a name: spaces or hyphens, never punctuation or
# a paragraph mark, so "Semarang. Tengah" and "Semarang, Jawa Tengah" stay
# apart.
SEPARATOR = r"[ \-]+"
MIN_PIECE = 3
_PIECE_SPLIT = re.compile(SEPARATOR)


def _trie(keys: Iterable[str]) -> dict:
    root: dict = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _emit(node: dict, depth: int) -> str:
    branches = []
    for char in sorted(c for c in node if c):
        gap = f"(?:{SEPARATOR})?" if depth >= MIN_PIECE else ""
        branches.append(gap + re.escape(char) + _emit(node[char], depth + 1))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a name may end here; longer names are tried first
        return f"(?:{body})?"
    return body


def compile_names(keys: Iterable[str]) -> re.Pattern[str]:
    """Compile name keys (``name_key`` form) into one whole-word pattern."""
    keys = sorted({k for k in keys if k})
    if not keys:
        return re.compile(r"(?!)")
    trie = _emit(_trie(keys), 0)
    return re.compile(rf"(?<![^\W_])(?:{trie})(?![^\W_])", re.IGNORECASE)


def pieces_ok(surface: str) -> bool:
    """Whether every space-separated piece of a match has enough letters."""
    return all(len(piece) >= MIN_PIECE for piece in _PIECE_SPLIT.split(surface))


def word_alternation(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first: "jl raya" matches "Jl.  Raya"."""
    parts = sorted({w.strip().casefold() for w in words if w.strip()}, key=len)
    escaped = [r"\.?\s+".join(map(re.escape, p.split())) for p in reversed(parts)]
    return "|".join(escaped) or "(?!)"
