"""Which posts the kecamatan pages show as achievements.

The prestasi plugin decides what an achievement is. When it ran, its
register is used as it stands (``prestasi_by_kecamatan``: one post per
story, filed under the kecamatan of the award's recipient or of the post),
so a kecamatan page and the awards wall's kecamatan filter always agree.
Without it, ``pelita.core.prestasi.is_achievement`` decides, as everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


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
