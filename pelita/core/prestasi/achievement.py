"""Whether a post is an achievement: the one answer every page and tool shares.

The home page, the kecamatan pages, the share kits and the theme's
``achievement`` test all ask :func:`is_achievement`, so a post is listed as
an award everywhere or nowhere.
"""

from __future__ import annotations

from typing import Any

from pelita.core.schema import ROLE_DEFAULTS, yes_no

_UNSET = object()


def is_achievement(article: Any, category: str = ROLE_DEFAULTS.achievements) -> bool:
    """Whether ``article`` reports an achievement or award.

    When the prestasi plugin has run, its word is final: it sets
    ``article.award`` (an award or None) and ``article.prestasi`` on every
    post, having already weighed ``Prestasi: ya/tidak``, the award fields,
    the category and the text. Without it, ``Prestasi: tidak`` (an admin's
    override) wins, then ``Prestasi: ya``, then filing the post under the
    achievements ``category`` (``CATEGORY_ROLES``).
    """
    if hasattr(article, "award"):
        return article.award is not None
    flag = getattr(article, "prestasi", _UNSET)
    if flag is None:  # the prestasi plugin looked and found none
        return False
    if isinstance(flag, bool):
        return flag
    if isinstance(flag, str):
        decision = yes_no(flag)
        if decision is not None:
            return decision
    elif flag is not _UNSET:  # the classifier's award object
        return True
    return str(getattr(article, "category", "")) == category
