"""Turn a post's HTML and metadata into plain text the tagger can read.

The tagger needs words, not markup: tags go, block elements become paragraph
breaks (a name never spans two paragraphs), URLs and e-mail addresses go
(they are not prose), hashtags are split into words ("#KecamatanTembalang"),
and lines that point to other news ("Baca juga: ...") are dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

PARAGRAPH = "\u00b6"  # marks a break no name may cross

_DROP_BLOCKS = re.compile(
    r"<(script|style|template|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|figure|"
    r"figcaption|section|article|header|footer|pre|hr|dd|dt)\b[^>]*>",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]*>")
_URLS = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)\S+")
_EMAILS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")  # soft hyphen, zero-width
_HASHTAG = re.compile(r"#([^\W_]+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HASH_PREFIX = re.compile(r"^(kecamatan|kelurahan)(?=[a-z]{3})")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\r]*\n\s*")
_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace other than " "


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, with a blank line between blocks."""
    text = _DROP_BLOCKS.sub(" ", markup or "")
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = _TAGS.sub(" ", text)
    return html.unescape(text) if "&" in text else text


def _split_hashtag(match: re.Match[str]) -> str:
    word = _CAMEL.sub(" ", match.group(1))
    if word == match.group(1):  # all one case: split only a known prefix
        word = _HASH_PREFIX.sub(r"\1 ", word)
    return "#" + word


def drop_lines(text: str, prefixes: Iterable[str]) -> str:
    """Remove lines that start with any of ``prefixes`` (case-insensitive)."""
    starts = tuple(p.casefold() for p in prefixes)
    if not starts:
        return text
    return "\n".join(
        line
        for line in text.split("\n")
        if not line.strip().casefold().startswith(starts)
    )


def prepare(text: str) -> str:
    """Text ready for matching: paragraphs marked, URLs gone, hashtags split.

    Unicode is NFKC-normalised and invisible characters dropped, so a
    zero-width space or fullwidth letters cannot hide a name.
    """
    if not text.isascii():
        text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    if "://" in text or "ww." in text or "WW." in text:
        text = _URLS.sub(" ", text)
    if "@" in text:
        text = _EMAILS.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(_split_hashtag, text)
    text = _PARAGRAPH_BREAK.sub(f" {PARAGRAPH} ", text)
    return _OTHER_SPACE.sub(" ", text)  # offsets stay put
