"""Decide where one post is: its metadata first, its text otherwise.

Explicit ``Kecamatan``/``Kelurahan`` metadata always wins (imported posts
carry their channel's). With only ``Kecamatan`` given, kelurahan of those
kecamatan may still be found in the text; with nothing given, both are;
``Kecamatan: -`` says the post is about no area in particular.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .infer import tag_post
from .places import Areas, Wilayah
from .tagger import Tagger
from .text import html_to_text
from .validation import WilayahProblem, resolve_metadata


@dataclass(frozen=True)
class PostText:
    """The parts of a post the tagger reads; HTML is fine."""

    title: str = ""
    summary: str = ""
    body: str = ""


def assign_wilayah(
    metadata: Mapping[str, Any],
    text: PostText,
    tagger: Tagger,
    areas: Areas,
    infer: bool = True,
) -> tuple[Wilayah, tuple[WilayahProblem, ...]]:
    """The post's ``Wilayah`` and any problems with its metadata."""
    resolved = resolve_metadata(
        _text(metadata.get("kecamatan")),
        _text(metadata.get("kelurahan")),
        tagger.gazetteer,
    )
    kecamatan, kelurahan = resolved.kecamatan, resolved.kelurahan
    if resolved.problems or resolved.none or kelurahan or not infer:
        return _wilayah(areas, kecamatan, kelurahan), resolved.problems
    tagging = tag_post(
        html_to_text(text.title),
        html_to_text(text.body),
        tagger,
        summary=html_to_text(text.summary),
        context=kecamatan,
    )
    if kecamatan:  # explicit kecamatan: only their kelurahan may be added
        found = [
            k for k in tagging.kelurahan if k.kecamatan in {c.nama for c in kecamatan}
        ]
        return _wilayah(areas, kecamatan, found, kel_inferred=bool(found)), ()
    return _wilayah(
        areas,
        tagging.kecamatan,
        tagging.kelurahan,
        kec_inferred=bool(tagging.kecamatan),
        kel_inferred=bool(tagging.kelurahan),
    ), ()


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    return str(value or "")


def _wilayah(areas, kecamatan, kelurahan, kec_inferred=False, kel_inferred=False):
    return Wilayah(
        tuple(areas.of(k) for k in kecamatan),
        tuple(areas.of(k) for k in kelurahan),
        kec_inferred,
        kel_inferred,
    )
