"""Read a Markdown post the way Pelican does, keeping every line number.

Pelican hands the file to Python-Markdown's ``meta`` extension: the header is
every ``Key: value`` line from the top, indented lines continue the previous
key, and the first blank line (or any other line) ends it. The rules below
are the extension's own (``META_RE``, ``META_MORE_RE``), applied to the text
as Python-Markdown normalises it (BOM dropped, CRLF to LF, tabs expanded), so
the checker sees exactly the metadata the build will see, plus the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

from pelita.core.importhash import written_by_importer

TAB_LENGTH = 4


@dataclass(frozen=True)
class HeaderLine:
    """One ``Key: value`` line (``continued`` for an indented follow-up line)."""

    line: int
    key: str
    value: str
    continued: bool = False


@dataclass
class SourceFile:
    """A Markdown file split into its header and its body, with line numbers.

    ``kind`` is ``imported`` while the file holds exactly what the importer
    wrote (its ``Import_hash`` matches, :mod:`pelita.core.importhash`) and
    ``admin`` otherwise: by provenance, never by folder, so an imported post
    an admin edited is the admin's; ``is_page`` marks static pages.
    """

    path: Path
    display: str
    kind: str
    is_page: bool
    header: list[HeaderLine] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    body_start: int = 1
    stray_line: tuple[int, str] | None = None
    read_error: str | None = None
    # Computed once on first use, shared by the checks (see prose_lines).
    cache: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def is_admin(self) -> bool:
        """Whether an admin wrote this file by hand."""
        return self.kind == "admin"

    def values(self, key: str) -> list[HeaderLine]:
        """Every line given for ``key`` (lower-case), continuations included."""
        if "keys" not in self.cache:
            index: dict[str, list[HeaderLine]] = {}
            for entry in self.header:
                index.setdefault(entry.key, []).append(entry)
            self.cache["keys"] = index
        return self.cache["keys"].get(key, [])  # type: ignore[union-attr]

    def first(self, key: str) -> HeaderLine | None:
        """The first line given for ``key``, or None."""
        found = self.values(key)
        return found[0] if found else None

    def get(self, key: str, default: str = "") -> str:
        """The value of ``key`` as Pelican reads a single-valued key."""
        found = self.first(key)
        return found.value if found else default

    def line_of(self, key: str) -> int:
        """The line of ``key``, or the end of the header when it is missing."""
        found = self.first(key)
        if found:
            return found.line
        return self.header[-1].line if self.header else 1

    def body_lines(self) -> list[tuple[int, str]]:
        """The body as (line number, text) pairs."""
        return list(enumerate(self.body, start=self.body_start))


def normalise(text: str) -> list[str]:
    """Split text into lines as Python-Markdown sees them."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [line.expandtabs(TAB_LENGTH) for line in text.split("\n")]


def parse_source(
    path: Path, display: str, kind: str | None, is_page: bool
) -> SourceFile:
    """Read ``path`` and split it like the ``meta`` extension does.

    ``kind`` None decides it by provenance (see :class:`SourceFile`); a file
    that cannot be read is the admin's.
    """
    source = SourceFile(path, display, kind or "admin", is_page)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        source.read_error = f"bukan teks UTF-8 (byte {exc.start})"
        return source
    except OSError as exc:
        source.read_error = exc.strerror or str(exc)
        return source
    if kind is None and not is_page and written_by_importer(text):
        source.kind = "imported"
    _split(source, normalise(text))
    return source


def _split(source: SourceFile, lines: list[str]) -> None:
    index = 0
    if lines and BEGIN_RE.match(lines[0]):
        index = 1
    key = None
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if line.strip() == "" or END_RE.match(line):
            index += 1
            break
        match = META_RE.match(line)
        more = META_MORE_RE.match(line)
        if match:
            key = match.group("key").lower().strip()
            value = match.group("value").strip()
            source.header.append(HeaderLine(number, key, value))
        elif more and key:
            source.header.append(HeaderLine(number, key, more.group("value"), True))
        else:
            source.stray_line = (number, line)
            break
        index += 1
    source.body = lines[index:]
    source.body_start = index + 1


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


def prose_lines(source: SourceFile) -> list[tuple[int, str]]:
    """Body lines with fenced code blocks and inline code blanked out.

    Code is shown as code, never rendered, so links, HTML and numbers inside
    it are examples, not content the checks should judge. Computed once per
    file; several checks read it.
    """
    if "prose" not in source.cache:
        source.cache["prose"] = _prose(source)
    return source.cache["prose"]  # type: ignore[return-value]


def _prose(source: SourceFile) -> list[tuple[int, str]]:
    result: list[tuple[int, str]] = []
    fence: str | None = None
    for number, line in source.body_lines():
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        result.append((number, _INLINE_CODE.sub(lambda m: " " * len(m[0]), line)))
    return result
