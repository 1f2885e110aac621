"""Template strings through gettext, with Babel catalogs kept as .po files.

Templates mark every visible string with ``_()`` (named placeholders:
``_('Published %(when)s', when=...)``); the catalogs live in the theme under
``translations/<lang>/LC_MESSAGES/messages.po`` and are compiled in memory at
build time, so no compiled .mo file is ever committed or left stale. Adding a
language means adding one .po file and setting ``DEFAULT_LANG`` (or
``I18N["language"]``); no template changes.
"""

from .catalog import CatalogError, catalog_path, load_translations
from .plugin import register

__all__ = ["CatalogError", "catalog_path", "load_translations", "register"]
