"""Ralat: dated corrections on posts, and one page listing them all.

A post carries its corrections in its header (``Ralat: 2025-09-12 — …``, one
line each, parsed by ``pelita.core.ralat``); the article shows them under
the text, and ``/ralat/`` lists every correction on the site, newest first,
each linking to its post: the opposite of a silent take-down.
"""

from .plugin import register

__all__ = ["register"]
