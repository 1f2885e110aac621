"""Resolve who received an award against the gazetteer and the OPD list.

``Penerima`` may be an OPD id (``dinkes``), a kecamatan or kelurahan
("Kecamatan Tembalang", "Meteseh"), or free text ("SMP Negeri 2 Semarang",
"RW 3 Kelurahan Meteseh"). The register files an award under an OPD and a
kecamatan when the recipient names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pelita.core.registries import Gazetteer, OpdRegistry

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PREFIX = re.compile(r"^\s*(kecamatan|kec|kelurahan|kel)\b\.?\s*", re.IGNORECASE)
_INNER_PLACE = re.compile(
    r"\b(Kecamatan|Kec\.|Kelurahan|Kel\.)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
)


@dataclass(frozen=True)
class Recipient:
    """A recipient as written, and what it resolved to (None where nothing)."""

    text: str
    opd: str | None = None
    kecamatan: str | None = None
    kelurahan: str | None = None
    prefix: str | None = None  # "kecamatan"/"kelurahan" when written with one

    @property
    def resolved(self) -> bool:
        """True when the recipient is an OPD or a place in the gazetteer."""
        return bool(self.opd or self.kecamatan or self.kelurahan)


def looks_like_id(value: str) -> bool:
    """True for values written like an OPD id ("dinkes", "kec-tembalang")."""
    return bool(_ID.fullmatch(value.strip()))


def _kind_of_prefix(value: str) -> str | None:
    found = _PREFIX.match(value)
    if not found:
        return None
    return "kecamatan" if found.group(1).lower().startswith("kec") else "kelurahan"


def _place(
    name: str, kind: str | None, opd: OpdRegistry, gazetteer: Gazetteer, text: str
) -> Recipient | None:
    if kind != "kelurahan":
        kec = gazetteer.find_kecamatan(name)
        if kec is not None:
            office = opd.find(f"Kecamatan {kec.nama}")
            return Recipient(text, office.id if office else None, kec.nama, None, kind)
    if kind != "kecamatan":
        found = gazetteer.find_kelurahan(name)
        if len(found) == 1:
            return Recipient(text, None, found[0].kecamatan, found[0].nama, kind)
        if found:  # a name two kelurahan share: keep it, without a kecamatan
            return Recipient(text, None, None, found[0].nama, kind)
    return None


def resolve_recipient(value: str, opd: OpdRegistry, gazetteer: Gazetteer) -> Recipient:
    """Resolve ``value``: OPD id, then place, then OPD name, then places inside."""
    text = " ".join(value.split())
    kind = _kind_of_prefix(text)
    if kind is None:
        office = opd.find(text)
        if office is not None and office.jenis != "kecamatan":
            return Recipient(text, office.id)
        if office is not None and office.id == text:  # "kec-tembalang"
            return _place(office.nama, "kecamatan", opd, gazetteer, text) or (
                Recipient(text, office.id)
            )
    name = _PREFIX.sub("", text) if kind else text
    place = _place(name, kind, opd, gazetteer, text)
    if place is not None:
        return place
    inner = _INNER_PLACE.search(text)
    if inner and not kind:
        inner_kind = "kecamatan" if inner.group(1).startswith("Kec") else "kelurahan"
        place = _place(inner.group(2), inner_kind, opd, gazetteer, text)
        if place is not None:
            return Recipient(text, place.opd, place.kecamatan, place.kelurahan)
    return Recipient(text, None, None, None, kind)
