"""Find raw HTML tags in a post's Markdown, with their line numbers.

Python-Markdown passes HTML written in a post straight into the page, so the
checks need every tag an admin typed: the standard library's tokenizer finds
them in the prose (code already blanked out) and reports where each starts.
Autolinks (``<https://…>``, ``<nama@contoh.id>``) are Markdown, not HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Tag:
    """One start tag: its line, lower-case name and attributes."""

    line: int
    name: str
    attrs: tuple[tuple[str, str], ...]

    def attr(self, name: str) -> str | None:
        """The value of attribute ``name`` (None when absent)."""
        for key, value in self.attrs:
            if key == name:
                return value
        return None


class _Collector(HTMLParser):
    def __init__(self, numbers: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.numbers = numbers
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(mark in tag for mark in (":", "@", ".", "/")):
            return  # an autolink such as <https://example.com>
        line = self.numbers[min(self.getpos()[0], len(self.numbers)) - 1]
        values = tuple((key.lower(), value or "") for key, value in attrs)
        self.tags.append(Tag(line, tag.lower(), values))

    handle_startendtag = handle_starttag


def scan_tags(lines: list[tuple[int, str]]) -> list[Tag]:
    """Every start tag in ``lines`` (pairs of line number and text)."""
    if not any("<" in text for _, text in lines):
        return []
    collector = _Collector([number for number, _ in lines] or [1])
    collector.feed("\n".join(text for _, text in lines))
    collector.close()
    return collector.tags
