"""Indonesian dates in templates through Babel, never through the OS locale.

Pelican's own ``locale_date`` depends on the machine's locales, which CI and
fresh machines rarely have for ``id_ID``; Babel carries its own CLDR data, so
"Kamis, 21 Maret 2024 09.00 WIB" comes out the same everywhere. The
formatting itself is ``pelita.core.indodate``; this plugin gives templates
its filters.
"""

from .plugin import register

__all__ = ["register"]
