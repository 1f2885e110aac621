"""Hashtags from names and topics: letters and digits only, no duplicates.

"kampung hijau" becomes ``#KampungHijau`` and "DLH Kota Semarang"
``#DLHKotaSemarang``: words joined with their first letter raised, every
other character dropped, because a hashtag ends at the first space or
punctuation mark on Instagram, X and Facebook alike.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Longer tags are unreadable and rarely searched; they are left out.
MAX_LENGTH = 40
_APOSTROPHES = re.compile("['\u2019`]")
_SEPARATORS = re.compile(r"[^\w]+|_")


@lru_cache(maxsize=4096)
def hashtag(text: str) -> str:
    """The hashtag for ``text`` without "#", or "" when it has no letter."""
    normal = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", str(text)))
    parts = []
    for word in _SEPARATORS.split(normal):
        kept = "".join(ch for ch in word if ch.isalpha() or ch in string.digits)
        if kept:
            parts.append(kept[0].upper() + kept[1:])
    tag = "".join(parts)
    if not any(ch.isalpha() for ch in tag) or len(tag) > MAX_LENGTH:
        return ""
    return tag


def hashtags(candidates: Iterable[str], limit: int) -> tuple[str, ...]:
    """``#Tags`` for the candidates in order: none empty, none twice, ``limit`` at most.

    Duplicates are found regardless of case (``#UMKM`` and ``#Umkm`` are one
    tag on every network); the first spelling wins.
    """
    seen: set[str] = set()
    found: list[str] = []
    for candidate in candidates:
        tag = hashtag(candidate)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            found.append(f"#{tag}")
        if len(found) >= limit:
            break
    return tuple(found)
