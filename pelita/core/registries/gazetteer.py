"""The kecamatan/kelurahan gazetteer: Kemendagri codes, names and aliases.

The CSV (``kode,tingkat,nama,kecamatan``) is the official list; an optional
alias CSV (``kode,alias,catatan``) adds the spellings people and BPS use. A
name that two kelurahan share (Purwosari, Mangunharjo) is kept ambiguous here
on purpose: callers decide with context.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RegistryError
from .filecache import cached_by_file_time
from .names import closest, normalize_name, slugify_name

_COLUMNS = ("kode", "tingkat", "nama", "kecamatan")
_ALIAS_COLUMNS = ("kode", "alias")


@dataclass(frozen=True)
class Kecamatan:
    """A district, e.g. 33.74.10 Tembalang."""

    kode: str
    nama: str
    slug: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kelurahan:
    """A sub-district; ``kecamatan`` is its district's official name."""

    kode: str
    nama: str
    slug: str
    kecamatan: str
    kecamatan_slug: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    """All kecamatan and kelurahan of one city, with lookups by any spelling."""

    kecamatan: tuple[Kecamatan, ...]
    kelurahan: tuple[Kelurahan, ...]
    _kec_by_key: dict[str, Kecamatan] = field(repr=False, compare=False)
    _kel_by_key: dict[str, tuple[Kelurahan, ...]] = field(repr=False, compare=False)
    # The file it was read from, so messages name the city's real file.
    path: Path | None = field(default=None, compare=False)

    def find_kecamatan(self, name: str) -> Kecamatan | None:
        """The kecamatan called ``name`` (any known spelling, any case)."""
        return self._kec_by_key.get(normalize_name(name))

    def find_kelurahan(
        self, name: str, kecamatan: str | None = None
    ) -> tuple[Kelurahan, ...]:
        """Every kelurahan called ``name``, narrowed to ``kecamatan`` if given."""
        found = self._kel_by_key.get(normalize_name(name), ())
        if kecamatan is None:
            return found
        kec = self.find_kecamatan(kecamatan)
        return tuple(k for k in found if kec is not None and k.kecamatan == kec.nama)

    def kelurahan_of(self, kecamatan: Kecamatan) -> tuple[Kelurahan, ...]:
        """The kelurahan of one kecamatan, in code order."""
        return tuple(k for k in self.kelurahan if k.kecamatan == kecamatan.nama)

    def suggest_kecamatan(self, name: str, limit: int = 3) -> list[str]:
        """Official names of the kecamatan closest to a misspelt ``name``."""
        return closest(name, [k.nama for k in self.kecamatan], limit)

    def suggest_kelurahan(
        self, name: str, kecamatan: str | None = None, limit: int = 3
    ) -> list[str]:
        """Official names of the kelurahan closest to ``name``."""
        kec = self.find_kecamatan(kecamatan) if kecamatan else None
        pool = self.kelurahan_of(kec) if kec else self.kelurahan
        return closest(name, [k.nama for k in pool], limit)


def _read_rows(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise RegistryError(
                    f"{path}:1: missing column(s) {', '.join(missing)}; "
                    f"expected {','.join(required)}"
                )
            return [(line, row) for line, row in enumerate(reader, start=2)]
    except FileNotFoundError as exc:
        raise RegistryError(f"{path}: file not found") from exc


def _read_aliases(path: Path | None, codes: set[str]) -> dict[str, list[str]]:
    aliases: dict[str, list[str]] = {}
    if path is None or not path.exists():
        return aliases
    for line, row in _read_rows(path, _ALIAS_COLUMNS):
        kode, alias = row["kode"].strip(), row["alias"].strip()
        if kode not in codes:
            raise RegistryError(
                f"{path}:{line}: kode {kode!r} is not in the gazetteer; "
                f"closest: {', '.join(closest(kode, codes)) or 'none'}"
            )
        if not alias:
            raise RegistryError(f"{path}:{line}: empty alias for kode {kode}")
        aliases.setdefault(kode, []).append(alias)
    return aliases


def _check_row(path: Path, line: int, row: dict, kec_names: set[str]) -> None:
    if row["tingkat"] not in ("kecamatan", "kelurahan"):
        raise RegistryError(
            f"{path}:{line}: tingkat {row['tingkat']!r} must be kecamatan or kelurahan"
        )
    if row["kecamatan"] not in kec_names:
        hint = closest(row["kecamatan"], kec_names)
        raise RegistryError(
            f"{path}:{line}: kecamatan {row['kecamatan']!r} is not listed as a "
            f"kecamatan row; closest: {', '.join(hint) or 'none'}"
        )


@cached_by_file_time
def load_gazetteer(path: Path, aliases_path: Path | None = None) -> Gazetteer:
    """Load and validate the gazetteer (cached until either file changes)."""
    rows = _read_rows(Path(path), _COLUMNS)
    rows = [
        (line, {k: (v or "").strip() for k, v in row.items()}) for line, row in rows
    ]
    kec_names = {r["nama"] for _, r in rows if r["tingkat"] == "kecamatan"}
    seen: set[str] = set()
    for line, row in rows:
        _check_row(Path(path), line, row, kec_names)
        if row["kode"] in seen:
            raise RegistryError(f"{path}:{line}: duplicate kode {row['kode']}")
        seen.add(row["kode"])
    alias = _read_aliases(Path(aliases_path) if aliases_path else None, seen)
    kecamatan = tuple(
        Kecamatan(
            r["kode"],
            r["nama"],
            slugify_name(r["nama"]),
            tuple(alias.get(r["kode"], ())),
        )
        for _, r in rows
        if r["tingkat"] == "kecamatan"
    )
    kelurahan = tuple(
        Kelurahan(
            r["kode"], r["nama"], slugify_name(r["nama"]), r["kecamatan"],
            slugify_name(r["kecamatan"]), tuple(alias.get(r["kode"], ())),
        )
        for _, r in rows
        if r["tingkat"] == "kelurahan"
    )  # fmt: skip
    kec_by_key = {
        normalize_name(name): kec
        for kec in kecamatan
        for name in (kec.nama, *kec.aliases)
    }
    kel_by_key: dict[str, tuple[Kelurahan, ...]] = {}
    for kel in kelurahan:
        for name in {normalize_name(n) for n in (kel.nama, *kel.aliases)}:
            kel_by_key[name] = (*kel_by_key.get(name, ()), kel)
    return Gazetteer(kecamatan, kelurahan, kec_by_key, kel_by_key, Path(path))
