"""Hostile inputs of every class, and a scan of built HTML for live script.

Every hostile value carries ``pelitaXss``: whatever a browser would run, or
an element or attribute the input managed to add, names it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pelita.core.importhash import seal
from pelita.core.urlsafety import SCRIPT_SCHEMES, scheme_of

MARK = "pelitaXss"
# Breaks out of an attribute, a tag, a comment, a script, a style block.
BREAKOUT = (
    f'x" onmouseover="{MARK}=1" data-x="><img src=x onerror={MARK}=2>'
    f"</title></style></script><script>{MARK}=3</script><!--"
)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "xlink:href",
     "background", "cite", "srcset", "content"}
)  # fmt: skip
# Elements no content may add; the theme itself never uses them.
INJECTED = frozenset({"iframe", "object", "embed", "base", "frame", "applet"})


@dataclass
class Finding:
    """One piece of live markup in a page."""

    page: str
    what: str


@dataclass
class _Scanner(HTMLParser):
    page: str = ""
    found: list[Finding] = field(default_factory=list)
    in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if MARK.lower() in tag.lower() or tag in INJECTED:
            self.found.append(Finding(self.page, f"element <{tag}>"))
        for name, given in attrs:
            value = given or ""
            handler = name.startswith("on") or MARK.lower() in name.lower()
            if handler or (name in URL_ATTRIBUTES and _runs_script(value)):
                self.found.append(Finding(self.page, f"<{tag} {name}={value!r}>"))
            elif name == "http-equiv" and value.lower() == "refresh":
                self.found.append(Finding(self.page, "<meta http-equiv=refresh>"))
        self.in_script = tag == "script" and dict(attrs).get("type") not in (
            "application/ld+json",
            "application/json",
        )

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and MARK in data:
            self.found.append(Finding(self.page, f"script running {data[:80]!r}"))


def _runs_script(value: str) -> bool:
    parts = [value] + [p.strip().split(" ")[0] for p in value.split(",")]
    return any(scheme_of(part) in SCRIPT_SCHEMES for part in parts)


def scan_html(text: str, page: str = "") -> list[Finding]:
    """Every event handler, script URL, injected element or script in ``text``."""
    scanner = _Scanner(page)
    scanner.feed(text)
    scanner.close()
    return scanner.found


def scan_site(output: Path) -> list[Finding]:
    """:func:`scan_html` over every HTML and XML file under ``output``."""
    found = []
    for path in sorted(output.rglob("*")):
        if path.suffix in {".html", ".xml", ".htm"} and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += scan_html(text, str(path.relative_to(output)))
            if path.suffix == ".xml":
                found += _feed_findings(text, str(path.relative_to(output)))
    return found


_ESCAPED_CONTENT = re.compile(
    r"<(content|summary)[^>]*type=\"html\"[^>]*>(.*?)</\1>", re.S
)


def _feed_findings(text: str, page: str) -> list[Finding]:
    """The HTML inside an Atom feed's escaped ``content`` and ``summary``."""
    found = []
    for match in _ESCAPED_CONTENT.finditer(text):
        found += scan_html(html.unescape(match.group(2)), page + " (feed entry)")
    return found


def _document(header: list[str], extra: str, body: str) -> str:
    lines = header + [line for line in extra.splitlines() if line]
    return "\n".join(lines) + "\n\n" + body + "\n"


def admin_post(slug: str, extra: str = "", body: str = "Isi tulisan.") -> str:
    """An admin's post, valid unless ``extra`` (header lines) or ``body`` break it."""
    header = [
        f"Title: Tulisan {slug}", "Date: 2025-05-10 09:00", "Category: Berita",
        f"Slug: {slug}", f"Summary: Ringkasan {slug}.", "Kecamatan: Tembalang",
    ]  # fmt: skip
    return _document(header, extra, body)


def imported_post(slug: str, extra: str = "", body: str = "Isi dari kanal.") -> str:
    """A file exactly as the importer writes it (sealed with its hash)."""
    header = [
        f"Title: Kabar kanal {slug}", "Date: 2025-05-09 08:00", "Category: Berita",
        f"Slug: {slug}", "Channel: kec-tembalang",
        f"Source: https://tembalang.example.id/{slug}",
    ]  # fmt: skip
    return seal(_document(header, extra, body))[0]
