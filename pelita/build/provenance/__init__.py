"""Provenance of every post: where it came from and how it changed.

Readers trust an official hub when they can check it. Imported posts name
their channel and link to the original; every post links to its history in
the repository, where each edit is a commit.
"""

from .plugin import register
from .sources import Provenance, history_url, provenance_of

__all__ = ["Provenance", "history_url", "provenance_of", "register"]
