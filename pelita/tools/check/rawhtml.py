"""Raw HTML in admin Markdown that the site does not allow, and what to use.

The rules follow the site's one HTML allow-list (the importer's nh3 rules):
elements outside it are dropped (scripts, frames, forms and media with all
their content), event handlers and ``javascript:`` URLs never survive, and
inline styles are ignored. Each finding names the Markdown way to get the
same result. Markdown attribute lists (``{: onclick=…}``) are HTML too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The build's own lists, so the check names exactly what the build would drop.
from pelita.core.htmlsafety import (
    ADMIN_TAGS,
    DROPPED_WITH_CONTENT,
    admin_class_allowed,
)
from pelita.core.urlsafety import is_script_url

from .context import ERROR, WARNING, CheckContext, problem
from .htmlrules import KNOWN_ELEMENTS
from .htmlscan import Tag, scan_tags
from .model import Problem
from .source import SourceFile, prose_lines

_VIDEO = (
    "untuk video, tulis tautannya saja, misalnya "
    "[Tonton videonya](https://www.youtube.com/watch?v=…)"
)
_PICTURE = "simpan sebagai gambar JPG/PNG di content/images/ lalu pasang ![teks](…)"
_STYLE = "tampilan diatur tema; pakai Markdown: **tebal**, *miring*, ## Subjudul"
ADVICE = {
    "script": "skrip tidak boleh ada di tulisan; hapus bagian ini",
    "noscript": "hapus bagian ini",
    "template": "hapus bagian ini",
    "style": _STYLE,
    "iframe": _VIDEO, "video": _VIDEO, "audio": _VIDEO, "embed": _VIDEO,
    "object": _VIDEO, "frame": _VIDEO, "frameset": _VIDEO, "applet": _VIDEO,
    "form": "formulir tidak bisa dipasang; tautkan ke formulir resminya, "
    "misalnya [Isi formulir](https://…)",
    "svg": _PICTURE, "canvas": _PICTURE, "math": _PICTURE, "map": _PICTURE,
}  # fmt: skip
ADVICE |= dict.fromkeys(("select", "textarea", "button", "input"), ADVICE["form"])
FORBIDDEN = frozenset({"input", "link", "meta", "base", "html", "head", "body"})
# The target of a Markdown link, up to its closing parenthesis (spaces and
# entities included: the URL rule reads it as a browser would).
# (``\](`` is an escaped bracket: text, not a link.)
_MD_TARGET = re.compile(r"(?<!\\)\]\(([^)]*)\)?")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:(.*)$")
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}
)
_ATTR_LIST = re.compile(r"\{:?\s*[^{}\n]*?\b(on[a-z]+|style)\s*=", re.IGNORECASE)
# A Markdown attribute list ("{: #id .kelas }") and the classes in it.
_ATTR_LIST_BLOCK = re.compile(r"\{:?[ \t]*([#.][^{}\n]*)\}")
_LISTED_CLASS = re.compile(r"(?:^|\s)\.([^\s.#=}]+)")


def check_raw_html(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    """Problems with HTML and script links in the post, in any file.

    A file the importer wrote is checked too: a channel's feed is hostile
    input, and the build holds back what this check finds.
    """
    lines = prose_lines(source)
    for tag in scan_tags(lines):
        yield from _tag(source, tag)
    for number, text in lines:
        if _has_script_link(text):
            yield _script_url(source, number)
        listed = _ATTR_LIST.search(text)
        if listed:
            yield _attribute(source, number, "{: … }", listed.group(1).lower())
        fence = text.lstrip().startswith(("```", "~~~"))  # {.lang}: the language
        for block in [] if fence else _ATTR_LIST_BLOCK.findall(text):
            dropped = _LISTED_CLASS.findall(block)
            if dropped:
                yield _classes(source, number, "{: … }", dropped)


def _tag(source: SourceFile, tag: Tag) -> Iterator[Problem]:
    name = tag.name
    if name in DROPPED_WITH_CONTENT or name in FORBIDDEN:
        yield problem(
            source,
            tag.line,
            ERROR,
            "html-dilarang",
            f"Tag <{name}> tidak diizinkan di tulisan dan dibuang beserta isinya",
            ADVICE.get(name, "hapus tag ini"),
        )
        return
    if name not in ADMIN_TAGS:
        if name in KNOWN_ELEMENTS:
            yield problem(
                source,
                tag.line,
                WARNING,
                "html-tag",
                f"Tag <{name}> diabaikan (isinya tetap tampil)",
                _STYLE,
            )
        else:
            yield problem(
                source,
                tag.line,
                WARNING,
                "html-hilang",
                f"Teks <{name}…> dianggap tag HTML dan tidak akan tampil",
                "tulis tanpa tanda < dan >, atau pakai &lt; dan &gt;",
            )
    for key, value in tag.attrs:
        if key == "class":
            dropped = [c for c in value.split() if not admin_class_allowed(name, c)]
            if dropped:
                yield _classes(source, tag.line, f"<{name}>", dropped)
        elif key.startswith("on") or key == "style":
            yield _attribute(source, tag.line, f"<{name}>", key)
        elif key in _URL_ATTRIBUTES and is_script_url(value):
            yield _script_url(source, tag.line)


def _has_script_link(text: str) -> bool:
    """A Markdown link or link definition whose target would run script."""
    if "](" in text and any(is_script_url(t) for t in _MD_TARGET.findall(text)):
        return True
    definition = _DEFINITION.match(text)
    return bool(definition and is_script_url(definition.group(1).strip(" <>")))


def _attribute(source: SourceFile, line: int, where: str, key: str) -> Problem:
    if key == "style":
        return problem(
            source,
            line,
            WARNING,
            "html-atribut",
            f"Atribut style di {where} diabaikan",
            _STYLE,
        )
    return problem(
        source,
        line,
        ERROR,
        "html-atribut",
        f"Atribut {key} di {where} menjalankan skrip dan tidak diizinkan",
        "hapus atribut ini; tautan biasa ditulis [teks](https://…)",
    )


def _classes(source: SourceFile, line: int, where: str, names: list[str]) -> Problem:
    """Classes the build drops: the look of a page is the theme's alone."""
    shown = ", ".join(dict.fromkeys(names))
    return problem(
        source,
        line,
        WARNING,
        "html-atribut",
        f"Kelas (class) {shown} di {where} dibuang: tulisan tidak boleh "
        "meminjam tampilan situs (tombol, lencana, putusan)",
        _STYLE,
    )


def _script_url(source: SourceFile, line: int) -> Problem:
    return problem(
        source,
        line,
        ERROR,
        "tautan-skrip",
        "Tautan javascript:/vbscript:/data: menjalankan skrip dan tidak diizinkan "
        "(juga bila disamarkan dengan spasi, tab atau kode &#…;)",
        "tautkan ke alamat https:// biasa",
    )
