"""Collect the answers: from flags, from the admin at a prompt, or both.

Flags are checked like typed answers. With ``interactive`` the admin is
asked for whatever is missing or wrong, with the closest valid value offered
in brackets (Enter takes it); without it, every problem is collected and
reported at once, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .answers import Checked, Registries
from .questions import QUESTIONS, Question

Ask = Callable[[str], str]
Say = Callable[[str], None]
CLEAR = "-"


class NewPostError(Exception):
    """The post cannot be written; the message lists every reason."""


def prompt_text(question: Question, default: str, reg: Registries) -> str:
    """The line shown to the admin, with the choices and the default."""
    text = question.prompt
    if question.key == "category":
        text += f" ({', '.join(reg.categories)})"
    return text + (f" [{default}]" if default else "") + ": "


def _explain(checked: Checked) -> str:
    hint = f' — maksud Anda "{checked.suggestion}"?' if checked.suggestion else ""
    enter = " Tekan Enter untuk memakainya." if checked.suggestion else ""
    return f"  {checked.error}{hint}{enter}"


def ask_until_valid(
    question: Question,
    default: str,
    answers: Mapping[str, str],
    reg: Registries,
    *,
    ask: Ask,
    say: Say,
) -> str:
    """Ask one question until the answer is valid (or empty when allowed)."""
    while True:
        try:
            raw = ask(prompt_text(question, default, reg)).strip()
        except EOFError as exc:
            raise NewPostError(
                "Dibatalkan: masukan berakhir sebelum semua terjawab."
            ) from exc
        if raw == CLEAR and not question.required:
            return ""
        raw = raw or default
        if not raw:
            if not question.required:
                return ""
            say("  Wajib diisi.")
            continue
        checked = question.check(raw, answers, reg)
        if checked.ok:
            if checked.note:
                say(f"  {checked.note}")
            return checked.value
        say(_explain(checked))
        default = checked.suggestion


def collect_answers(
    given: Mapping[str, str | None],
    reg: Registries,
    *,
    interactive: bool,
    ask: Ask,
    say: Say,
) -> dict[str, str]:
    """Every applicable answer, valid; raise :class:`NewPostError` otherwise."""
    answers: dict[str, str] = {}
    problems: list[str] = []
    for question in QUESTIONS:
        if not question.applies(answers, reg):
            continue
        raw = (given.get(question.key) or "").strip()
        default = question.default(answers, reg) if question.default else ""
        if raw:
            checked = question.check(raw, answers, reg)
            if checked.ok:
                answers[question.key] = checked.value
                if checked.note:
                    say(f"  {checked.note}")
                continue
            if not interactive:
                problems.append(_flag_problem(question, checked))
                continue
            say(_explain(checked))
            default = checked.suggestion
        elif not interactive:
            if question.automatic and default:
                answers[question.key] = question.check(default, answers, reg).value
            elif question.required:
                problems.append(f"--{_flag(question)}: wajib diisi ({question.prompt})")
            continue
        answers[question.key] = ask_until_valid(
            question, default, answers, reg, ask=ask, say=say
        )
    if problems:
        raise NewPostError(
            "Tulisan tidak dibuat:\n" + "\n".join(f"  {p}" for p in problems)
        )
    return {key: value for key, value in answers.items() if value}


def _flag(question: Question) -> str:
    return {"date": "tanggal", "image_alt": "image-alt"}.get(question.key, question.key)


def _flag_problem(question: Question, checked: Checked) -> str:
    hint = f' (maksud Anda "{checked.suggestion}"?)' if checked.suggestion else ""
    return f"--{_flag(question)}: {checked.error}{hint}"
