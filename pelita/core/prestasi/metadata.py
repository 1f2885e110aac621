"""Achievement metadata (``Prestasi``, ``Penghargaan``, ``Tingkat``, ...).

:func:`validate_award_metadata` is the one place these fields are checked:
the build logs its problems as warnings and ignores the bad values (one
admin's typo never stops the nightly build), ``invoke check`` can fail on
them. :func:`award_fields` returns only the values that passed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pelita.core.registries import Gazetteer, OpdRegistry, closest
from pelita.core.urlsafety import web_url_problem

from .model import LEVELS, Problem
from .recipient import looks_like_id, resolve_recipient

# Metadata keys as Pelican reads them (lower case) and as admins write them.
FIELDS: dict[str, str] = {
    "prestasi": "Prestasi",
    "penghargaan": "Penghargaan",
    "pemberi": "Pemberi",
    "tingkat": "Tingkat",
    "penerima": "Penerima",
    "tahun": "Tahun",
    "bukti": "Bukti",
}
DECISIONS = ("ya", "tidak")
_SYNONYMS = {
    "yes": "ya", "iya": "ya", "y": "ya", "true": "ya", "1": "ya", "benar": "ya",
    "no": "tidak", "n": "tidak", "false": "tidak", "0": "tidak", "bukan": "tidak",
    "tdk": "tidak", "dunia": "internasional", "global": "internasional",
    "pusat": "nasional", "jateng": "provinsi", "jawa tengah": "provinsi",
    "kotamadya": "kota", "kabupaten/kota": "kota", "kecamatan": "kota",
    "kelurahan": "kota",
}  # fmt: skip
_MAX_TEXT = 200
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class AwardFields:
    """The valid achievement fields of one post (None where absent or invalid)."""

    decision: str | None = None  # "ya", "tidak" or None
    name: str | None = None
    giver: str | None = None
    level: str | None = None
    recipient: str | None = None
    year: int | None = None
    evidence: str | None = None

    @property
    def explicit(self) -> bool:
        """True when the admin said this is an achievement (or described one)."""
        if self.decision is not None:
            return self.decision == "ya"
        return any((self.name, self.giver, self.level))


def _text(meta: Mapping[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    return " ".join(str(value).split())


def _suggest(value: str, choices: tuple[str, ...]) -> str | None:
    key = value.casefold()
    if key in _SYNONYMS and _SYNONYMS[key] in choices:
        return _SYNONYMS[key]
    found = closest(value, choices, 1)
    return found[0] if found else None


def _check_choice(field: str, value: str, choices: tuple[str, ...]) -> list[Problem]:
    if value.casefold() in choices:
        return []
    return [
        Problem(
            FIELDS[field], value, "is not allowed", " | ".join(choices),
            _suggest(value, choices),
        )
    ]  # fmt: skip


def _check_free_text(field: str, value: str) -> list[Problem]:
    if not value:
        return [Problem(FIELDS[field], value, "is empty", "a name, or no line")]
    if len(value) > _MAX_TEXT:
        return [
            Problem(
                FIELDS[field], value[:40] + "...", f"is {len(value)} characters long",
                f"at most {_MAX_TEXT}",
            )
        ]  # fmt: skip
    if _TAG.search(value):
        return [Problem(FIELDS[field], value, "contains HTML", "plain text")]
    return []


def _year_of(date: Any) -> int | None:
    return date.year if isinstance(date, dt.date) else None


def _check_year(value: str, date: Any) -> list[Problem]:
    latest = (_year_of(date) or 2100) + 1
    if re.fullmatch(r"\d{4}", value) and 1945 <= int(value) <= latest:
        return []
    return [Problem("Tahun", value, "is not a year", f"a year from 1945 to {latest}")]


def _check_url(value: str) -> list[Problem]:
    if web_url_problem(value) is None:  # the one rule for every address
        return []
    parts = urlsplit(value)
    hint = None
    if not parts.scheme and re.match(r"^[\w-]+(\.[\w-]+)+(/\S*)?$", value):
        hint = f"https://{value}"
    return [
        Problem("Bukti", value, "is not a web link", "a link starting https://", hint)
    ]


def _check_recipient(
    value: str, opd: OpdRegistry | None, gazetteer: Gazetteer | None
) -> list[Problem]:
    problems = _check_free_text("penerima", value)
    if problems or opd is None or gazetteer is None:
        return problems
    found = resolve_recipient(value, opd, gazetteer)
    if found.resolved or not (looks_like_id(value) or found.prefix):
        return []
    if found.prefix == "kecamatan":
        hint = gazetteer.suggest_kecamatan(value, 1)
        expected = "a kecamatan in the gazetteer"
    elif found.prefix == "kelurahan":
        hint = gazetteer.suggest_kelurahan(value, None, 1)
        expected = "a kelurahan in the gazetteer"
    else:
        hint = opd.suggest(value, 1)
        expected = "an OPD id from the OPD list, or a name written out"
    return [
        Problem(
            "Penerima", value, "is not in the registries", expected,
            hint[0] if hint else None,
        )
    ]  # fmt: skip


def validate_award_metadata(
    meta: Mapping[str, Any],
    opd: OpdRegistry | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[Problem]:
    """Every problem with the achievement fields of one post's metadata.

    ``meta`` uses Pelican's lower-case keys (a ``date`` key, if present,
    bounds ``Tahun``). With the registries, ``Penerima`` written as an OPD id
    or as "Kecamatan ..."/"Kelurahan ..." must name a real one.
    """
    problems: list[Problem] = []
    for key in FIELDS:
        value = _text(meta, key)
        if value is None:
            continue
        if key == "prestasi":
            problems += _check_choice(key, value, DECISIONS)
        elif key == "tingkat":
            problems += _check_choice(key, value, LEVELS)
        elif key == "tahun":
            problems += _check_year(value, meta.get("date"))
        elif key == "bukti":
            problems += _check_url(value)
        elif key == "penerima":
            problems += _check_recipient(value, opd, gazetteer)
        else:
            problems += _check_free_text(key, value)
    return problems


def award_fields(
    meta: Mapping[str, Any], problems: list[Problem] | None = None
) -> AwardFields:
    """The achievement fields that passed validation (``problems`` from above)."""
    if problems is None:
        problems = validate_award_metadata(meta)
    bad = {p.field for p in problems}
    values = {key: _text(meta, key) for key, name in FIELDS.items() if name not in bad}
    decision = values.get("prestasi")
    level = values.get("tingkat")
    year = values.get("tahun")
    return AwardFields(
        decision=decision.casefold() if decision else None,
        name=values.get("penghargaan") or None,
        giver=values.get("pemberi") or None,
        level=level.casefold() if level else None,
        recipient=values.get("penerima") or None,
        year=int(year) if year else None,
        evidence=values.get("bukti") or None,
    )
