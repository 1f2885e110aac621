"""A registry entry as YAML text, appended to ``data/channels.yml`` as text.

The registry is edited by people: its comments, order and layout matter more
than a machine's idea of YAML. So a new channel is never written by loading
and dumping the file; its entry is rendered as text in the registry's own
indentation and appended at the end of the ``channels:`` list, or put in the
place of a placeholder entry of the same id (a channel listed without a sure
address: the registry names every kelurahan). The result is validated as
a whole (the registry's own validator, duplicates included) before it
replaces the file, atomically; on any error the file is untouched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from pelita.importer.errors import ChannelConfigError
from pelita.importer.model import HtmlRules
from pelita.importer.registry.channels import load_channels
from pelita.importer.writing.files import atomic_write

ENTRY_ORDER = ("id", "name", "kind", "url", "kecamatan", "kelurahan", "opd", "category")
_PLAIN = re.compile(r"^[A-Za-z0-9][\w .,/()'&+:?=%~@;-]*$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)- id:", re.MULTILINE)


def scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back the same, else quoted."""
    plain = (
        _PLAIN.match(value)
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
    )
    if plain:
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _html_lines(rules: HtmlRules, pad: str) -> list[str]:
    lines = [f"{pad}format: html", f"{pad}html:"]
    inner = pad + "  "
    for field in ("items", "next", "max_pages", "title", "date", "body", "image"):
        value = getattr(rules, field)
        if field == "max_pages":
            if rules.next:
                lines.append(f"{inner}max_pages: {value}")
        elif value:
            lines.append(f"{inner}{field}: {json.dumps(value, ensure_ascii=False)}")
    if rules.subdomains:
        lines.append(f"{inner}subdomains: true")
    if rules.remove:
        listed = ", ".join(json.dumps(r, ensure_ascii=False) for r in rules.remove)
        lines.append(f"{inner}remove: [{listed}]")
    return lines


def render_entry(
    fields: Mapping[str, str],
    rules: HtmlRules | None = None,
    indent: str = "  ",
    comment: str = "",
) -> str:
    """The entry's lines, list item first, in the registry's indentation."""
    pad = indent + "  "
    lines = [f"{indent}# {line}" for line in comment.splitlines() if line.strip()]
    first = True
    for key in ENTRY_ORDER:
        value = fields.get(key)
        if not value:
            continue
        lead = f"{indent}- " if first else pad
        lines.append(f"{lead}{key}: {scalar(value)}")
        first = False
    if rules is not None:
        lines.extend(_html_lines(rules, pad))
    if fields.get("note"):
        lines.append(f"{pad}note: {scalar(fields['note'])}")
    return "\n".join(lines) + "\n"


def item_indent(text: str) -> str:
    """The indentation of the registry's list items (two spaces if none yet)."""
    found = _ITEM.search(text)
    return found.group("indent") if found else "  "


def appended(text: str, entry: str) -> str:
    """The registry text with ``entry`` added at the end, after one blank line."""
    return text.rstrip("\n") + "\n\n" + entry


def replaced(text: str, channel_id: str, entry: str) -> str:
    """The registry text with the entry of ``channel_id`` replaced by ``entry``.

    The old entry is its ``- id:`` line and the lines indented under it;
    comments at the list's own indentation belong to the next entry and stay.
    """
    lines = text.splitlines(keepends=True)
    head = re.compile(
        rf"^(?P<indent>[ \t]*)- id:\s*[\"']?{re.escape(channel_id)}[\"']?\s*(#.*)?$"
    )
    start = next((i for i, line in enumerate(lines) if head.match(line)), None)
    if start is None:
        raise ChannelConfigError(
            f"the entry of {channel_id!r} does not start with '- id: {channel_id}'; "
            "edit it by hand"
        )
    deeper = head.match(lines[start]).group("indent") + "  "  # type: ignore[union-attr]
    end = start + 1
    while end < len(lines) and (
        lines[end].startswith(deeper) or not lines[end].strip()
    ):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return "".join(lines[:start]) + entry + "".join(lines[end:])


def write_entry(
    path: Path,
    entry: str,
    check: Mapping[str, object],
    *,
    replaces: str | None = None,
    dry_run: bool = False,
) -> None:
    """Add ``entry`` to the registry at ``path`` if the result validates.

    Appended, or in the place of the placeholder entry ``replaces``.
    ``check`` holds ``load_channels``' other arguments. The candidate is
    written next to the registry (so relative feed paths resolve as they
    will) and validated; unless ``dry_run``, the registry is then replaced.
    """
    text = path.read_text(encoding="utf-8")
    new_text = replaced(text, replaces, entry) if replaces else appended(text, entry)
    candidate = path.with_name(f".{path.name}.channel-add")
    try:
        candidate.write_text(new_text, encoding="utf-8")
        load_channels(candidate, **check)  # type: ignore[arg-type]
    except ChannelConfigError as exc:
        raise ChannelConfigError(str(exc).replace(str(candidate), str(path))) from exc
    finally:
        candidate.unlink(missing_ok=True)
    if not dry_run:
        atomic_write(path, new_text)
