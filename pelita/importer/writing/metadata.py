"""The Markdown file's metadata header: written safely, read back the same way.

Pelican reads the header with Python-Markdown's ``meta`` extension: one
``Key: value`` per line up to the first blank line, values stripped, a line
indented by four spaces continuing the previous value. Every value written
here is one line of ``sanitize.plain_text`` (no line separators, no control
characters), so no title can end the header early, add a key, or spill into
the body.

``Import_hash`` is the SHA-256 of the file without that line: it tells, from
the file alone, whether anyone edited the file since the importer wrote it
(``pelita.core.importhash`` owns the rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

# The seal is the core's (provenance decides severity in ``invoke check``);
# the importer's modules import it from here with the header rules.
from pelita.core.importhash import HASH_KEY, document_hash, seal, strip_hash_line

__all__ = [
    "HASH_KEY",
    "ID_KEY",
    "document_hash",
    "parse_header",
    "read_header",
    "render_document",
    "seal",
    "strip_hash_line",
]

ID_KEY = "Import_id"
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)$")
_MAX_HEADER_LINES = 200


def render_document(metadata: Iterable[tuple[str, str]], body: str) -> str:
    """The file's text without ``Import_hash``: header, blank line, body."""
    lines = [f"{key}: {value}" for key, value in metadata if value]
    return "\n".join(lines) + "\n\n" + body.rstrip() + "\n"


def parse_header(lines: Iterable[str]) -> dict[str, str]:
    """Header keys (lower-cased, as Pelican sees them) and their values."""
    meta: dict[str, str] = {}
    key = None
    for count, raw in enumerate(lines):
        line = raw.rstrip("\r\n")
        if not line.strip() or count > _MAX_HEADER_LINES:
            break
        match = _META.match(line)
        if match:
            key = match.group("key").lower()
            meta[key] = match.group("value").strip()
            continue
        more = _MORE.match(line)
        if more and key:
            meta[key] = f"{meta[key]} {more.group('value').strip()}".strip()
            continue
        break
    return meta


def read_header(path: Path) -> dict[str, str]:
    """The metadata of a Markdown file, reading only its header."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            return parse_header(handle)
    except OSError:
        return {}
