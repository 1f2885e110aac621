"""Validate the achievement fields (``Prestasi``, ``Tingkat``, ``Tahun``, ...).

One small pure function, so the build's prestasi plugin can provide the same
rules (and this module can then delegate to it). ``fields`` maps lower-case
keys to values, as Pelican reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from registries import closest

from .model import FieldIssue, Severity

PRESTASI_VALUES = ("ya", "tidak")
TINGKAT = ("internasional", "nasional", "provinsi", "kota")
# Fields an award post must carry, with what they mean.
REQUIRED = {
    "penghargaan": "nama penghargaan atau juara, mis. Juara I Lomba Kampung Hijau",
    "pemberi": "lembaga pemberi, mis. Kementerian Lingkungan Hidup",
    "tingkat": "internasional, nasional, provinsi, atau kota",
    "penerima": "id OPD, nama kelurahan/kecamatan, atau nama penerima",
    "tahun": "tahun penghargaan, mis. 2025",
}
FIRST_YEAR = 1945
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def validate_prestasi(
    fields: Mapping[str, str], category: str, current_year: int
) -> list[FieldIssue]:
    """Problems with the achievement fields of one post."""
    issues: list[FieldIssue] = []
    flag = fields.get("prestasi", "").strip()
    if flag and flag.lower() not in PRESTASI_VALUES:
        issues.append(_choice("prestasi", "Prestasi", flag, PRESTASI_VALUES))
    is_award = flag.lower() == "ya" or (category == "Prestasi" and flag != "tidak")
    if category == "Prestasi" and flag.lower() == "tidak":
        issues.append(
            FieldIssue(
                "prestasi",
                Severity.WARNING,
                "prestasi-tidak",
                'Kategori Prestasi tetapi "Prestasi: tidak"',
                "pilih kategori lain, atau hapus baris Prestasi bila ini memang "
                "kabar penghargaan",
            )
        )
    if is_award:
        issues.extend(_missing(fields))
    issues.extend(_values(fields, current_year))
    return issues


def _missing(fields: Mapping[str, str]) -> list[FieldIssue]:
    return [
        FieldIssue(
            key,
            Severity.ERROR,
            "prestasi-wajib",
            f"Kabar penghargaan tanpa {key.capitalize()}",
            f'tambahkan "{key.capitalize()}: …" ({meaning})',
        )
        for key, meaning in REQUIRED.items()
        if not fields.get(key, "").strip()
    ]


def _values(fields: Mapping[str, str], current_year: int) -> list[FieldIssue]:
    issues = []
    tingkat = fields.get("tingkat", "").strip()
    if tingkat and tingkat not in TINGKAT:
        issues.append(_choice("tingkat", "Tingkat", tingkat, TINGKAT))
    tahun = fields.get("tahun", "").strip()
    if tahun and not (tahun.isdigit() and FIRST_YEAR <= int(tahun) <= current_year):
        issues.append(
            FieldIssue(
                "tahun",
                Severity.ERROR,
                "tahun",
                f'Tahun "{tahun}" bukan tahun yang mungkin',
                f"tulis empat angka tahun, {FIRST_YEAR} sampai {current_year}",
            )
        )
    bukti = fields.get("bukti", "").strip()
    if bukti and not _URL.match(bukti):
        issues.append(
            FieldIssue(
                "bukti",
                Severity.ERROR,
                "bukti",
                f'Bukti "{bukti}" bukan alamat web',
                "tulis alamat lengkap yang diawali https://",
            )
        )
    elif bukti.lower().startswith("http://"):
        issues.append(
            FieldIssue(
                "bukti",
                Severity.WARNING,
                "bukti",
                "Bukti memakai http:// (tidak aman)",
                "coba alamat yang sama dengan https://",
            )
        )
    return issues


def _choice(key: str, label: str, value: str, allowed: tuple[str, ...]) -> FieldIssue:
    hint = closest(value, allowed, 1)
    return FieldIssue(
        key,
        Severity.ERROR,
        key,
        f'{label} "{value}" tidak dikenal',
        (f'maksud Anda "{hint[0]}"? ' if hint else "")
        + f"pilihan: {', '.join(allowed)}",
    )
