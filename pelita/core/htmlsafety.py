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
  the raw HTML the build would drop. An id an admin writes is namespaced
  (:data:`USER_ID_PREFIX`, as code hosts do with user content) and the
  post's own ``#fragment`` links follow it, so a post can never clobber the
  page's ids (``id="search"``) or the globals a browser makes of them; a
  class is kept only from :data:`ADMIN_CLASSES`, so a post can never dress
  its text as the site's own buttons, badges or verdicts.

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
# Every id in admin HTML starts with this; in-page links are rewritten to match.
USER_ID_PREFIX = "user-content-"
# The classes admin HTML may carry: the ones Python-Markdown itself writes
# (footnotes; a fenced code block's language, on <code> only). The theme
# styles none of them and none is a class of the theme's own (a test holds
# the two apart).
ADMIN_CLASSES = frozenset({"footnote", "footnote-ref", "footnote-backref"})
CODE_LANGUAGE_CLASS = re.compile(r"language-[A-Za-z0-9_+#.-]{1,40}")
# Links that point into a post written on this site: an in-page fragment, or
# Pelican's link to another post or page by its file.
_OWN_FRAGMENT = re.compile(r"^(#|\{filename\}[^#]*#)(.+)$")

# Markdown tables align columns with an inline style; nothing else survives.
STYLE_PROPERTIES = frozenset({"text-align"})

# Characters a reader never sees: bidi controls, zero-width spaces, the soft
# hyphen. Dropped from text taken from metadata, and from the text the
# privacy scans read (where they would split a NIK no one sees split).
BIDI_AND_INVISIBLE = re.compile(
    "[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]"
)
# Block-level elements (and line breaks): where one ends or begins, so does a
# word, even once the tag is gone.
BLOCK_ELEMENTS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption",
        "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "nav", "ol", "option", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:{})(?=[\s/>])[^>]*>".format("|".join(sorted(BLOCK_ELEMENTS))),
    re.IGNORECASE,
)
# Elements whose text is not markup: it runs to their end tag, or (without
# one) to the end of the document.
_RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
     "noframes", "noscript"}
)  # fmt: skip
# Elements removed with their content (void ones, which hold nothing, aside).
_SWALLOWING = (DROPPED_WITH_CONTENT - {"embed", "frame", "head"}) - _RAW_TEXT
_TOKEN = re.compile(r"<!--|<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^>]*>")


def close_unclosed(value: str) -> str:
    """Close, where they begin, the elements left open that would hide the rest.

    An ``<object>``, ``<iframe>``, ``<video>``, ``<form>``, ``<script>`` (any
    element removed with its content, or whose content is raw text) or a
    ``<!--`` left open runs to the end of the document, so the sanitizer
    dropped every paragraph after it. Such an element is closed right after
    its start tag (it holds nothing), a lone ``<!--`` and ``<plaintext>``
    are dropped, and the text after them stays. Well-formed HTML comes back
    unchanged.
    """
    if "<" not in value:
        return value
    parts: list[str] = []
    open_at: list[tuple[str, int]] = []  # (element, index of its start tag)
    closed: set[int] = set()
    position = 0
    for match in _TOKEN.finditer(value):
        if match.start() < position:
            continue  # inside a comment or raw text already copied
        parts.append(value[position : match.start()])
        if match.group(0) == "<!--":
            end = value.find("-->", match.end())  # never closed: the marker goes
            parts.append(value[match.start() : end + 3] if end >= 0 else "")
            position = end + 3 if end >= 0 else match.end()
            continue
        name, is_end = match.group(2).lower(), bool(match.group(1))
        position = match.end()
        if name == "plaintext":
            continue
        parts.append(match.group(0))
        if is_end:
            _close(name, open_at, closed)
        elif name in _RAW_TEXT:
            text, position = _raw_text(value, name, position)
            parts.append(text)
        elif name in _SWALLOWING and not match.group(0).endswith("/>"):
            open_at.append((name, len(parts) - 1))
    parts.append(value[position:])
    for name, index in open_at:
        if index not in closed:
            parts[index] += f"</{name}>"
    return "".join(parts)


