"""Print a check result for admins, for CI annotations, or as JSON."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .codes import title_of
from .model import CheckResult, Problem

GUIDE = "docs/panduan-admin.md#pesan-invoke-check"


def format_problem(found: Problem) -> str:
    """``path:line: kesalahan: message — suggestion [code]``."""
    text = f"{found.location()}: {found.severity.value}: {found.message}"
    if found.suggestion:
        text += f" — {found.suggestion}"
    return f"{text} [{found.code}]"


def summary(result: CheckResult) -> str:
    """One closing sentence: how many errors and warnings in how many files."""
    errors, warnings = len(result.errors), len(result.warnings)
    files = len({p.path for p in result.problems})
    checked = f"{result.files_checked} tulisan diperiksa"
    if not errors and not warnings:
        return f"Semua beres: {checked}, tidak ada masalah."
    verdict = (
        "Perbaiki kesalahan sebelum menerbitkan."
        if errors
        else "Tidak ada kesalahan; peringatan sebaiknya tetap diperbaiki."
    )
    return (
        f"{errors} kesalahan dan {warnings} peringatan di {files} berkas "
        f"({checked}). {verdict} Penjelasan setiap pesan: {GUIDE}"
    )


def write_text(result: CheckResult, out: TextIO) -> None:
    """The human-readable report, one problem per line, then the summary."""
    for found in result.problems:
        out.write(format_problem(found) + "\n")
    if result.problems:
        out.write("\n")
    out.write(summary(result) + "\n")


def _escape(value: str, properties: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if properties:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def write_github(result: CheckResult, out: TextIO) -> None:
    """GitHub Actions workflow commands, so problems show on the changed lines."""
    for found in result.problems:
        level = "error" if found.is_error else "warning"
        props = f"file={_escape(found.path, True)}"
        if found.line:
            props += f",line={found.line}"
        props += f",title={_escape(title_of(found.code), True)}"
        message = found.message + (f" — {found.suggestion}" if found.suggestion else "")
        out.write(f"::{level} {props}::{_escape(message)}\n")


def as_json(result: CheckResult) -> dict[str, Any]:
    """The result as plain data (for the deploy gate and other tools)."""
    return {
        "ok": result.ok,
        "files_checked": result.files_checked,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "severity": "error" if p.is_error else "warning",
                "code": p.code,
                "message": p.message,
                "suggestion": p.suggestion,
            }
            for p in result.problems
        ],
    }


def write_json(result: CheckResult, out: TextIO) -> None:
    """The result as one JSON document."""
    json.dump(as_json(result), out, ensure_ascii=False, indent=2)
    out.write("\n")
