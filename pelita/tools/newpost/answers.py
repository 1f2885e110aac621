"""Validate one answer to one question, with the value to offer instead.

Each validator takes the raw text (and the answers so far) and returns a
:class:`Checked`: the clean value, or what is wrong plus the closest valid
choice. The same registries and rules as ``invoke check`` decide, so a post
written by ``invoke new-post`` passes the check's field rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from pelita.core.prestasi import validate_award_metadata
from pelita.core.registries import Gazetteer, OpdRegistry, closest
from pelita.core.schema import ROLE_DEFAULTS, CategoryRoles
from pelita.core.slugs import SLUG_RE
from pelita.core.urlsafety import web_url_problem
from pelita.core.wilayah import resolve_metadata
from pelita.tools.check.datetext import DateTextError, parse_date_text
from pelita.tools.check.imageinfo import SUPPORTED_SUFFIXES, inspect_image
from pelita.tools.check.klarifikasi_fields import PUTUSAN
from pelita.tools.check.prestasi_fields import FIRST_YEAR, validate_prestasi
from pelita.tools.check.wilayah_fields import validate_wilayah


@dataclass(frozen=True)
class Checked:
    """A validated answer (``value``), or an ``error`` and a ``suggestion``."""

    value: str = ""
    error: str = ""
    suggestion: str = ""
    note: str = ""

    @property
    def ok(self) -> bool:
        """Whether the answer can be used."""
        return not self.error


@dataclass
class Registries:
    """What the validators look things up in."""

    categories: list[str]
    gazetteer: Gazetteer
    opd: OpdRegistry
    timezone: ZoneInfo
    now: dt.datetime
    taken_slugs: set[str]
    content: Path
    slug_substitutions: list | None = None
    roles: CategoryRoles = ROLE_DEFAULTS


def one_line(value: str) -> str:
    """Collapse whitespace: a header value must stay on one line."""
    return " ".join(str(value).split())


def _choice(value: str, allowed: list[str] | tuple[str, ...], label: str) -> Checked:
    for option in allowed:
        if option.casefold() == value.casefold():
            return Checked(option)
    hint = closest(value, allowed, 1)
    return Checked(
        error=f'{label} "{value}" tidak dikenal; pilihan: {", ".join(allowed)}',
        suggestion=hint[0] if hint else "",
    )


def check_title(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """Any non-empty text; very long titles are cut off in link previews."""
    value = one_line(value)
    if len(value) < 10:
        return Checked(error="Judul terlalu pendek; tulis judul yang utuh")
    return Checked(value)


def check_category(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """One of ``CATEGORIES`` (any case)."""
    return _choice(one_line(value), reg.categories, "Kategori")


def check_opd(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """An OPD id, abbreviation or full name; written as its id."""
    found = reg.opd.find(value)
    if found:
        return Checked(found.id, note=f"{found.id}: {found.nama}")
    hints = reg.opd.suggest(value)
    return Checked(
        error=f'OPD "{value}" tidak dikenal', suggestion=hints[0] if hints else ""
    )


def check_kecamatan(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """Kecamatan of the city (several separated by commas), by official name."""
    resolved = resolve_metadata(value, "", reg.gazetteer)
    if resolved.none:
        return Checked("-")
    if not resolved.problems:
        return Checked(", ".join(k.nama for k in resolved.kecamatan))
    found = resolved.problems[0]
    hint = found.suggestions[0] if found.suggestions else ""
    return Checked(
        error=validate_wilayah(value, "", reg.gazetteer)[0].message,
        suggestion=value.replace(found.value, hint) if hint else "",
    )


def check_kelurahan(value: str, answers: Mapping[str, str], reg: Registries) -> Checked:
    """Kelurahan inside the chosen kecamatan (the build's own rule)."""
    kecamatan = answers.get("kecamatan", "")
    resolved = resolve_metadata(kecamatan, value, reg.gazetteer)
    if not resolved.problems:
        return Checked(", ".join(k.nama for k in resolved.kelurahan))
    found = resolved.problems[0]
    hints = [s for s in found.suggestions if reg.gazetteer.find_kelurahan(s)]
    return Checked(
        error=validate_wilayah(kecamatan, value, reg.gazetteer)[0].message,
        suggestion=value.replace(found.value, hints[0]) if hints else "",
    )


def check_date(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """``YYYY-MM-DD HH:MM`` in the site's time zone, not in the future."""
    try:
        parsed = parse_date_text(value, reg.timezone)
    except DateTextError as exc:
        guess = re.search(r'"([^"]+)"', exc.suggestion)
        return Checked(error=exc.message, suggestion=guess.group(1) if guess else "")
    if parsed.value > reg.now + dt.timedelta(hours=1):
        return Checked(
            error="Tanggal terbit masih di masa depan",
            suggestion=reg.now.strftime("%Y-%m-%d %H:%M"),
        )
    return Checked(parsed.value.astimezone(reg.timezone).strftime("%Y-%m-%d %H:%M"))


def check_slug(value: str, answers: Mapping[str, str], reg: Registries) -> Checked:
    """Lower-case words joined by hyphens, not used by any other post."""
    value = one_line(value).lower()
    if not SLUG_RE.match(value):
        return Checked(
            error=f'Slug "{value}" hanya boleh huruf kecil, angka, dan tanda hubung',
            suggestion=re.sub(r"[^a-z0-9]+", "-", value).strip("-"),
        )
    year = (answers.get("date") or reg.now.strftime("%Y"))[:4]
    if (
        value in reg.taken_slugs
        or (reg.content / "posts" / year / f"{value}.md").exists()
    ):
        return Checked(error=f'Slug "{value}" sudah dipakai tulisan lain',
                       suggestion=free_slug(value, reg))  # fmt: skip
    return Checked(value)


def free_slug(slug: str, reg: Registries) -> str:
    """``slug-2``, ``slug-3``, … : the first one nobody uses."""
    number = 2
    while f"{slug}-{number}" in reg.taken_slugs:
        number += 1
    return f"{slug}-{number}"


def check_image(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """A photo on this computer, in a format the site can show."""
    path = Path(value.strip().strip("'\"")).expanduser()
    if not path.is_file():
        return Checked(error=f"Berkas {path} tidak ditemukan")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return Checked(
            error=f"Format {path.suffix} tidak bisa ditampilkan; ubah ke JPG"
        )
    info = inspect_image(path)
    if info.error:
        return Checked(error=f"Berkas {path.name} {info.error}")
    note = ""
    if info.gps is not None:
        note = ("Foto ini menyimpan lokasi GPS: salinannya di repositori disimpan "
                "tanpa lokasi dan data kamera.")  # fmt: skip
    return Checked(str(path), note=note)


def check_required_text(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """Any one-line text."""
    value = one_line(value)
    return Checked(value) if value else Checked(error="Wajib diisi")


def _award_field(key: str, value: str, reg: Registries) -> Checked:
    """One achievement field, judged by the prestasi plugin's own rule."""
    value = one_line(value)
    if not value:
        return Checked(error="Wajib diisi")
    fields = {key: value}
    found = validate_award_metadata(fields, reg.opd, reg.gazetteer)
    if not found:
        return Checked(value.casefold() if key == "tingkat" else value)
    (issue,) = validate_prestasi(fields, "", opd=reg.opd, gazetteer=reg.gazetteer)
    return Checked(error=issue.message, suggestion=found[0].suggestion or "")


def check_tingkat(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """internasional, nasional, provinsi, kota, kecamatan or kelurahan."""
    return _award_field("tingkat", value, reg)


def check_penerima(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """An OPD id, a kecamatan or kelurahan, or a name written out."""
    return _award_field("penerima", value, reg)


def check_tahun(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """A four-digit year, not in the future."""
    value = value.strip()
    if value.isdigit() and FIRST_YEAR <= int(value) <= reg.now.year:
        return Checked(value)
    return Checked(error=f'Tahun "{value}" tidak mungkin', suggestion=str(reg.now.year))


def check_url(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """A plain web address starting with https:// (the check's own rule)."""
    value = value.strip()
    found = web_url_problem(value)
    if found is None:
        return Checked(value)
    return Checked(error=f'"{value}" {found.message}', suggestion=found.suggestion)


def check_putusan(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """One of the post schema's verdicts (Hoaks, Disinformasi, ..., Benar)."""
    return _choice(one_line(value), PUTUSAN, "Putusan")


def check_tags(value: str, _: Mapping[str, str], reg: Registries) -> Checked:
    """Comma-separated topics, lower case, no duplicates."""
    tags = [one_line(t).lower() for t in value.split(",")]
    return Checked(", ".join(dict.fromkeys(t for t in tags if t)))
