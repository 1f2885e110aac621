"""Template context for the hub's shared surface.

The theme's home page, navigation, archive, search form and badges need a
few lists and lookups derived from all posts (latest achievements, the
categories that have posts, kecamatan and OPD names, filter values).
Computing them once per build here keeps templates simple and O(n).
"""

from .plugin import register
from .selection import verdict_slug

__all__ = ["register", "verdict_slug"]
