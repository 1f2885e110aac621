"""Which posts the kecamatan pages show as achievements.

The prestasi plugin decides what an achievement is. When it ran, its
register is used as it stands (``prestasi_by_kecamatan``: one post per
story, filed under the kecamatan of the award's recipient or of the post),
so a kecamatan page and the awards wall's kecamatan filter always agree.
Without it, ``article.prestasi`` (``ya``/``tidak`` metadata, or the
classifier's result) and then the Prestasi category decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

_YES = {"ya", "yes", "true", "1"}
_NO = {"tidak", "no", "false", "0"}
_UNSET = object()


def is_achievement(article: Any) -> bool:
    """Whether ``article`` is an achievement or award."""
    flag = getattr(article, "prestasi", _UNSET)
    if flag is None:  # the prestasi plugin looked and found none
        return False
    if isinstance(flag, bool):
        return flag
    if isinstance(flag, str):
        value = flag.strip().casefold()
        if value in _YES or value in _NO:
            return value in _YES
    elif flag is not _UNSET:  # the classifier's award object
        return True
    return str(getattr(article, "category", "")) == "Prestasi"


def register_by_kecamatan(
    context: Mapping[str, Any],
) -> tuple[dict[str, list[Any]], dict[str, str]] | None:
    """The prestasi plugin's awards and wall URLs per kecamatan name, if it ran."""
    by_kecamatan = context.get("prestasi_by_kecamatan")
    if by_kecamatan is None:
        return None
    facets: Iterable[Any] = (
        getattr(context.get("prestasi_wall"), "facets", {}) or {}
    ).get("kecamatan", ())
    urls = {facet.key: facet.url for facet in facets}
    return {name: list(posts) for name, posts in by_kecamatan.items()}, urls
