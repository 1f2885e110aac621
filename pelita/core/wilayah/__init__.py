"""Kecamatan and kelurahan: the pure core of tagging posts with their areas.

``match_wilayah``, ``tag_post`` and ``resolve_metadata`` work without
Pelican; the build plugin ``pelita.build.wilayah`` uses them for the pages.
"""

from .assign import PostText, assign_wilayah
from .errors import WilayahError
from .infer import Tagging, tag_post
from .places import Area, Wilayah
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
    "resolve_metadata",
    "tag_post",
]
