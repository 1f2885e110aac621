"""HTML safety: the allow-lists, the two sanitizers and the plain-text rules.

The one owner of what HTML may reach a page. Two policies:

- :func:`sanitize_imported` for imported HTML, which is hostile. The importer
  cleans it before converting it to Markdown, and the build cleans the
  rendered HTML of imported posts again with the same rules, so nothing the
  Markdown round trip could reopen (escaped ``&lt;script&gt;`` text, a
  ``[x](javascript:...)`` link written as text) becomes live markup.
- :func:`sanitize_admin` for posts and pages admins write: the imported
  list plus what Python-Markdown itself produces (footnote and heading ids,
  code classes, table alignment). ``invoke check`` reads these lists to name
  the raw HTML the build would drop.

Text fields (title, summary, author, alt text) are plain text. Templates
often print them through ``striptags``, which un-escapes entities, so
``<``, ``>`` and straight quotes are replaced by look-alike typographic
characters: whatever a template does, such a field cannot open a tag or
leave an attribute.
"""

from __future__ import annotations

import html
import re
import unicodedata

import nh3

IMPORTED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd",
        "del", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
IMPORTED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "template", "noscript", "object", "embed", "applet",
        "svg", "math", "form", "select", "textarea", "button", "iframe", "frame",
        "frameset", "canvas", "video", "audio", "map", "head", "title",
    }
)  # fmt: skip

# Admin-written HTML: the imported lists plus the elements Python-Markdown's
# extensions emit (footnotes, attr_list, abbr).
ADMIN_TAGS = IMPORTED_TAGS | frozenset({"div", "span", "section", "time"})
ADMIN_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in IMPORTED_ATTRIBUTES.items()},
    # Footnote and heading anchors, code-language and footnote classes.
    "*": {"id", "class", "lang", "title"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style"},
    "time": {"datetime"},
}
# Markdown tables align columns with an inline style; nothing else survives.
STYLE_PROPERTIES = frozenset({"text-align"})

_BIDI_AND_INVISIBLE = re.compile(
    "[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]"
)
_BLOCK_END = re.compile(
    r"<(?:/(?:p|div|li|h[1-6]|td|th|tr|blockquote|figcaption|dd|dt|pre)|br\s*/?)>",
    re.IGNORECASE,
)


def sanitize_imported(value: str, extra_schemes: frozenset[str] = frozenset()) -> str:
    """Clean imported HTML (the build-time and final import pass).

    ``extra_schemes`` lets the import keep ``file:`` images of a local demo
    feed for the media stage; the build never allows them.
    """
    return nh3.clean(
        value,
        tags=set(IMPORTED_TAGS),
        attributes={k: set(v) for k, v in IMPORTED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES | extra_schemes),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def sanitize_admin(value: str) -> str:
    """Clean rendered admin HTML; Pelican's ``{static}``/``{filename}`` links stay."""
    return nh3.clean(
        value,
        tags=set(ADMIN_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ADMIN_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )


def html_to_text(value: str) -> str:
    """The visible text of an HTML fragment, on one line."""
    spaced = _BLOCK_END.sub(" ", value)
    text = nh3.clean(spaced, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return " ".join(html.unescape(text).split())


# Typographic stand-ins (written as escapes: they look like what they replace).
LEFT_DOUBLE, RIGHT_DOUBLE = "\u201c", "\u201d"
LEFT_SINGLE, RIGHT_SINGLE = "\u2018", "\u2019"
LEFT_ANGLE, RIGHT_ANGLE = "\u2039", "\u203a"
_OPENERS = "([{<-\u2014" + LEFT_DOUBLE + LEFT_SINGLE


def _smart_quotes(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        if char in "\"'":
            before = text[index - 1] if index else " "
            opening = before.isspace() or before in _OPENERS
            if char == '"':
                out.append(LEFT_DOUBLE if opening else RIGHT_DOUBLE)
            else:
                out.append(LEFT_SINGLE if opening else RIGHT_SINGLE)
        else:
            out.append(char)
    return "".join(out)


def plain_text(value: str | None, limit: int | None = None) -> str:
    """One line of safe plain text: no controls, no bidi overrides, no ``<>"'``.

    Line and paragraph separators and control characters become spaces (they
    would split a metadata line), invisible direction overrides are dropped
    (they make text read differently from what it is), and ``limit`` cuts at a
    word boundary with an ellipsis.
    """
    if not value:
        return ""
    if limit is not None:
        value = value[
            : limit * 4 + 64
        ]  # a megabyte title costs no more than a short one
    text = unicodedata.normalize("NFC", value)
    text = _BIDI_AND_INVISIBLE.sub("", text)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs") else ch
        for ch in text
    )
    text = " ".join(text.split())
    text = _smart_quotes(text).replace("<", LEFT_ANGLE).replace(">", RIGHT_ANGLE)
    if limit is not None and len(text) > limit:
        cut = text[: limit - 1]
        if " " in cut[limit // 2 :]:
            cut = cut[: cut.rindex(" ")]
        text = cut.rstrip(" ,;:.-") + "…"
    return text


def escape_text(value: str) -> str:
    """A ``plain_text`` value escaped for a place that holds HTML (a title)."""
    return html.escape(value, quote=False)
