"""The questions of ``invoke channel-add``, asked or answered by flags.

Each field is taken from its flag, else asked with a proposal in brackets
(Enter takes it, ``-`` empties an optional field), and checked by
``fields``; a wrong answer is explained with the closest valid value
offered. Without questions (``--yes``) every problem is collected and
reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from . import fields as f

Ask = Callable[[str], str]
Say = Callable[[str], None]
Check = Callable[[str, Mapping[str, str], f.AddRegistries], f.Checked]
Default = Callable[[Mapping[str, str], f.AddRegistries], str]
CLEAR = "-"


class ChannelAddError(Exception):
    """No entry can be made; the message says why (in Indonesian)."""


@dataclass(frozen=True)
class Field:
    """One question: the key, the prompt, the check, and the proposed answer."""

    key: str
    prompt: str
    check: Check
    required: Callable[[Mapping[str, str]], bool]
    default: Default | None = None


def _always(_: Mapping[str, str]) -> bool:
    return True


def _never(_: Mapping[str, str]) -> bool:
    return False


FIELDS = (
    Field("name", "Nama kanal", f.check_name, _always, lambda a, r: a.get("_site", "")),
    Field(
        "kind", "Jenis (opd, kecamatan, kelurahan, media)", f.check_kind, _always,
        f.default_kind,
    ),
    Field(
        "kecamatan", "Kecamatan", f.check_kecamatan,
        lambda a: a.get("kind") in ("kecamatan", "kelurahan"), f.default_kecamatan,
    ),
    Field(
        "kelurahan", "Kelurahan", f.check_kelurahan,
        lambda a: a.get("kind") == "kelurahan", f.default_kelurahan,
    ),
    Field("opd", "OPD (id atau nama; kosongkan bila tidak ada)", f.check_opd, _never,
          f.default_opd),
    Field("category", "Kategori bawaan (kosongkan: Berita)", f.check_category, _never),
    Field("id", "Id kanal", f.check_id, _always, f.default_id),
)  # fmt: skip


def _prompt(field: Field, default: str, reg: f.AddRegistries) -> str:
    text = field.prompt
    if field.key == "category":
        text += f" ({', '.join(reg.categories)})"
    return text + (f" [{default}]" if default else "") + ": "


def _ask_until_valid(
    field: Field, default: str, answers: Mapping[str, str], reg: f.AddRegistries,
    *, ask: Ask, say: Say,
) -> str:  # fmt: skip
    while True:
        try:
            raw = ask(_prompt(field, default, reg)).strip()
        except EOFError as exc:
            raise ChannelAddError("Dibatalkan: masukan berakhir.") from exc
        required = field.required(answers)
        if raw == CLEAR and not required:
            return ""
        raw = raw or default
        if not raw:
            if not required:
                return ""
            say("  Wajib diisi.")
            continue
        checked = field.check(raw, answers, reg)
        if checked.ok:
            return checked.value
        hint = f' — maksud Anda "{checked.suggestion}"?' if checked.suggestion else ""
        say(f"  {checked.error}{hint}")
        default = checked.suggestion


def _from_flag(
    field: Field, raw: str, answers: dict[str, str], reg: f.AddRegistries
) -> tuple[f.Checked, str]:
    """A flag's answer checked, and the problem to report without questions."""
    checked = field.check(raw, answers, reg)
    if checked.ok:
        return checked, ""
    hint = f' (maksud Anda "{checked.suggestion}"?)' if checked.suggestion else ""
    return checked, f"--{field.key}: {checked.error}{hint}"


def _without_questions(
    field: Field, default: str, answers: dict[str, str], reg: f.AddRegistries
) -> str:
    """Take the proposal for a field with no flag; the problem if there is none."""
    if default:
        answers[field.key] = field.check(default, answers, reg).value
    elif field.required(answers):
        return f"--{field.key}: wajib diisi ({field.prompt})"
    return ""


def collect_fields(
    given: Mapping[str, str | None],
    reg: f.AddRegistries,
    *,
    interactive: bool,
    ask: Ask,
    say: Say,
    site: tuple[str, str] = ("", ""),
) -> dict[str, str]:
    """Every field, valid: from the flags, else asked (or the proposal).

    ``site`` is the site's name and host, from which proposals are made.
    """
    answers: dict[str, str] = {"_site": site[0], "_host": site[1]}
    problems: list[str] = []
    for field in FIELDS:
        raw = (given.get(field.key) or "").strip()
        default = field.default(answers, reg) if field.default else ""
        if raw:
            checked, problem = _from_flag(field, raw, answers, reg)
            if checked.ok:
                answers[field.key] = checked.value
                continue
            if not interactive:
                problems.append(problem)
                continue
            say(f"  {checked.error}")
            default = checked.suggestion or default
        elif not interactive:
            problems.append(_without_questions(field, default, answers, reg))
            continue
        answers[field.key] = _ask_until_valid(
            field, default, answers, reg, ask=ask, say=say
        )
    if any(problems):
        listed = "\n".join(f"  {p}" for p in problems if p)
        raise ChannelAddError(f"Kanal tidak dibuat:\n{listed}")
    return {k: v for k, v in answers.items() if v and not k.startswith("_")}
