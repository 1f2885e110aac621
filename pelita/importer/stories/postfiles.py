"""Read imported posts for story grouping, and write its decision into them.

Grouping reads a post's title, summary and body as plain text (the Markdown
reduced to its words) and its story lines. Its decision is written as the
header lines ``Story``, ``Duplicate_of`` and ``Story_reason``, just before
``Import_id`` (where ``writing.posts`` puts them), and the file is sealed again, so
the next feed update keeps them and the next run sees an unedited file. A
file an admin edited is never written: ``patch_story`` refuses it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from pelita.importer.writing.files import atomic_write
from pelita.importer.writing.metadata import (
    HASH_KEY,
    ID_KEY,
    document_hash,
    parse_header,
    seal,
    strip_hash_line,
)
from pelita.importer.writing.posts import STORY_KEYS

_MD_IMAGE = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")
_MD_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)")
_MD_ESCAPE = re.compile(r"\\(.)")
_MD_MARKS = re.compile(r"(?m)^\s{0,3}(?:#{1,6}|[-*+]|\d+\.|>)\s+|[*_`|]")
_STORY_LINE = re.compile(
    rf"^(?:{'|'.join(STORY_KEYS)}):.*\n", re.MULTILINE | re.IGNORECASE
)


@dataclass(frozen=True)
class PostFile:
    """An imported post as grouping reads it."""

    header: dict[str, str]
    title: str
    summary: str
    body: str
    edited: bool  # the text no longer matches its Import_hash


def markdown_words(text: str) -> str:
    """The words of a Markdown text: links and images reduced to their text."""
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_MARKS.sub(" ", text)
    return html.unescape(_MD_ESCAPE.sub(r"\1", text))


def read_post(path: Path) -> PostFile | None:
    """The post at ``path``, or None when it is gone or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    head, _, body = text.partition("\n\n")
    header = parse_header(head.splitlines())
    recorded = header.get(HASH_KEY.lower())
    return PostFile(
        header=header,
        title=html.unescape(header.get("title", "")),
        summary=markdown_words(header.get("summary", "")),
        body=markdown_words(body),
        edited=recorded is None or recorded != document_hash(text),
    )


def story_header(story: str, duplicate_of: str | None, reason: str) -> list[str]:
    """The story lines to write, in the order ``writing.posts`` writes them."""
    values = {"Story": story, "Duplicate_of": duplicate_of, "Story_reason": reason}
    return [f"{key}: {values[key]}" for key in STORY_KEYS if values[key]]


def patch_story(
    path: Path, lines: list[str], expected_hash: str | None, dry_run: bool
) -> str | None:
    """Write ``lines`` as the file's story lines; the new hash, or None if refused.

    Refused when the file is gone or was edited since the importer wrote it
    (its text matches neither ``expected_hash`` nor its own ``Import_hash``).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    current = document_hash(text)
    header = parse_header(text.partition("\n\n")[0].splitlines())
    if current not in (expected_hash, header.get(HASH_KEY.lower())):
        return None
    head, sep, body = strip_hash_line(text).partition("\n\n")
    head = _STORY_LINE.sub("", head + "\n").rstrip("\n")
    marker = f"\n{ID_KEY}:"
    at = head.find(marker)
    insert = "".join(f"\n{line}" for line in lines)
    head = head[:at] + insert + head[at:] if at >= 0 else head + insert
    sealed, digest = seal(head + sep + body)
    if not dry_run:
        atomic_write(path, sealed)
    return digest
