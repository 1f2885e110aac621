"""Ralat: dated corrections on posts, and one page listing them all.

A post carries its corrections in its header (``Ralat: 2025-09-12 — …``, one
line each); the article shows them under the text, and ``/ralat/`` lists
every correction on the site, newest first, each linking to its post: the
opposite of a silent take-down.
"""

from .parse import (
    Correction,
    CorrectionError,
    corrections_from_metadata,
    read_correction,
)
from .plugin import register

__all__ = [
    "Correction",
    "CorrectionError",
    "corrections_from_metadata",
    "read_correction",
    "register",
]
