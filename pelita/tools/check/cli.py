"""The ``invoke check`` command: run, print, and say how it went."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from .reporter import write_github, write_json, write_text
from .runner import run_check


def main(
    settings: Mapping[str, Any],
    paths: Iterable[str] | None = None,
    *,
    strict: bool = False,
    output: str = "text",
    root: Path | None = None,
    out: TextIO | None = None,
) -> int:
    """Check, print the report in ``output`` form, return the exit code.

    ``output`` is ``text`` (for people), ``json`` (for tools) or ``github``
    (workflow annotations followed by the text report); inside GitHub Actions
    the annotations are added to the text report automatically.
    """
    out = out or sys.stdout
    result = run_check(settings, list(paths) if paths else None, root=root)
    if output == "json":
        write_json(result, out)
    else:
        if output == "github" or os.environ.get("GITHUB_ACTIONS") == "true":
            write_github(result, out)
        write_text(result, out)
    return result.exit_code(strict)
