"""HTML to Markdown (markdownify), escaped so the Markdown cannot reopen HTML.

Text that looked like markup in the feed (``&lt;script&gt;``, a
``[x](javascript:...)`` written as text, ``{: onclick=...}`` attribute lists)
is backslash-escaped, so Python-Markdown prints it as text. Link and image
destinations are already absolute and percent-encoded by ``clean``; link
titles are dropped, and image alt text is escaped. Headings, lists, tables,
blockquotes, code and figures with captions survive.

Text hard-wrapped at a fixed width (newlines inside a paragraph, or a
``<br>`` in mid-sentence, as text pasted from a PDF or an e-mail arrives)
is joined into its paragraph; a ``<br>`` after a sentence's end stays a line
break. A table used for layout (no header cells, and photos or paragraphs
in its cells, as old CMS galleries are) becomes its cells' content, one
block after another, so its photos are kept; a data table stays a table.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import ATX, MarkdownConverter

from pelita.core.htmlsafety import html_to_text

from .mdtext import escape_markdown

_ALT_ESCAPES = re.compile(r"([\\\[\]])")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)
# A line that ends like this ends a sentence (or a label): its <br> stays.
_LINE_END = re.compile(r"[.!?:;\"\u201d\u2019')\]]\s*$")
_CONTINUES = re.compile(r"^\s*[a-z0-9(,]")
_BLOCKS_IN_CELLS = ("p", "div", "img", "figure", "ul", "ol", "table", "blockquote",
                    "h2", "h3", "h4", "h5", "h6")  # fmt: skip


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
        wrap = True  # newlines in text are spaces ...
        wrap_width = None  # ... and paragraphs are never re-wrapped

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

    def convert_br(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """A line break, or a space where the line was only wrapped."""
        if "_inline" not in parent_tags and _wrapped_at(el):
            return " " + text
        return super().convert_br(el, text, parent_tags)

    def convert_figcaption(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """A figure's caption as an emphasised line under its image."""
        caption = text.strip()
        return f"\n\n*{caption}*\n\n" if caption else ""


_CONVERTER = PelitaConverter()


def _text_beside(el: Any, step: str) -> str:
    """The text just before (``previous_sibling``) or after a ``<br>``."""
    node = getattr(el, step)
    while isinstance(node, Tag) and node.name not in ("br", "img"):
        children = list(node.children)
        if not children:
            node = getattr(node, step)
            continue
        node = children[-1] if step == "previous_sibling" else children[0]
    return str(node) if isinstance(node, NavigableString) else ""


def _wrapped_at(el: Any) -> bool:
    """Whether a ``<br>`` only wraps a sentence (it goes on in lower case)."""
    before = _text_beside(el, "previous_sibling")
    after = _text_beside(el, "next_sibling")
    return (
        bool(before.strip())
        and not _LINE_END.search(before)
        and bool(_CONTINUES.match(after))
    )


def _layout_table(table: Tag) -> bool:
    if table.find("th") is not None:
        return False
    return any(cell.find(_BLOCKS_IN_CELLS) for cell in table.find_all("td"))


def _unwrap_layout_tables(soup: BeautifulSoup) -> None:
    """Layout and gallery tables become their cells' content, block by block."""
    for table in soup.find_all("table"):
        if (
            table.parent is None
            or table.find_parent("table")
            or not _layout_table(table)
        ):
            continue
        blocks = []
        for cell in table.find_all("td"):
            if cell.find_parent("table") is not table:
                continue  # a cell of an inner table moves with its table
            block = soup.new_tag("div")
            block.extend(list(cell.children))
            blocks.append(block)
        table.replace_with(*blocks)


def html_to_markdown(value: str) -> str:
    """Markdown for a cleaned HTML fragment (``clean.clean_html``'s output)."""
    if not value:
        return ""
    try:
        soup = BeautifulSoup(value, **PelitaConverter.Options.bs4_options)
        _unwrap_layout_tables(soup)
        markdown = _CONVERTER.convert_soup(soup)
    except RecursionError:
        # Hostile nesting (thousands of levels) is deeper than the converter
        # can walk: keep the words, as plain paragraphs.
        return escape_markdown(html_to_text(value)) + "\n"
    markdown = _TRAILING.sub(lambda m: "  " if m.group(0) == "  " else "", markdown)
    return _BLANK_LINES.sub("\n\n", markdown).strip() + "\n"
