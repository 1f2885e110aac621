"""The settings manual's tables, made from the declarations of :mod:`.catalog`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .catalog import SETTINGS
from .merge import Option, Setting


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _default(value: Any) -> str:
    text = '""' if isinstance(value, str) and not value else repr(value)
    return f"`{_cell(text)}`"


def _rows(options: tuple[Option, ...], prefix: str = "") -> Iterator[str]:
    for option in options:
        key = f"{prefix}{option.key}"
        if option.options:
            yield f"| `{key}` | | {_cell(option.doc)}: |"
            yield from _rows(option.options, f"{key}.")
        else:
            yield f"| `{key}` | {_default(option.default)} | {_cell(option.doc)} |"


def setting_section(setting: Setting) -> str:
    """One setting's heading, what it is for, and its table of options."""
    lines = [
        f"### `{setting.name}`",
        "",
        f"{setting.doc} Read by `{setting.owner}`.",
        "",
        "| key | default | meaning |",
        "|---|---|---|",
        *_rows(setting.options),
    ]
    return "\n".join(lines) + "\n"


def settings_reference(settings: Mapping[str, Any] | None = None) -> str:
    """Every dict setting's section, in the catalog's order."""
    del settings  # the declarations alone make the manual
    return "\n".join(setting_section(setting) for setting in SETTINGS)