def _raw_text(value: str, name: str, start: int) -> tuple[str, int]:
    """The raw text of ``name`` from ``start`` with its end tag, and where it ends.

    Without an end tag the element is closed empty, and the rest is markup.
    """
    end_tag = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(value, start)
    if end_tag is None:
        return f"</{name}>", start
    return value[start : end_tag.end()], end_tag.end()


def _close(name: str, open_at: list[tuple[str, int]], closed: set[int]) -> None:
    """An end tag closes the latest open element of its name (and any inside)."""
    for depth in range(len(open_at) - 1, -1, -1):
        if open_at[depth][0] == name:
            closed.update(index for _, index in open_at[depth:])
            del open_at[depth:]
            return


def sanitize_imported(
    value: str,
    extra_schemes: frozenset[str] = frozenset(),
    extra_tags: frozenset[str] = frozenset(),
) -> str:
    """Clean imported HTML (the build-time and final import pass).

    ``extra_schemes`` lets the import keep ``file:`` images of a local demo
    feed for the media stage, and ``extra_tags`` its block containers (div,
    section...) until the Markdown conversion turns them into paragraphs;
    the build allows neither.
    """
    return nh3.clean(
        close_unclosed(value),
        tags=set(IMPORTED_TAGS | extra_tags),
        attributes={k: set(v) for k, v in IMPORTED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES | extra_schemes),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def sanitize_admin(value: str) -> str:
    """Clean rendered admin HTML; Pelican's ``{static}``/``{filename}`` links stay.

    Ids are namespaced, fragment links follow, classes are filtered
    (:func:`admin_attribute`). Cleaning twice changes nothing more.
    """
    return nh3.clean(
        close_unclosed(value),
        tags=set(ADMIN_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ADMIN_ATTRIBUTES,
        attribute_filter=admin_attribute,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )


def admin_attribute(element: str, attribute: str, value: str) -> str | None:
    """An allowed attribute of admin HTML as published; None drops it."""
    if attribute == "id":
        return user_id(value) if value.strip() else None
    if attribute == "class":
        kept = [name for name in value.split() if admin_class_allowed(element, name)]
        return " ".join(dict.fromkeys(kept)) or None
    if attribute == "href":
        own = _OWN_FRAGMENT.match(value)
        if own:
            return own.group(1) + user_id(own.group(2))
    return value


def user_id(value: str) -> str:
    """``value`` in the namespace of user content (once, however often asked)."""
    value = value.strip()
    return value if value.startswith(USER_ID_PREFIX) else USER_ID_PREFIX + value


def admin_class_allowed(element: str, name: str) -> bool:
    """Whether admin HTML may keep class ``name`` on ``element``."""
    if name in ADMIN_CLASSES:
        return True
    return element == "code" and CODE_LANGUAGE_CLASS.fullmatch(name) is not None


def html_to_text(value: str) -> str:
    """The visible text of an HTML fragment, on one line.

    A block boundary is a word boundary: ``<div>safe</div><div>example.com
    </div>`` is "safe example.com", not "safeexample.com".
    """
    spaced = _BLOCK_TAG.sub(" ", close_unclosed(value))
    text = nh3.clean(spaced, tags=set(), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return " ".join(html.unescape(text).split())


def field_text(value: object) -> str:
    """The text a reader sees of a metadata field (title, summary, claim).

    Pelican treats these fields as HTML (the theme prints them through
    ``striptags|e``), so the importer stores ``&`` as ``&amp;``. An output
    that wants text (JSON-LD, the news sitemap, a CSV/JSON register, a
    drawn card) reads the field here: tags dropped and entities decoded
    exactly once, so a title about ``&amp;`` itself stays ``&amp;``. The
    output then escapes for its own format.
    """
    return html_to_text(str(value or ""))


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
    text = BIDI_AND_INVISIBLE.sub("", text)
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
