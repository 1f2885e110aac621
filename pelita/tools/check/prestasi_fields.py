"""The achievement fields (``Prestasi``, ``Tingkat``, ``Tahun``, ``Penerima`` …).

Which values are valid is decided by the build's own rule,
:func:`prestasi.validate_award_metadata` (the build ignores what it rejects,
so the check must reject the same); this module words its findings for
admins in Indonesian, and adds what only a content check asks for: an award
post should name the award, its giver, level and recipient.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pelita.core.prestasi import LEVELS, validate_award_metadata
from pelita.core.prestasi import Problem as AwardProblem
from pelita.core.registries import Gazetteer, OpdRegistry
from pelita.core.registries.paths import registry_file
from pelita.core.schema import NO, ROLE_DEFAULTS, YES, CategoryRoles

from .model import FieldIssue, Severity

TINGKAT = LEVELS
FIRST_YEAR = 1945
# Fields an award post should carry; Tahun defaults to the post's year.
EXPECTED = {
    "penghargaan": "nama penghargaan atau juara, mis. Juara I Lomba Kampung Hijau",
    "pemberi": "lembaga pemberi, mis. Kementerian Lingkungan Hidup",
    "tingkat": "internasional, nasional, provinsi, kota, kecamatan, atau kelurahan",
    "penerima": "id OPD, nama kelurahan/kecamatan, atau nama penerima",
}
_REGISTRY_HINTS = {
    "kecamatan": "nama kecamatan di {wilayah}",
    "kelurahan": "nama kelurahan di {wilayah}",
}


def validate_prestasi(
    fields: Mapping[str, Any],
    category: str,
    *,
    opd: OpdRegistry | None = None,
    gazetteer: Gazetteer | None = None,
    roles: CategoryRoles = ROLE_DEFAULTS,
) -> list[FieldIssue]:
    """Problems with the achievement fields of one post (``date`` bounds Tahun)."""
    achievements = roles.achievements
    files = {
        "wilayah": registry_file(gazetteer, "daftar wilayah"),
        "opd": registry_file(opd, "daftar OPD"),
    }
    issues = [
        _worded(found, files)
        for found in validate_award_metadata(fields, opd, gazetteer)
        # The metadata check reports empty lines, and the address check
        # (.addresses) every URL-valued key, Bukti included.
        if found.message not in ("is empty", "is not a web link")
    ]
    flag = str(fields.get("prestasi", "")).strip().casefold()
    if category == achievements and flag == NO:
        issues.append(
            FieldIssue(
                "prestasi", Severity.WARNING, "prestasi-tidak",
                f'Kategori {achievements} tetapi "Prestasi: tidak", jadi '
                "tulisan ini tidak masuk daftar penghargaan",
                "pilih kategori lain, atau hapus baris Prestasi bila ini memang "
                "kabar penghargaan",
            )
        )  # fmt: skip
    elif category == achievements or flag == YES:
        issues += _missing(fields)
    return issues


def _missing(fields: Mapping[str, Any]) -> list[FieldIssue]:
    return [
        FieldIssue(
            key, Severity.WARNING, "prestasi-wajib",
            f"Kabar penghargaan tanpa {key.capitalize()}; situs mencoba "
            "membacanya dari isi tulisan",
            f'tambahkan "{key.capitalize()}: …" ({meaning})',
        )
        for key, meaning in EXPECTED.items()
        if not str(fields.get(key, "")).strip()
    ]  # fmt: skip


def _worded(found: AwardProblem, files: Mapping[str, str]) -> FieldIssue:
    """The prestasi plugin's finding, for an admin, in Indonesian."""
    key, value, hint = found.field.lower(), found.value, found.suggestion
    maybe = f'maksud Anda "{hint}"? ' if hint else ""
    if found.message == "is not allowed":
        choices = found.expected.replace(" | ", ", ")
        return _error(key, key, f'{found.field} "{value}" tidak dikenal',
                      f"{maybe}pilihan: {choices}")  # fmt: skip
    if found.message == "is not a year":
        years = re.findall(r"\d{4}", found.expected)
        span = f"{years[0]} sampai {years[-1]}" if years else f"mulai {FIRST_YEAR}"
        return _error(key, "tahun", f'Tahun "{value}" bukan tahun yang mungkin',
                      f"tulis empat angka tahun, {span}")  # fmt: skip
    if found.message == "is not a web link":
        advice = maybe or "tulis alamat lengkap yang diawali https://"
        return _error(key, "bukti", f'Bukti "{value}" bukan alamat web', advice)
    if found.message == "is not in the registries":
        where = next(
            (v for k, v in _REGISTRY_HINTS.items() if k in found.expected),
            "id OPD dari {opd}, atau nama yang ditulis lengkap",
        ).format(**files)
        return _error(key, "penerima", f'Penerima "{value}" tidak ada di daftar',
                      f"{maybe}tulis {where}")  # fmt: skip
    return _error(key, "prestasi-teks", f"{found.field} {_text_problem(found)}",
                  "tulis teks biasa, singkat, tanpa HTML")  # fmt: skip


def _text_problem(found: AwardProblem) -> str:
    if found.message == "contains HTML":
        return "memuat kode HTML"
    length = re.search(r"\d+", found.message)
    if found.message.endswith("characters long") and length:
        return f"terlalu panjang ({length.group(0)} karakter)"
    return f'"{found.value}" tidak bisa dipakai ({found.message})'


def _error(key: str, code: str, message: str, suggestion: str) -> FieldIssue:
    return FieldIssue(key, Severity.ERROR, code, message, suggestion.strip())
