"""The allow-list for admin-written HTML: the importer's, plus Markdown's own."""

from __future__ import annotations

import nh3

from pelita.core.htmlsafety.sanitize import ALLOWED_ATTRIBUTES as IMPORT_ATTRIBUTES
from pelita.core.htmlsafety.sanitize import ALLOWED_TAGS as IMPORT_TAGS
from pelita.core.htmlsafety.sanitize import DROPPED_WITH_CONTENT, URL_SCHEMES

# Elements Python-Markdown's extensions emit (footnotes, attr_list, abbr).
ALLOWED_TAGS = IMPORT_TAGS | frozenset({"div", "span", "section", "time"})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set(names) for tag, names in IMPORT_ATTRIBUTES.items()},
    # Footnote and heading anchors, code-language and footnote classes.
    "*": {"id", "class", "lang", "title"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "style"},
    "time": {"datetime"},
}
# Markdown tables align columns with an inline style; nothing else survives.
STYLE_PROPERTIES = frozenset({"text-align"})


def sanitize_admin_html(value: str) -> str:
    """Clean rendered admin HTML; Pelican's ``{static}``/``{filename}`` links stay."""
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,
        strip_comments=True,
    )
