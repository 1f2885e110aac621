"""The site's HTML allow-list, as the checker needs it.

The same sets as the build's sanitizer (nh3 with the importer's allow-list);
when that module is on the branch, import its ``ALLOWED_TAGS`` and
``DROPPED_WITH_CONTENT`` here instead of repeating them.
"""

from __future__ import annotations

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd",
        "del", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
        "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
# Removed together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script", "style", "template", "noscript", "object", "embed", "applet",
        "svg", "math", "form", "select", "textarea", "button", "iframe", "frame",
        "frameset", "canvas", "video", "audio", "map", "head", "title",
    }
)  # fmt: skip
# Other real HTML elements: dropped as tags, their text kept.
KNOWN_ELEMENTS = frozenset(
    {
        "address", "area", "article", "aside", "bdi", "bdo", "big", "blink",
        "body", "center", "col", "colgroup", "data", "datalist", "details",
        "dfn", "dialog", "div", "fieldset", "font", "footer", "header",
        "hgroup", "html", "input", "label", "legend", "link", "main", "marquee",
        "menu", "meta", "meter", "nav", "optgroup", "option", "output", "param",
        "picture", "progress", "rp", "rt", "ruby", "samp", "search", "section",
        "slot", "source", "span", "strike", "summary", "time", "track", "tt",
        "var", "wbr", "base", "nobr",
    }
)  # fmt: skip
