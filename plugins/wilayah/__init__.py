"""Kecamatan and kelurahan: tagging posts and a page for every area.

The pure core (``match_wilayah``, ``tag_post``, ``resolve_metadata``) works
without Pelican; ``register`` connects the signal handlers and the page
generator.
"""

from .assign import PostText, assign_wilayah
from .errors import WilayahError
from .infer import Tagging, tag_post
from .places import Area, Wilayah
from .plugin import register
from .rules import TaggerRules, load_rules
from .tagger import Match, Tagger, build_tagger, match_wilayah
from .validation import (
    ResolvedWilayah,
    WilayahProblem,
    check_post_file,
    resolve_metadata,
)

__all__ = [
    "Area",
    "Match",
    "PostText",
    "ResolvedWilayah",
    "Tagger",
    "TaggerRules",
    "Tagging",
    "Wilayah",
    "WilayahError",
    "WilayahProblem",
    "assign_wilayah",
    "build_tagger",
    "check_post_file",
    "load_rules",
    "match_wilayah",
    "register",
    "resolve_metadata",
    "tag_post",
]
