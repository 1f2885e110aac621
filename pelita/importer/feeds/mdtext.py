"""Plain text written into Markdown so that it stays plain text.

Kept apart from ``convert`` so that writing a post's metadata does not load
markdownify and BeautifulSoup (a run where every feed answers 304 Not
Modified should start fast).
"""

from __future__ import annotations

import re

# Characters Python-Markdown (with "extra") un-escapes after a backslash.
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]|])")
# Line-start constructs, escaped wherever a text node could start a line.
_LINE_STARTS = (
    (re.compile(r"(^|\s)(#{1,6})(?=\s|$)"), lambda m: m[1] + "\\" + m[2]),
    (re.compile(r"(^|\s)(-+|\++)(?=\s|$)"), lambda m: m[1] + "\\" + m[2]),
    (re.compile(r"(^|\s)(\d{1,9})([.)])(?=\s|$)"), lambda m: f"{m[1]}{m[2]}\\{m[3]}"),
    (re.compile(r"(^|\s)(=+)(?=\s|$)"), lambda m: m[1] + "&#61;" * len(m[2])),
)


# Anything the escapes below could touch; most text nodes of a news post
# have none of it, and skip them.
_MAYBE_MARKUP = re.compile(r"[\\`*_{}\[\]|#=+-]|\d[.)]")


def escape_markdown(text: str) -> str:
    """Plain text that Python-Markdown shows as it is (see ``PelitaConverter``)."""
    if not text:
        return ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if not _MAYBE_MARKUP.search(text):
        return text
    text = _BACKSLASHED.sub(r"\\\1", text)
    for pattern, replacement in _LINE_STARTS:
        text = pattern.sub(replacement, text)
    return text
