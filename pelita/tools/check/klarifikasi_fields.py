"""Validate a hoax clarification's ``Klaim`` and ``Putusan`` fields.

One small pure function, so a build plugin can provide the same rules (and
this module can then delegate to it).
"""

from __future__ import annotations

from collections.abc import Mapping

from pelita.core.registries import closest
from pelita.core.schema import ROLE_DEFAULTS, VERDICTS, CategoryRoles

from .model import FieldIssue, Severity

PUTUSAN = VERDICTS


def validate_klarifikasi(
    fields: Mapping[str, str], category: str, roles: CategoryRoles = ROLE_DEFAULTS
) -> list[FieldIssue]:
    """Problems with ``Klaim``/``Putusan`` (required in the clarifications category)."""
    klaim = fields.get("klaim", "").strip()
    putusan = fields.get("putusan", "").strip()
    clarifications = roles.clarifications
    if category == clarifications:
        issues = _missing(klaim, putusan, clarifications)
    elif klaim or putusan:
        key = "putusan" if putusan else "klaim"
        issues = [
            FieldIssue(
                key, Severity.WARNING, "klarifikasi-kategori",
                f"{key.capitalize()} hanya dipakai di kategori {clarifications}",
                f'ganti kategorinya menjadi "Category: {clarifications}", '
                "atau hapus baris ini",
            )
        ]  # fmt: skip
    else:
        issues = []
    if putusan and putusan not in PUTUSAN:
        hint = closest(putusan, PUTUSAN, 1)
        issues.append(
            FieldIssue(
                "putusan", Severity.ERROR, "putusan",
                f'Putusan "{putusan}" tidak dikenal',
                (f'maksud Anda "{hint[0]}"? ' if hint else "")
                + f"pilihan: {', '.join(PUTUSAN)}",
            )
        )  # fmt: skip
    return issues


def _missing(klaim: str, putusan: str, clarifications: str) -> list[FieldIssue]:
    issues = []
    if not klaim:
        issues.append(
            FieldIssue(
                "klaim", Severity.ERROR, "klaim", f"{clarifications} tanpa Klaim",
                'tambahkan "Klaim: …", kabar yang beredar dalam satu kalimat',
            )
        )  # fmt: skip
    if not putusan:
        issues.append(
            FieldIssue(
                "putusan", Severity.ERROR, "putusan",
                f"{clarifications} tanpa Putusan",
                f'tambahkan "Putusan: …" dengan salah satu: {", ".join(PUTUSAN)}',
            )
        )  # fmt: skip
    return issues
