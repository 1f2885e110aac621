"""Validate the ``Kecamatan`` and ``Kelurahan`` fields against the gazetteer.

One small pure function, so the build's wilayah plugin can provide the same
rule (and this module can then delegate to it).
"""

from __future__ import annotations

from registries import Gazetteer

from .model import FieldIssue, Severity


def validate_wilayah(
    kecamatan: str, kelurahan: str, gazetteer: Gazetteer
) -> list[FieldIssue]:
    """Problems with a post's kecamatan/kelurahan pair (either may be empty)."""
    issues: list[FieldIssue] = []
    kec = gazetteer.find_kecamatan(kecamatan) if kecamatan else None
    if kecamatan and kec is None:
        issues.append(_unknown_kecamatan(kecamatan, gazetteer))
    elif kec is not None and kecamatan != kec.nama:
        issues.append(_spelling("kecamatan", "Kecamatan", kecamatan, kec.nama))
    if kelurahan and (kec is not None or not kecamatan):
        issues.extend(_kelurahan(kelurahan, kec.nama if kec else None, gazetteer))
    elif kelurahan and not gazetteer.find_kelurahan(kelurahan):
        issues.extend(_kelurahan(kelurahan, None, gazetteer))
    return issues


def _unknown_kecamatan(value: str, gazetteer: Gazetteer) -> FieldIssue:
    parts = [p.strip() for p in value.replace(" dan ", ",").split(",") if p.strip()]
    if len(parts) > 1 and all(gazetteer.find_kecamatan(p) for p in parts):
        return FieldIssue(
            "kecamatan",
            Severity.ERROR,
            "kecamatan",
            f'Kecamatan "{value}" menyebut lebih dari satu kecamatan',
            "isi satu kecamatan saja (yang utama), atau hapus baris ini dan "
            "sebut kecamatannya di isi tulisan",
        )
    hints = gazetteer.suggest_kecamatan(value)
    return FieldIssue(
        "kecamatan",
        Severity.ERROR,
        "kecamatan",
        f'Kecamatan "{value}" tidak dikenal',
        f'maksud Anda "{hints[0]}"?'
        if hints
        else "lihat daftar kecamatan di data/semarang-wilayah.csv",
    )


def _spelling(key: str, label: str, written: str, official: str) -> FieldIssue:
    return FieldIssue(
        key,
        Severity.WARNING,
        "ejaan-wilayah",
        f'{label} "{written}" dikenali sebagai "{official}"',
        f'tulis nama resminya: "{official}"',
    )


def _kelurahan(value: str, kecamatan: str | None, gaz: Gazetteer) -> list[FieldIssue]:
    found = gaz.find_kelurahan(value)
    if not found:
        return [_unknown_kelurahan(value, kecamatan, gaz)]
    if kecamatan:
        inside = tuple(k for k in found if k.kecamatan == kecamatan)
        if not inside:
            where = " dan ".join(sorted({k.kecamatan for k in found}))
            return [
                FieldIssue(
                    "kelurahan", Severity.ERROR, "kelurahan-kecamatan",
                    f'Kelurahan "{value}" ada di Kecamatan {where}, bukan di '
                    f"Kecamatan {kecamatan}",
                    f'maksud Anda "Kecamatan: {where}"?',
                )
            ]  # fmt: skip
        found = inside
    elif len(found) > 1:
        where = " dan ".join(sorted(k.kecamatan for k in found))
        return [
            FieldIssue(
                "kelurahan", Severity.ERROR, "kelurahan-ganda",
                f'Ada dua Kelurahan "{value}" (di Kecamatan {where})',
                'tambahkan baris "Kecamatan: …" agar jelas yang mana',
            )
        ]  # fmt: skip
    if value != found[0].nama:
        return [_spelling("kelurahan", "Kelurahan", value, found[0].nama)]
    return []


def _unknown_kelurahan(value: str, kecamatan: str | None, gaz: Gazetteer) -> FieldIssue:
    hints = gaz.suggest_kelurahan(value, kecamatan) or gaz.suggest_kelurahan(value)
    return FieldIssue(
        "kelurahan", Severity.ERROR, "kelurahan",
        f'Kelurahan "{value}" tidak dikenal'
        + (f" di Kecamatan {kecamatan}" if kecamatan else ""),
        f'maksud Anda "{hints[0]}"?' if hints
        else "lihat daftar kelurahan di data/semarang-wilayah.csv",
    )  # fmt: skip
