"""Kecamatan and kelurahan: a page for every area, and every post tagged.

The pure core (``match_wilayah``, ``tag_post``, ``resolve_metadata``) is
``pelita.core.wilayah``; ``register`` connects the signal handlers and the
page generator.
"""

from .plugin import register

__all__ = ["register"]
