"""HTML to Markdown (markdownify), escaped so the Markdown cannot reopen HTML.

Text that looked like markup in the feed (``&lt;script&gt;``, a
``[x](javascript:...)`` written as text, ``{: onclick=...}`` attribute lists)
is backslash-escaped, so Python-Markdown prints it as text. Link and image
destinations are already absolute and percent-encoded by ``clean``; link
titles are dropped, and image alt text is escaped. Headings, lists, tables,
blockquotes, code and figures with captions survive.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from bs4 import Tag
from markdownify import ATX, MarkdownConverter

from pelita.core.htmlsafety import html_to_text

from .mdtext import escape_markdown

_ALT_ESCAPES = re.compile(r"([\\\[\]])")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


class _ParentByName(Tag):
    """A ``Tag`` whose ``find_parent("pre")`` walks up by name only.

    markdownify asks every tag whether it sits inside a ``<pre>``; the
    generic search builds a filter object per call, about a third of the
    conversion. A plain tag-name query needs only the walk up; anything else
    takes the generic path. Given to BeautifulSoup as ``element_classes``.
    """

    def find_parent(self, name: Any = None, attrs: Any = None, **kwargs: Any) -> Any:
        """The closest ancestor named ``name`` (see ``Tag.find_parent``)."""
        if not isinstance(name, str) or attrs is not None or kwargs:
            return super().find_parent(name, attrs, **kwargs)
        parent = self.parent
        while parent is not None:
            if parent.name == name:
                return parent
            parent = parent.parent
        return None


class PelitaConverter(MarkdownConverter):
    """markdownify with escaping and output suited to Python-Markdown."""

    class Options(MarkdownConverter.DefaultOptions):
        """Options every conversion uses."""

        bs4_options: ClassVar[dict[str, Any]] = {
            "features": "html.parser",
            "element_classes": {Tag: _ParentByName},
        }
        autolinks = False
        bullets = "-"
        escape_asterisks = False
        escape_underscores = False
        escape_misc = False
        heading_style = ATX
        strong_em_symbol = "*"
        table_infer_header = True

    def escape(self, text: str, parent_tags: set[str]) -> str:
        """Escape text for Python-Markdown: nothing in it may become markup.

        ``&``, ``<`` and ``>`` become entities (Python-Markdown has no
        backslash escape for them); emphasis, code, link, attribute-list and
        table characters are backslash-escaped, and so are headings, list
        markers and rules where a line could start.
        """
        return escape_markdown(text)

    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """A link without a title: ``[text](absolute-url)``."""
        if "_noformat" in parent_tags:
            return text
        href = el.get("href")
        stripped = text.strip()
        if not href or not stripped:
            return text
        lead = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        return f"{lead}[{stripped}]({href}){tail}"

    def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """An image with escaped alt text and no title."""
        alt = _ALT_ESCAPES.sub(r"\\\1", " ".join((el.get("alt") or "").split()))
        src = el.get("src") or ""
        if not src or "_inline" in parent_tags:
            return alt
        return f"![{alt}]({src})"

    def convert_figcaption(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """A figure's caption as an emphasised line under its image."""
        caption = text.strip()
        return f"\n\n*{caption}*\n\n" if caption else ""


_CONVERTER = PelitaConverter()


def html_to_markdown(value: str) -> str:
    """Markdown for a cleaned HTML fragment (``clean.clean_html``'s output)."""
    if not value:
        return ""
    try:
        markdown = _CONVERTER.convert(value)
    except RecursionError:
        # Hostile nesting (thousands of levels) is deeper than the converter
        # can walk: keep the words, as plain paragraphs.
        return escape_markdown(html_to_text(value)) + "\n"
    markdown = _TRAILING.sub(lambda m: "  " if m.group(0) == "  " else "", markdown)
    return _BLANK_LINES.sub("\n\n", markdown).strip() + "\n"
