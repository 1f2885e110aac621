"""Parse a YAML registry and report syntax errors with the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class YamlFileError(ValueError):
    """A YAML file cannot be used: ``path``, ``line`` (or None) and ``detail``."""

    def __init__(self, path: Path, line: int | None, detail: str) -> None:
        super().__init__(f"{path}:{line or 1}: {detail}")
        self.path = path
        self.line = line
        self.detail = detail


def load_yaml(path: Path) -> Any:
    """``yaml.safe_load`` of ``path``, with errors worded for an admin."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlFileError(path, None, f"bukan teks UTF-8 (byte {exc.start})") from exc
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "susunan tidak terbaca"
        raise YamlFileError(
            path, mark.line + 1 if mark else None, f"YAML tidak terbaca: {what}"
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlFileError(path, None, f"YAML tidak terbaca: {exc}") from exc
