"""The register as data: one row per award, as CSV and as JSON.

Rows are built from the same awards the wall shows, so the downloads and
the pages cannot disagree. Column names are Indonesian, like the site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from pelita.core.prestasi.model import Award

SCHEMA_VERSION = 1
COLUMNS: tuple[str, ...] = (
    "tanggal", "judul", "penghargaan", "pemberi", "tingkat", "penerima",
    "kecamatan", "kelurahan", "opd", "tahun", "bukti", "sumber", "url",
)  # fmt: skip
# Cells a spreadsheet would run as a formula; such text gets a leading quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One award in the register (the CSV/JSON columns, in order)."""

    tanggal: str
    judul: str
    penghargaan: str | None
    pemberi: str | None
    tingkat: str | None
    penerima: str | None
    kecamatan: tuple[str, ...]
    kelurahan: str | None
    opd: str | None
    tahun: int | None
    bukti: str | None
    sumber: str
    url: str


def make_row(title: str, date: dt.date, url: str, award: Award) -> Row:
    """The register row of the post at ``url`` reporting ``award``."""
    return Row(
        tanggal=date.isoformat()[:10],
        judul=title,
        penghargaan=award.name,
        pemberi=award.giver,
        tingkat=award.level,
        penerima=award.recipient,
        kecamatan=tuple(award.kecamatan),
        kelurahan=award.kelurahan,
        opd=award.opd,
        tahun=award.year,
        bukti=award.evidence,
        sumber=award.source,
        url=url,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        value = "; ".join(value)
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def rows_to_csv(rows: Iterable[Row]) -> str:
    """CSV with a header row (RFC 4180 line ends); text is never a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in COLUMNS])
    return out.getvalue()


def rows_to_json(
    rows: Sequence[Row], *, title: str, site_url: str, wall_url: str
) -> str:
    """JSON with a versioned, stable shape: metadata, column list, rows."""
    document = {
        "versi": SCHEMA_VERSION,
        "judul": title,
        "situs": site_url,
        "halaman": wall_url,
        "jumlah": len(rows),
        "kolom": list(COLUMNS),
        "prestasi": [{**asdict(row), "kecamatan": list(row.kecamatan)} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
