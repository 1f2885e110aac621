"""Rank what the tagger found in a post: title first, then summary, then body.

A post may speak of several kecamatan; the one named in the title, or named
most, comes first and becomes ``article.kecamatan``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pelita.core.registries import Kecamatan, Kelurahan

from .tagger import Match, Tagger, match_prepared
from .text import PARAGRAPH, drop_lines, prepare

# How much one mention counts, by where it is.
WEIGHTS = {"title": 3, "summary": 2, "body": 1}


@dataclass(frozen=True)
class Tagging:
    """The kecamatan and kelurahan a post's text speaks of, best first."""

    kecamatan: tuple[Kecamatan, ...]
    kelurahan: tuple[Kelurahan, ...]
    matches: tuple[Match, ...]


def _rank(scored: dict, first: dict) -> tuple:
    return tuple(sorted(scored, key=lambda item: (-scored[item], first[item])))


def tag_post(
    title: str,
    body: str,
    tagger: Tagger,
    summary: str = "",
    context: tuple[Kecamatan, ...] = (),
) -> Tagging:
    """Tag a post from its plain-text title, summary and body.

    ``context`` (kecamatan from the post's metadata) settles ambiguous names;
    which of the results to keep is the caller's choice.
    """
    body = drop_lines(body, tagger.rules.skip_lines_starting)
    parts = [("title", title), ("summary", summary), ("body", body)]
    text, spans = "", []
    for where, part in parts:
        prepared = prepare(part or "")
        spans.append((len(text), len(text) + len(prepared), WEIGHTS[where]))
        text += prepared + f" {PARAGRAPH} "
    matches = match_prepared(text, tagger, context)
    kec_score: dict = defaultdict(int)
    kel_score: dict = defaultdict(int)
    first: dict = {}
    for match in matches:
        weight = next(w for lo, hi, w in spans if lo <= match.start < hi)
        kec_score[match.kecamatan] += weight
        first.setdefault(match.kecamatan, match.start)
        if match.kelurahan is not None:
            kel_score[match.kelurahan] += weight
            first.setdefault(match.kelurahan, match.start)
    return Tagging(_rank(kec_score, first), _rank(kel_score, first), tuple(matches))
