"""Which posts count as achievements on the kecamatan pages.

The prestasi plugin decides what an achievement is (its classifier sets
``article.prestasi``); until then, and for posts it leaves alone, explicit
``Prestasi: ya`` metadata or the Prestasi category decide. Kept in one place
so the rule can change without touching the pages.
"""

from __future__ import annotations

from typing import Any

_YES = {"ya", "yes", "true", "1"}
_NO = {"tidak", "no", "false", "0"}


def is_achievement(article: Any) -> bool:
    """Whether ``article`` is an achievement or award."""
    flag = getattr(article, "prestasi", None)
    if isinstance(flag, str):
        value = flag.strip().casefold()
        if value in _YES:
            return True
        if value in _NO:
            return False
    elif isinstance(flag, bool):
        return flag
    elif flag is not None:  # the classifier's result object
        return True
    return str(getattr(article, "category", "")) == "Prestasi"
