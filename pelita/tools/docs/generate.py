"""Rewrite the generated parts of Markdown files from the code and settings."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pelita.core.contract import contract_tables
from pelita.core.schema import metadata_table, verdict_table
from pelita.core.settings.docs import settings_reference

Part = Callable[[Mapping[str, Any]], str]

# Which part goes in which file: file (relative to the checkout) -> parts.
GENERATED: dict[str, dict[str, Part]] = {
    "docs/writing.md": {"metadata-keys": metadata_table},
    "docs/settings.md": {"settings-reference": settings_reference},
    "docs/panduan-admin.md": {"verdicts": verdict_table},
    "docs/plugins.md": {"plugin-contract": contract_tables},
}


class DocsError(ValueError):
    """A generated part's markers are missing or broken in a file."""


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- generated: {re.escape(name)} [^\n]*-->\n)(.*?)(<!-- end: "
        rf"{re.escape(name)} -->)",
        re.DOTALL,
    )


def render(text: str, parts: Mapping[str, Part], settings: Mapping[str, Any]) -> str:
    """``text`` with each named part replaced by its freshly made content."""
    for name, make in parts.items():
        pattern = _pattern(name)
        if not pattern.search(text):
            raise DocsError(
                f"no generated part {name!r}: expected a line "
                f"'<!-- generated: {name} (…) -->' and later '<!-- end: {name} -->'"
            )
        content = make(settings)
        text = pattern.sub(
            lambda m, content=content: m.group(1) + content + m.group(3), text
        )
    return text


def stale_parts(root: Path, settings: Mapping[str, Any]) -> list[str]:
    """The files (relative to ``root``) whose generated parts are out of date."""
    stale = []
    for name, parts in GENERATED.items():
        text = (root / name).read_text(encoding="utf-8")
        if render(text, parts, settings) != text:
            stale.append(name)
    return stale


def refresh(root: Path, settings: Mapping[str, Any]) -> list[str]:
    """Rewrite every generated part under ``root``; return the files changed."""
    changed = []
    for name, parts in GENERATED.items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        fresh = render(text, parts, settings)
        if fresh != text:
            path.write_text(fresh, encoding="utf-8")
            changed.append(name)
    return changed
