"""The OPD (perangkat daerah) registry: ids, abbreviations, names and contacts.

Columns ``id,singkatan,nama,jenis,website`` are required; ``alamat``,
``telepon`` and ``email`` are optional and may be empty (a city fills them in
as it confirms them, nothing is guessed). A contact value that is not what
its column expects is left out and recorded in ``OpdRegistry.problems``
(``invoke check`` reports it as an error), so one mistyped phone number
neither breaks the build nor reaches a ``tel:`` link.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .contact import (
    ContactProblem,
    Phone,
    parse_address,
    parse_email,
    parse_phone,
    parse_website,
)
from .errors import RegistryError
from .filecache import cached_by_file_time
from .names import closest, normalize_name

_COLUMNS = ("id", "singkatan", "nama", "jenis", "website")
CONTACT_COLUMNS = ("alamat", "telepon", "email")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Opd:
    """One OPD; ``id`` is the slug used in URLs and in post metadata."""

    id: str
    singkatan: str
    nama: str
    jenis: str
    website: str
    alamat: str = ""
    telepon: Phone | None = None
    email: str = ""

    @property
    def website_url(self) -> str | None:
        """The office's own web site as an https link (the CSV may hold a host)."""
        if not self.website.strip():
            return None
        url = parse_website(self.website)
        return url if isinstance(url, str) else None

    @property
    def has_contact(self) -> bool:
        """Whether the registry gives any way to reach the office."""
        return bool(self.alamat or self.telepon or self.email or self.website_url)


@dataclass(frozen=True)
class OpdProblem:
    """A registry value left out of the pages: where it is and what is wrong."""

    line: int
    opd_id: str
    problem: ContactProblem


@dataclass(frozen=True)
class OpdRegistry:
    """All OPDs, found by id, abbreviation or full name in any case."""

    items: tuple[Opd, ...]
    _by_key: dict[str, Opd] = field(repr=False, compare=False)
    # The file it was read from, so messages name the city's real file.
    path: Path | None = field(default=None, compare=False)
    # Contact values refused and left out (see the module docstring).
    problems: tuple[OpdProblem, ...] = field(default=(), compare=False)

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
    problems: list[OpdProblem] = []
    for line, row in rows:
        opd, found = _read_row(row)
        problems += [OpdProblem(line, opd.id, p) for p in found]
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
    return OpdRegistry(tuple(items), by_key, path, tuple(problems))


def _read_row(row: dict[str, str | None]) -> tuple[Opd, list[ContactProblem]]:
    """One CSV row as an ``Opd``, with each refused contact value left empty."""
    values = {c: (row.get(c) or "").strip() for c in (*_COLUMNS, *CONTACT_COLUMNS)}
    problems: list[ContactProblem] = []
    parsed: dict[str, object] = {}
    readers = {
        "website": parse_website,
        "alamat": parse_address,
        "telepon": parse_phone,
        "email": parse_email,
    }
    for column, read in readers.items():
        if not values[column]:
            continue
        result = read(values[column])
        if isinstance(result, ContactProblem):
            problems.append(result)
            values[column] = ""
        else:
            parsed[column] = result
    opd = Opd(
        *(values[c] for c in _COLUMNS),
        alamat=str(parsed.get("alamat", "")),
        telepon=parsed.get("telepon"),  # type: ignore[arg-type]
        email=str(parsed.get("email", "")),
    )
    return opd, problems
