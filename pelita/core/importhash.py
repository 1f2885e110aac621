"""Provenance of a content file: whether it still holds what the importer wrote.

The importer ends every file's header with ``Import_hash``, the SHA-256 of
the file without that line. A file whose hash still matches holds exactly
what the importer wrote from a channel's feed; any edit (an admin's
correction, a pasted paragraph) breaks the match, and from then on the file
is the admin's, wherever it lives. ``invoke check`` gives such a file the
admin's rules and severities, the importer never writes over it, and the
build treats it like every other hand-written post.

The seal proves nothing against someone who recomputes it; what it grants
is small on purpose: validation findings (a kecamatan spelling, a missing
summary) in an importer-written file are warnings, but every safety rule
(script links, raw HTML, bad slugs, unsafe addresses, NIK and phone
numbers, conflict markers) is an error in any file, sealed or not.
"""

from __future__ import annotations

import hashlib
import re

HASH_KEY = "Import_hash"
_HASH_LINE = re.compile(rf"^{HASH_KEY}:[^\n]*\n", re.MULTILINE)
_HASH_VALUE = re.compile(rf"^{HASH_KEY}:[ \t]*([0-9a-f]{{64}})[ \t]*$", re.MULTILINE)


def strip_hash_line(text: str) -> str:
    """The text without its ``Import_hash`` header line."""
    header, sep, body = text.partition("\n\n")
    return _HASH_LINE.sub("", header + "\n", count=1).rstrip("\n") + sep + body


def document_hash(text: str) -> str:
    """SHA-256 of a document's text as the importer hashes it (no hash line)."""
    return hashlib.sha256(strip_hash_line(text).encode("utf-8")).hexdigest()


def seal(text: str) -> tuple[str, str]:
    """Add ``Import_hash`` as the header's last line; return (text, hash)."""
    digest = document_hash(text)
    header, _, body = text.partition("\n\n")
    return f"{header}\n{HASH_KEY}: {digest}\n\n{body}", digest


def recorded_hash(text: str) -> str | None:
    """The ``Import_hash`` in the header of ``text``, if it has one."""
    header = text.partition("\n\n")[0]
    found = _HASH_VALUE.search(header + "\n")
    return found.group(1) if found else None


def written_by_importer(text: str) -> bool:
    """Whether ``text`` is what the importer sealed, to the character.

    ``text`` is the file read as the importer reads it (UTF-8, universal
    new lines), so a checkout with CRLF line ends is not taken for an edit.
    """
    recorded = recorded_hash(text)
    return recorded is not None and recorded == document_hash(text)
