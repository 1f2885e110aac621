"""The Markdown file's metadata header: written safely, read back the same way.

Pelican reads the header with Python-Markdown's ``meta`` extension: one
``Key: value`` per line up to the first blank line, values stripped, a line
indented by four spaces continuing the previous value. Every value written
here is one line of ``sanitize.plain_text`` (no line separators, no control
characters), so no title can end the header early, add a key, or spill into
the body.

``Import_hash`` is the SHA-256 of the file without that line: it tells, from
the file alone, whether anyone edited the file since the importer wrote it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

HASH_KEY = "Import_hash"
ID_KEY = "Import_id"
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)$")
_HASH_LINE = re.compile(rf"^{HASH_KEY}:[^\n]*\n", re.MULTILINE)
_MAX_HEADER_LINES = 200


def render_document(metadata: Iterable[tuple[str, str]], body: str) -> str:
    """The file's text without ``Import_hash``: header, blank line, body."""
    lines = [f"{key}: {value}" for key, value in metadata if value]
    return "\n".join(lines) + "\n\n" + body.rstrip() + "\n"


def document_hash(text: str) -> str:
    """SHA-256 of a document's text as the importer hashes it (no hash line)."""
    return hashlib.sha256(strip_hash_line(text).encode("utf-8")).hexdigest()


def strip_hash_line(text: str) -> str:
    """The text without its ``Import_hash`` header line."""
    header, sep, body = text.partition("\n\n")
    return _HASH_LINE.sub("", header + "\n", count=1).rstrip("\n") + sep + body


def seal(text: str) -> tuple[str, str]:
    """Add ``Import_hash`` as the header's last line; return (text, hash)."""
    digest = document_hash(text)
    header, _, body = text.partition("\n\n")
    return f"{header}\n{HASH_KEY}: {digest}\n\n{body}", digest


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
