"""The phrase language of ``data/prestasi-rules.yml``, compiled to specs.

A phrase is words separated by spaces. At each position: ``a|b`` accepts
either word, ``kemen*`` any word starting with "kemen", ``#`` any number,
``@name`` any word of the set ``name`` (``sets:`` in the file), and ``~2``
skips up to two words (never across a comma or full stop). Hyphens split
words, so ``se-Jateng`` is read as ``se jateng``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pelita.core.registries import closest

from .engine import Spec
from .model import PrestasiError

_GAP = re.compile(r"^~(\d)$")
_WORD = re.compile(r"^[^\W_]+$")


class RulesError(PrestasiError):
    """The rules file cannot be used; the message names file, line and fix."""


def _word_spec(
    alternatives: Sequence[str], sets: Mapping[str, Sequence[str]], where: str
) -> Spec:
    words: set[str] = set()
    prefixes: list[str] = []
    number = False
    for alt in alternatives:
        if alt.startswith("@"):
            name = alt[1:]
            if name not in sets:
                hint = closest(name, sets)
                raise RulesError(
                    f"{where}: unknown set {alt!r}; known sets: "
                    f"{', '.join(sorted(sets)) or 'none'}"
                    + (f"; did you mean '@{hint[0]}'?" if hint else "")
                )
            inner = _word_spec(list(sets[name]), {}, f"{where} (set @{name})")
            words |= inner.words
            prefixes += inner.prefixes
            number = number or inner.number
        elif alt == "#":
            number = True
        elif alt.endswith("*") and _WORD.match(alt[:-1]):
            prefixes.append(alt[:-1].casefold())
        elif _WORD.match(alt):
            words.add(alt.casefold())
        else:
            raise RulesError(
                f"{where}: {alt!r} is not a word; expected letters and digits, "
                "'word*', '#', '@set' or '~N' (write 'se jateng' for 'se-jateng')"
            )
    return Spec(frozenset(words), tuple(dict.fromkeys(prefixes)), number)


def compile_phrase(
    text: str, sets: Mapping[str, Sequence[str]], where: str
) -> tuple[Spec, ...]:
    """Compile one phrase; ``where`` names it in errors (file:line: ...)."""
    parts: list[str] = []
    for part in str(text).split():
        if "|" not in part and "-" in part.strip("-"):
            parts += [p for p in part.split("-") if p]
        else:
            parts.append(part)
    if not parts:
        raise RulesError(f"{where}: empty phrase")
    specs: list[Spec] = []
    for part in parts:
        gap = _GAP.match(part)
        if gap:
            specs.append(Spec(gap=int(gap.group(1))))
        else:
            specs.append(_word_spec([p for p in part.split("|") if p], sets, where))
    if specs[0].gap or specs[-1].gap:
        raise RulesError(f"{where}: {text!r} may not start or end with a gap '~N'")
    return tuple(specs)


def compile_words(
    items: Sequence[str], sets: Mapping[str, Sequence[str]], where: str
) -> Spec:
    """Compile a list of single words (``cancel.words`` and the like)."""
    return _word_spec([str(i) for i in items], sets, where)
