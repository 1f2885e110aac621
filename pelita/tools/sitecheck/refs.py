"""Where the references are in each kind of file of a built site.

Each function reads one file's content and returns ``(element, url)`` pairs,
the element saying where the URL was found (``img srcset``, ``<loc>``, ...)
so a broken link can be found again on its page.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from .urls import parse_srcset

Ref = tuple[str, str]

_HTML_SELECTOR = ",".join(
    [
        "[href]",
        "[src]",
        "[srcset]",
        "[poster]",
        "[id]",
        "form[action]",
        "a[name]",
        "meta[content]",
    ]
)
_META_URLS = {"og:image", "og:image:url", "og:image:secure_url", "og:url"}
_META_URLS |= {"twitter:image", "twitter:image:src", "msapplication-tileimage"}
_CSS_URL = re.compile(
    r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+["']([^"']+)["']"""
)


@dataclass
class HtmlRefs:
    """The references of one page, the ids it defines and its ``<base href>``."""

    refs: list[Ref] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    base: str = ""


def html_refs(data: bytes) -> HtmlRefs:
    """References and fragment targets of an HTML page (parsed once)."""
    found = HtmlRefs()
    seen: set[int] = set()
    for node in LexborHTMLParser(data).css(_HTML_SELECTOR):
        if node.mem_id in seen:  # lexbor returns a node once per matching selector
            continue
        seen.add(node.mem_id)
        attrs = node.attributes
        tag = node.tag or ""
        if attrs.get("id"):
            found.ids.add(attrs["id"] or "")
        if tag == "a" and attrs.get("name"):
            found.ids.add(attrs["name"] or "")
        if tag == "base" and attrs.get("href"):
            found.base = attrs["href"] or ""
            continue
        found.refs.extend(_node_refs(tag, attrs))
    return found


def _node_refs(tag: str, attrs: dict[str, str | None]) -> Iterator[Ref]:
    for name in ("href", "src", "poster", "action"):
        value = attrs.get(name)
        if value is not None and (name != "action" or tag == "form"):
            yield f"{_describe(tag, attrs)} {name}", value
    srcset = attrs.get("srcset")
    if srcset:
        for url in parse_srcset(srcset):
            yield f"{tag} srcset", url
    if tag == "meta":
        kind = (attrs.get("property") or attrs.get("name") or "").lower()
        if kind in _META_URLS and attrs.get("content"):
            yield f"meta {kind}", attrs["content"] or ""


def _describe(tag: str, attrs: dict[str, str | None]) -> str:
    if tag == "link" and attrs.get("rel"):
        return f"link rel={attrs['rel']}"
    return tag


def xml_refs(path: Path) -> list[Ref]:
    """``<loc>`` of sitemaps, ``<link>``/``<icon>``/``<logo>`` of feeds.

    Raises ``xml.etree.ElementTree.ParseError`` for a file that is not XML.
    """
    refs: list[Ref] = []
    for _event, elem in ET.iterparse(path):
        name = elem.tag.rpartition("}")[2]
        if name in {"loc", "icon", "logo"} and elem.text:
            refs.append((f"<{name}>", elem.text.strip()))
        elif name == "link":
            url = elem.get("href") or (elem.text or "").strip()
            if url:
                refs.append(("<link>", url))
        elif name == "enclosure" and elem.get("url"):
            refs.append(("<enclosure>", elem.get("url") or ""))
        elem.clear()
    return refs


def css_refs(text: str) -> Iterator[Ref]:
    """``url(...)`` and ``@import`` of a stylesheet."""
    for match in _CSS_URL.finditer(text):
        url = next(group for group in match.groups() if group is not None)
        if url:
            yield "css url()", url


def robots_refs(text: str) -> Iterator[Ref]:
    """The ``Sitemap:`` lines of robots.txt."""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            yield "robots.txt Sitemap", value.strip()


def manifest_refs(text: str) -> list[Ref]:
    """The icons of a web app manifest (raises ValueError for invalid JSON)."""
    data = json.loads(text)
    icons = data.get("icons", []) if isinstance(data, dict) else []
    return [
        ("icon src", icon["src"])
        for icon in icons
        if isinstance(icon, dict) and isinstance(icon.get("src"), str)
    ]
