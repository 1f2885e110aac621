"""Prestasi & penghargaan: the pure core of classifying achievements.

:func:`classify`, :func:`validate_award_metadata` and :func:`load_rules`
work without Pelican; the build plugin ``pelita.build.prestasi`` attaches
``article.prestasi`` and writes the awards wall from them.
"""

from .achievement import is_achievement
from .classifier import classify, plain_text
from .metadata import FIELDS, AwardFields, award_fields, validate_award_metadata
from .model import LEVEL_LABELS, LEVELS, Award, PrestasiError, Problem
from .recipient import Recipient, resolve_recipient
from .rules import Rules, load_rules, parse_rules, place_sets
from .scoring import Score, score

__all__ = [
    "FIELDS",
    "LEVELS",
    "LEVEL_LABELS",
    "Award",
    "AwardFields",
    "PrestasiError",
    "Problem",
    "Recipient",
    "Rules",
    "Score",
    "award_fields",
    "classify",
    "is_achievement",
    "load_rules",
    "parse_rules",
    "place_sets",
    "plain_text",
    "resolve_recipient",
    "score",
    "validate_award_metadata",
]
