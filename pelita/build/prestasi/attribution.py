"""Which OPD and kecamatan a post belongs to, from its metadata or channel.

``OPD`` may be written as an id, an abbreviation or a full name; an imported
post without one takes its channel's. ``Kecamatan`` may be a name, a
comma-separated list, or the objects the wilayah plugin puts on the article
(anything with ``nama`` or ``name``); only names in the gazetteer count.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import replace
from typing import Any

from pelita.core.prestasi.model import Award

from .state import BuildState

logger = logging.getLogger(__name__)
_SEPARATORS = re.compile(r"[,;]")


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it is inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def article_opd(article: Any, state: BuildState) -> str | None:
    """The OPD id of a post: its ``OPD`` metadata, else its channel's OPD."""
    value = article.metadata.get("opd")
    if value:
        found = state.opd.find(str(value))
        if found is not None:
            return found.id
        if state.warn_once(f"opd:{value}"):
            hint = state.opd.suggest(str(value), 1)
            logger.warning(
                "prestasi: %s: OPD %r is not in the OPD list; closest: %s",
                display_path(article.source_path), str(value),
                hint[0] if hint else "none",
            )  # fmt: skip
    channel = article.metadata.get("channel")
    if channel and str(channel) in state.channel_opd:
        found = state.opd.find(state.channel_opd[str(channel)])
        return found.id if found else None
    return None


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple | set | frozenset) else [value]
    names: list[str] = []
    for item in items:
        text = getattr(item, "nama", None) or getattr(item, "name", None) or item
        names += [part.strip() for part in _SEPARATORS.split(str(text))]
    return [name for name in names if name]


def article_kecamatan(article: Any, state: BuildState) -> tuple[str, ...]:
    """Official names of the kecamatan a post is about (gazetteer names only).

    The wilayah plugin's ``article.wilayah.kecamatan`` (every kecamatan, from
    metadata or the text) wins over the single ``article.kecamatan``.
    """
    wilayah = getattr(article, "wilayah", None)
    value = getattr(wilayah, "kecamatan", None) or getattr(article, "kecamatan", None)
    if not value:
        return ()
    found = []
    for name in _names(value):
        kec = state.gazetteer.find_kecamatan(name)
        if kec is not None and kec.nama not in found:
            found.append(kec.nama)
    return tuple(found)


def article_kelurahan(article: Any, state: BuildState) -> str | None:
    """The post's kelurahan (official name) when the gazetteer knows it."""
    value = getattr(article, "kelurahan", None)
    names = _names(value) if value else []
    if not names:
        return None
    found = state.gazetteer.find_kelurahan(names[0])
    return found[0].nama if found else None


def complete_award(article: Any, award: Award, opd: str | None, state: BuildState):
    """The award with OPD, kecamatan and kelurahan filled from the post."""
    kecamatan = award.kecamatan or article_kecamatan(article, state)
    return replace(
        award,
        opd=award.opd or opd,
        kecamatan=kecamatan,
        kelurahan=award.kelurahan or article_kelurahan(article, state),
    )


_SOURCE_RANK = {"metadata": 0, "kategori": 1, "otomatis": 2}


def one_per_story(articles: list[Any]) -> list[Any]:
    """Drop duplicates: one post per ``Story``, none marked ``Duplicate_of``.

    The post kept for a story is the one whose award an admin described
    best (metadata, then the Prestasi category, then the classifier), then
    the earliest. Order of ``articles`` is kept.
    """
    best: dict[str, Any] = {}
    for article in articles:
        story = article.metadata.get("story")
        if not story:
            continue
        key = (_SOURCE_RANK.get(article.prestasi.source, 3), article.date)
        current = best.get(str(story))
        if current is None or key < (
            _SOURCE_RANK.get(current.prestasi.source, 3),
            current.date,
        ):
            best[str(story)] = article
    return [
        a for a in articles
        if not a.metadata.get("duplicate_of")
        and (not a.metadata.get("story") or best[str(a.metadata["story"])] is a)
    ]  # fmt: skip
