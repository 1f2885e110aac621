"""Indonesian dates in templates through Babel, never through the OS locale.

Pelican's own ``locale_date`` depends on the machine's locales, which CI and
fresh machines rarely have for ``id_ID``; Babel carries its own CLDR data, so
"Kamis, 21 Maret 2024 09.00 WIB" comes out the same everywhere.
"""

from .formatting import STYLES, format_date, format_iso
from .plugin import register

__all__ = ["STYLES", "format_date", "format_iso", "register"]
