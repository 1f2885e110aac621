"""CSS selectors written for elements found on a page, and where page chrome is.

channel-add finds the listing's article links, the title and the body by
scoring the page's elements; the registry needs selectors that find the same
elements on the site's other pages. A selector is made of stable names
(classes and ids without digits, which change per article) and checked on
the page it was made from: it must pick the element it was made for.

Page chrome (menus, headers, footers, sidebars, share and tag boxes) is
where a guess must not look: their links are not articles, their headings
are not titles.
"""

from __future__ import annotations

import re
from typing import Any

from soupsieve import SelectorSyntaxError

# Elements that are chrome wherever they sit; a <header> only outside an
# article (WordPress puts each card's title in the card's own <header>).
_CHROME_TAGS = frozenset({"nav", "footer", "aside", "form"})
_CHROME_WORD = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|navigation|menu|menus|mainmenu|footer|sidebar|"
    r"widget|widgets|breadcrumbs?|populer|terpopuler|popular|trending|"
    r"terbaru-sidebar|share|bagikan|social|sosmed|tags?|topik|tagcloud|"
    r"related|terkait|baca-juga|bacajuga|masthead|site-header|topbar|top-bar|"
    r"logo|copyright|komentar|comments?)(?:$|[-_ ])",
    re.IGNORECASE,
)
_NAME = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")
_DIGIT = re.compile(r"\d")
MAX_DEPTH = 40  # ancestors looked at (hostile nesting)


def stable_name(name: str) -> bool:
    """A class or id a CSS selector can use and other pages likely share."""
    return bool(_NAME.match(name)) and not _DIGIT.search(name) and len(name) <= 60


def _names(element: Any) -> list[str]:
    classes = element.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    return [str(c) for c in classes]


def _is_chrome(element: Any) -> bool:
    name = element.name
    if name in _CHROME_TAGS:
        return True
    if element.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    words = " ".join([*_names(element), str(element.get("id") or "")])
    if not words.strip() or not _CHROME_WORD.search(words):
        return False
    # A layout wrapper named after its sidebar ("has-sidebar") holds the
    # article itself: a name is chrome only on a box without the content.
    return element.find(["article", "main", "h1"]) is None


def in_chrome(element: Any) -> bool:
    """Whether ``element`` sits in a menu, header, footer, sidebar or tag box."""
    inside_article = False
    for depth, parent in enumerate([element, *element.parents]):
        if depth > MAX_DEPTH or parent.name in (None, "[document]", "html", "body"):
            break
        if parent.name in ("article", "main"):
            inside_article = True
        page_header = parent.name == "header" and not inside_article
        if page_header and not any(
            p.name in ("article", "main") for p in parent.parents
        ):
            return True
        if _is_chrome(parent):
            return True
    return False


def step(element: Any) -> str:
    """``element`` as one compound selector: its tag and first stable class."""
    classes = [c for c in _names(element) if stable_name(c)]
    return f"{element.name}.{classes[0]}" if classes else str(element.name)


def named_ancestors(element: Any, limit: int = 3) -> list[str]:
    """Selectors of the nearest ancestors with a stable id or class, nearest first."""
    found: list[str] = []
    for depth, parent in enumerate(element.parents):
        if depth > MAX_DEPTH or parent.name in (None, "[document]", "html", "body"):
            break
        ident = str(parent.get("id") or "")
        if ident and stable_name(ident):
            found.append(f"#{ident}")
        elif any(stable_name(c) for c in _names(parent)):
            found.append(step(parent))
        if len(found) >= limit:
            break
    return found


def selectors_for(element: Any) -> list[str]:
    """Selectors that may pick ``element``, most specific names first."""
    own = step(element)
    ident = str(element.get("id") or "")
    found = [f"#{ident}"] if ident and stable_name(ident) else []
    for attribute in ("itemprop",):
        value = str(element.get(attribute) or "")
        if value and _NAME.match(value):
            found.append(f'[{attribute}="{value}"]')
    if own != element.name:
        found.append(own)
    for ancestor in named_ancestors(element):
        found.append(f"{ancestor} {own}")
        if own != element.name:
            found.append(f"{ancestor} {element.name}")
    found.append(str(element.name))
    return list(dict.fromkeys(found))


def unique_selector(soup: Any, element: Any) -> str | None:
    """The first of ``selectors_for`` whose first match on the page is ``element``."""
    for selector in selectors_for(element):
        try:
            if soup.select_one(selector) is element:
                return selector
        except SelectorSyntaxError:  # a name soupsieve refuses: try the next
            continue
    return None
