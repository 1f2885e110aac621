"""Every dict setting of Pelita, declared once: the merge and the manual read it.

``docs/settings.md`` is generated from these declarations (``invoke docs``),
and ``make test`` fails while it is out of date.
"""

from __future__ import annotations

from ..merge import Setting
from .city import CITY_PROFILE, REGISTRIES
from .content import PRESTASI, RALAT, SAFETY, WILAYAH
from .deploy import DEPLOY
from .importer import IMPORTER
from .site import (
    BUILDSPEED,
    I18N,
    IMAGES,
    KANAL,
    OGCARD,
    PROVENANCE,
    RELATED,
    SEO,
    SHAREKIT,
    THEMECONTEXT,
)
from .tools import CHECK, EDITOR

# In the order the manual lists them.
SETTINGS: tuple[Setting, ...] = (
    CITY_PROFILE,
    REGISTRIES,
    IMPORTER,
    WILAYAH,
    PRESTASI,
    RALAT,
    SAFETY,
    THEMECONTEXT,
    I18N,
    IMAGES,
    OGCARD,
    SHAREKIT,
    SEO,
    RELATED,
    PROVENANCE,
    KANAL,
    BUILDSPEED,
    CHECK,
    EDITOR,
    DEPLOY,
)
BY_NAME: dict[str, Setting] = {setting.name: setting for setting in SETTINGS}

__all__ = [
    "BUILDSPEED", "BY_NAME", "CHECK", "CITY_PROFILE", "DEPLOY", "EDITOR", "I18N",
    "IMAGES",
    "IMPORTER", "KANAL", "OGCARD", "PRESTASI", "PROVENANCE", "RALAT",
    "REGISTRIES", "RELATED", "SEO", "SETTINGS", "SHAREKIT", "THEMECONTEXT",
    "WILAYAH",
]  # fmt: skip
