"""Check the answers of ``invoke channel-add``, one field at a time.

Each check returns the official value, or what is wrong (in Indonesian, for
the admin at the prompt) with the closest valid value to offer instead. The
names are judged by the same registries as the channel registry's validator
(gazetteer, OPD list, categories), and the finished entry goes through that
validator too (``channelentry.write_entry``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pelita.core.registries import Gazetteer, OpdRegistry, closest, slugify_name
from pelita.core.registries.channelfields import CHANNEL_KINDS
from pelita.core.registries.paths import registry_file

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Checked:
    """A valid ``value``, or an ``error`` and a ``suggestion``."""

    value: str = ""
    error: str = ""
    suggestion: str = ""

    @property
    def ok(self) -> bool:
        """Whether the answer can be used."""
        return not self.error


@dataclass(frozen=True)
class AddRegistries:
    """What the answers are checked against."""

    gazetteer: Gazetteer
    opds: OpdRegistry
    categories: tuple[str, ...]
    ids: frozenset[str]
    placeholders: frozenset[str] = frozenset()  # listed, no sure address yet


def _first(values: list[str]) -> str:
    return values[0] if values else ""


def check_name(value: str, _: Mapping[str, str], reg: AddRegistries) -> Checked:
    """The channel's public name, on one line."""
    value = " ".join(value.split())
    return Checked(value) if value else Checked(error="Nama kanal wajib diisi")


def check_kind(value: str, _: Mapping[str, str], reg: AddRegistries) -> Checked:
    """One of the registry's kinds."""
    value = value.strip().lower()
    if value in CHANNEL_KINDS:
        return Checked(value)
    return Checked(
        error=f"Jenis {value!r} tidak dikenal; pilihan: {', '.join(CHANNEL_KINDS)}",
        suggestion=_first(closest(value, CHANNEL_KINDS, 1)),
    )


def check_kecamatan(
    value: str, answers: Mapping[str, str], reg: AddRegistries
) -> Checked:
    """A kecamatan of the city, by its official name."""
    found = reg.gazetteer.find_kecamatan(value)
    if found is not None:
        return Checked(found.nama)
    return Checked(
        error=f"{value!r} bukan kecamatan di kota ini",
        suggestion=_first(reg.gazetteer.suggest_kecamatan(value)),
    )


def check_kelurahan(
    value: str, answers: Mapping[str, str], reg: AddRegistries
) -> Checked:
    """A kelurahan of the kecamatan answered before (if any)."""
    kecamatan = answers.get("kecamatan") or None
    found = reg.gazetteer.find_kelurahan(value, kecamatan)
    if len(found) == 1:
        return Checked(found[0].nama)
    if found:
        places = ", ".join(sorted(k.kecamatan for k in found))
        return Checked(error=f"{value!r} ada di beberapa kecamatan ({places})")
    where = f" di Kecamatan {kecamatan}" if kecamatan else ""
    return Checked(
        error=f"{value!r} bukan kelurahan{where}",
        suggestion=_first(reg.gazetteer.suggest_kelurahan(value, kecamatan)),
    )


def check_opd(value: str, _: Mapping[str, str], reg: AddRegistries) -> Checked:
    """An OPD by id, abbreviation or name; the id is kept."""
    found = reg.opds.find(value)
    if found is not None:
        return Checked(found.id)
    where = registry_file(reg.opds, "REGISTRIES['opd']")
    return Checked(
        error=f"{value!r} tidak ada di daftar OPD ({where})",
        suggestion=_first(reg.opds.suggest(value)),
    )


def check_category(value: str, _: Mapping[str, str], reg: AddRegistries) -> Checked:
    """One of the site's categories."""
    for category in reg.categories:
        if category.casefold() == value.strip().casefold():
            return Checked(category)
    return Checked(
        error=f"Kategori {value!r} tidak dikenal; pilihan: {', '.join(reg.categories)}",
        suggestion=_first(closest(value, reg.categories, 1)),
    )


