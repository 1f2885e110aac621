"""The ``Kecamatan`` and ``Kelurahan`` fields.

Which values are valid is decided by the build's own rule,
:func:`wilayah.resolve_metadata` (the build fails on what it rejects); this
module words its findings for admins in Indonesian.
"""

from __future__ import annotations

import re

from pelita.core.registries import Gazetteer
from pelita.core.registries.paths import registry_file
from pelita.core.wilayah import WilayahProblem, resolve_metadata
from pelita.core.wilayah.validation import NONE_VALUES

from .model import FieldIssue, Severity

_ELSEWHERE = re.compile(r"^is in Kecamatan (?P<homes>.+), not in (?P<stated>.+)$")
_SEVERAL = re.compile(r"^names \d+ kelurahan \(in (?P<homes>.+)\)")
_IS_KELURAHAN = re.compile(r"^is a kelurahan \(in (?P<homes>.+)\)")


def validate_wilayah(
    kecamatan: str, kelurahan: str, gazetteer: Gazetteer
) -> list[FieldIssue]:
    """Problems with a post's kecamatan/kelurahan values (either may be empty).

    Any known spelling is fine ("Gunung Pati", "kec. tembalang"): the build
    shows the official name.
    """
    resolved = resolve_metadata(kecamatan, kelurahan, gazetteer)
    where = registry_file(gazetteer, "daftar wilayah")
    return [_worded(problem, where) for problem in resolved.problems]


def _worded(problem: WilayahProblem, where: str) -> FieldIssue:
    """The wilayah plugin's finding, for an admin, in Indonesian."""
    key, value, hints = problem.field.lower(), problem.value, problem.suggestions
    maybe = f'maksud Anda "{hints[0]}"?' if hints else ""
    if (found := _ELSEWHERE.match(problem.reason)) is not None:
        homes = found["homes"].replace(", ", " dan ")
        return _error(
            key,
            "kelurahan-kecamatan",
            f'Kelurahan "{value}" ada di Kecamatan {homes}, bukan di Kecamatan '
            f"{found['stated']}",
            f'maksud Anda "Kecamatan: {homes}"?',
        )
    if (found := _SEVERAL.match(problem.reason)) is not None:
        homes = found["homes"].replace(", ", " dan ")
        return _error(
            key,
            "kelurahan-ganda",
            f'Ada dua Kelurahan "{value}" (di Kecamatan {homes})',
            'tambahkan baris "Kecamatan: …" agar jelas yang mana',
        )
    if (found := _IS_KELURAHAN.match(problem.reason)) is not None:
        return _error(
            key,
            "kecamatan",
            f'"{value}" adalah kelurahan (di Kecamatan {found["homes"]}), '
            "bukan kecamatan",
            f'tulis "Kelurahan: {value}" dan "Kecamatan: {hints[0]}"'
            if hints
            else f'tulis "Kelurahan: {value}"',
        )
    if "no area" in problem.reason:
        none = "/".join(sorted(NONE_VALUES))
        return _error(
            key,
            "kelurahan",
            f'Kelurahan "{value}" ditulis, padahal "Kecamatan: {none}" '
            "berarti tulisan ini tidak tentang satu wilayah",
            "hapus salah satunya",
        )
    unknown = "tidak dikenal" + _where(problem.reason)
    return _error(
        key,
        key,
        f'{problem.field} "{value}" {unknown}',
        maybe or f"lihat daftar {key} di {where}",
    )


def _where(reason: str) -> str:
    found = re.search(r"of Kecamatan (.+)$", reason)
    return f" di Kecamatan {found.group(1)}" if found else ""


def _error(key: str, code: str, message: str, suggestion: str) -> FieldIssue:
    return FieldIssue(key, Severity.ERROR, code, message, suggestion)
