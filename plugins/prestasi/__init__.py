"""Prestasi & penghargaan: the register of the city's achievements and awards.

The pure core (:func:`classify`, :func:`validate_award_metadata`,
:func:`load_rules`) works without Pelican; :func:`register` connects the
Pelican handlers that attach ``article.prestasi`` to every article and write
the awards wall, its filters, the CSV/JSON register, the achievements feed
and the OPD pages.
"""

from .classifier import classify, plain_text
from .metadata import FIELDS, AwardFields, award_fields, validate_award_metadata
from .model import LEVEL_LABELS, LEVELS, Award, PrestasiError, Problem
from .plugin import register
from .recipient import Recipient, resolve_recipient
from .rules import Rules, load_rules, parse_rules
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
    "load_rules",
    "parse_rules",
    "plain_text",
    "register",
    "resolve_recipient",
    "score",
    "validate_award_metadata",
]