def free_id(base: str, reg: AddRegistries) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever no channel uses yet."""
    candidate, number = base, 2
    while candidate in reg.ids:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def check_id(value: str, _: Mapping[str, str], reg: AddRegistries) -> Checked:
    """A new slug: lower-case letters, digits and single hyphens."""
    value = value.strip()
    if not _ID.match(value) or len(value) > 64:
        return Checked(
            error=f"Id {value!r}: pakai huruf kecil, angka dan tanda hubung "
            "(mis. kel-tlogosari-kulon)",
            suggestion=slugify_name(value)[:64].strip("-"),
        )
    if value in reg.ids and value not in reg.placeholders:
        return Checked(
            error=f"Id {value!r} sudah dipakai kanal lain",
            suggestion=free_id(value, reg),
        )
    return Checked(value)


_CITY_SUFFIX = re.compile(r"\s+(?:kota|kabupaten|kab\.?)\s+\S+$", re.IGNORECASE)


def find_opd(answers: Mapping[str, str], reg: AddRegistries) -> str:
    """The OPD of the site: by its web host, else by its name (city suffix off)."""
    host = answers.get("_host", "").lower().removeprefix("www.")
    for opd in reg.opds.items:
        if host and opd.website and opd.website.lower().removeprefix("www.") == host:
            return opd.id
    name = answers.get("name", "")
    found = reg.opds.find(name) or reg.opds.find(_CITY_SUFFIX.sub("", name))
    return found.id if found else ""


def _without(prefix: str, name: str) -> str:
    return name[len(prefix) :].strip() if name.lower().startswith(prefix) else ""


def default_kind(answers: Mapping[str, str], reg: AddRegistries) -> str:
    """Kelurahan/kecamatan by the name's first word, opd for a known OPD."""
    name = answers.get("name", "")
    for kind in ("kelurahan", "kecamatan"):
        if _without(kind, name):
            return kind
    return "opd" if find_opd(answers, reg) else ""


def default_kecamatan(answers: Mapping[str, str], reg: AddRegistries) -> str:
    """The kecamatan the name or the kelurahan implies."""
    name = answers.get("name", "")
    if answers.get("kind") == "kecamatan":
        found = reg.gazetteer.find_kecamatan(_without("kecamatan", name))
        return found.nama if found else ""
    kelurahan = reg.gazetteer.find_kelurahan(_without("kelurahan", name))
    return kelurahan[0].kecamatan if len(kelurahan) == 1 else ""


def default_kelurahan(answers: Mapping[str, str], reg: AddRegistries) -> str:
    """The kelurahan the name says (in the kecamatan answered)."""
    name = _without("kelurahan", answers.get("name", ""))
    found = reg.gazetteer.find_kelurahan(name, answers.get("kecamatan") or None)
    return found[0].nama if len(found) == 1 else ""


def default_opd(answers: Mapping[str, str], reg: AddRegistries) -> str:
    """The OPD the name is (or the kecamatan office of a kecamatan channel)."""
    if answers.get("kind") == "opd":
        return find_opd(answers, reg)
    if answers.get("kind") == "kecamatan" and answers.get("kecamatan"):
        found = reg.opds.find(f"kec-{slugify_name(answers['kecamatan'])}")
        return found.id if found else ""
    return ""


def default_id(answers: Mapping[str, str], reg: AddRegistries) -> str:
    """``kel-<kelurahan>``, ``kec-<kecamatan>``, the OPD's id, else the name."""
    kind = answers.get("kind", "")
    if kind == "kelurahan" and answers.get("kelurahan"):
        base = f"kel-{slugify_name(answers['kelurahan'])}"
    elif kind == "kecamatan" and answers.get("kecamatan"):
        base = f"kec-{slugify_name(answers['kecamatan'])}"
    elif kind == "opd" and answers.get("opd"):
        base = answers["opd"]
    else:
        base = slugify_name(answers.get("name", ""))[:60].strip("-")
    if base in reg.placeholders:
        return base  # fill in the entry that waits for this channel's address
    return free_id(base, reg) if base else ""
