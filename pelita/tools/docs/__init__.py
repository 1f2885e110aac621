"""Generated parts of the documentation, so the docs cannot drift from the code.

The metadata reference in docs/writing.md is made from the post schema
(``pelita.core.schema``), the settings manual's tables (``docs/settings.md``)
from the settings' declarations (``pelita.core.settings``). Each generated
part sits between two HTML comments ``<!-- generated: NAME -->`` and
``<!-- end: NAME -->``; ``invoke docs`` rewrites them, and a test fails while
a part is out of date.
"""

from .generate import GENERATED, DocsError, refresh, stale_parts

__all__ = ["GENERATED", "DocsError", "refresh", "stale_parts"]
