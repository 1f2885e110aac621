"""The report on an editor's pull request: the check's findings, and urgency.

The pull-request workflow (``.github/workflows/editor-review.yml``) runs
``invoke check --format json`` on the posts a pull request changes, then
this module: it writes the comment the admin and the editor read on the pull
request (and the job summary), and says whether the pull request carries a
Klarifikasi, which is labelled ``mendesak`` so reviewers take it first.

    python -m pelita.tools.webeditor.review --check check.json --out comment.md FILE...
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pelita.core.schema import ROLE_DEFAULTS
from pelita.tools.check.source import parse_source

MARKER = "<!-- pelita-ruang-redaksi -->"
GUIDE = "docs/panduan-admin.md#pesan-invoke-check"


def urgent_posts(
    paths: Iterable[Path], clarifications: str = ROLE_DEFAULTS.clarifications
) -> list[str]:
    """The posts among ``paths`` filed under the clarifications category."""
    found = []
    for path in paths:
        if path.suffix != ".md" or not path.is_file():
            continue
        source = parse_source(path, str(path), "admin", is_page=False)
        if source.get("category").strip() == clarifications:
            found.append(path.as_posix())
    return found


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def review_comment(check: dict[str, Any], urgent: Sequence[str]) -> str:
    """The pull request's comment, in Indonesian, as Markdown."""
    lines = [MARKER, "### Pemeriksaan Ruang Redaksi", ""]
    if urgent:
        lines += [
            "**MENDESAK: klarifikasi hoaks.** Mohon ditinjau dan diterbitkan "
            "lebih dulu: " + ", ".join(f"`{p}`" for p in urgent),
            "",
        ]
    errors, warnings = check.get("errors", 0), check.get("warnings", 0)
    if not errors and not warnings:
        lines.append(
            f"✅ `invoke check` tidak menemukan masalah "
            f"({check.get('files_checked', 0)} tulisan diperiksa)."
        )
        return "\n".join(lines) + "\n"
    verdict = "❌ belum bisa diterbitkan" if errors else "⚠️ boleh diterbitkan"
    lines += [
        f"{verdict}: {errors} kesalahan, {warnings} peringatan. "
        f"Penjelasan setiap pesan: {GUIDE}.",
        "",
        "| berkas | jenis | masalah | saran |",
        "|---|---|---|---|",
    ]
    for problem in check.get("problems", []):
        where = problem["path"] + (f":{problem['line']}" if problem.get("line") else "")
        lines.append(
            f"| `{_cell(where)}` | {problem['severity']} | "
            f"{_cell(problem['message'])} [{problem['code']}] | "
            f"{_cell(problem.get('suggestion') or '')} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write the comment; put ``urgent=true|false`` in the step's outputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    check = json.loads(args.check.read_text(encoding="utf-8"))
    urgent = urgent_posts(args.files)
    args.out.write_text(review_comment(check, urgent), encoding="utf-8")
    outputs = os.environ.get("GITHUB_OUTPUT")
    if outputs:
        with Path(outputs).open("a", encoding="utf-8") as handle:
            handle.write(f"urgent={'true' if urgent else 'false'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
