"""Links and images a post points to, and where they lead in the content tree.

Markdown inline links and images, reference-style ones (resolved through
their definitions), and ``<a href>``/``<img src>`` typed as HTML, each with
its line. Pelican's link syntax decides the base: ``{static}``, ``{attach}``
and ``{filename}`` paths starting with ``/`` are relative to the content
folder, others to the post's folder.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from pelita.core.registries import closest

from .corpus import Corpus
from .htmlscan import scan_tags
from .source import SourceFile, prose_lines

_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]"
    r"\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\[([^\]]*)\]")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?")
PELICAN_LINK = re.compile(r"^\{(static|attach|filename)\}")


@dataclass(frozen=True)
class Reference:
    """One link or image: its line, target, and (images) alt text.

    ``alt`` is None for an ``<img>`` without an ``alt`` attribute.
    """

    line: int
    is_image: bool
    target: str
    alt: str | None = None


def find_references(source: SourceFile) -> list[Reference]:
    """Every link and image in the post's prose, in order (computed once)."""
    if "references" not in source.cache:
        source.cache["references"] = _references(source)
    return source.cache["references"]  # type: ignore[return-value]


def _references(source: SourceFile) -> list[Reference]:
    lines = prose_lines(source)
    definitions = {}
    lines = [(number, text) for number, text in lines if "[" in text or "<" in text]
    for _, text in lines:
        match = _DEFINITION.match(text)
        if match:
            definitions[match.group(1).strip().lower()] = match.group(2)
    found: list[Reference] = []
    for number, text in lines:
        for match in _INLINE.finditer(text):
            bang, label, target = match.groups()
            found.append(Reference(number, bool(bang), target.strip("<>"), label))
        for match in _REFERENCE.finditer(text):
            bang, label, ref = match.groups()
            target = definitions.get((ref or label).strip().lower())
            if target:
                found.append(Reference(number, bool(bang), target, label))
    for tag in scan_tags(lines):
        if tag.name == "img" and tag.attr("src") is not None:
            found.append(
                Reference(tag.line, True, tag.attr("src") or "", tag.attr("alt"))
            )
        elif tag.name == "a" and tag.attr("href"):
            found.append(Reference(tag.line, False, tag.attr("href") or ""))
    return found


def content_path(target: str, source: SourceFile, corpus: Corpus) -> str | None:
    """The content-relative path of a ``{static}``/``{filename}`` target."""
    match = PELICAN_LINK.match(target)
    if not match:
        return None
    path = target[match.end() :].split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    folder = corpus.relative(source.path.parent)
    if folder is None:
        return posixpath.normpath(path)
    return posixpath.normpath(posixpath.join(folder, path))


def suggest_path(wanted: str, corpus: Corpus) -> str | None:
    """An existing file the admin probably meant: same name, or a close one."""
    same_name = corpus.by_name().get(posixpath.basename(wanted).lower())
    if same_name:
        return min(same_name, key=lambda p: (len(p), p))
    folder = posixpath.dirname(wanted)
    siblings = {posixpath.basename(p): p for p in corpus.by_folder().get(folder, [])}
    hint = closest(posixpath.basename(wanted), siblings, 1)
    return siblings[hint[0]] if hint else None
