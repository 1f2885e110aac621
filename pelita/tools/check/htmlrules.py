"""The site's HTML allow-list, as the checker needs it.

The allowed and dropped elements are the build's own (``adminhtml``, which
extends the importer's allow-list with what Markdown emits, is imported where
they are used); this module adds the names of other real HTML elements, so the
checker can tell a dropped tag from text that merely looks like one.
"""

from __future__ import annotations

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
