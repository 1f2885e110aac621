"""The OPD (perangkat daerah) registry: ids, abbreviations and full names."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RegistryError
from .filecache import cached_by_file_time
from .names import closest, normalize_name

_COLUMNS = ("id", "singkatan", "nama", "jenis", "website")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Opd:
    """One OPD; ``id`` is the slug used in URLs and in post metadata."""

    id: str
    singkatan: str
    nama: str
    jenis: str
    website: str


@dataclass(frozen=True)
class OpdRegistry:
    """All OPDs, found by id, abbreviation or full name in any case."""

    items: tuple[Opd, ...]
    _by_key: dict[str, Opd] = field(repr=False, compare=False)
    # The file it was read from, so messages name the city's real file.
    path: Path | None = field(default=None, compare=False)

    def find(self, value: str) -> Opd | None:
        """The OPD whose id, singkatan or nama is ``value``."""
        return self._by_key.get(normalize_name(value))

    def suggest(self, value: str, limit: int = 3) -> list[str]:
        """Ids of the OPDs whose names are closest to ``value``."""
        names = {}
        for opd in self.items:
            for name in (opd.id, opd.singkatan, opd.nama):
                names.setdefault(name, opd.id)
        return list(dict.fromkeys(names[m] for m in closest(value, names, limit * 3)))[
            :limit
        ]


@cached_by_file_time
def load_opd(path: Path) -> OpdRegistry:
    """Load and validate the OPD CSV (cached until the file changes)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise RegistryError(
                    f"{path}:1: missing column(s) {', '.join(missing)}; "
                    f"expected at least {','.join(_COLUMNS)}"
                )
            rows = list(enumerate(reader, start=2))
    except FileNotFoundError as exc:
        raise RegistryError(f"{path}: file not found") from exc
    items: list[Opd] = []
    by_key: dict[str, Opd] = {}
    for line, row in rows:
        opd = Opd(*((row.get(c) or "").strip() for c in _COLUMNS))
        if not _ID.match(opd.id):
            raise RegistryError(
                f"{path}:{line}: id {opd.id!r} must be lower-case letters, digits "
                "and single hyphens, e.g. 'diskominfo'"
            )
        if opd.id in {o.id for o in items}:
            raise RegistryError(f"{path}:{line}: duplicate id {opd.id!r}")
        items.append(opd)
        for name in (opd.nama, opd.singkatan, opd.id):
            by_key[normalize_name(name)] = opd
    return OpdRegistry(tuple(items), by_key, path)
