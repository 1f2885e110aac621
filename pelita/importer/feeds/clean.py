"""Clean an entry's HTML: nh3 allow-list, absolute URLs, lazy images, no pixels.

Two nh3 passes around one small rewrite. The first pass (a wider allow-list
that keeps lazy-loading attributes and iframes) makes every URL absolute
against the entry's base and drops anything not http(s)/mailto/tel; its
output is canonical HTML (attributes always double-quoted), which the rewrite
reads with exact patterns: a lazy image takes its real source, tracking
pixels go, an embedded video becomes a link, and an ``h1`` in the body is
demoted under the page's own title. The second pass applies the final
allow-list of ``sanitize`` to whatever the rewrite produced.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import nh3

from pelita.core.htmlsafety import (
    BLOCK_ELEMENTS,
    DROPPED_WITH_CONTENT,
    URL_SCHEMES,
    close_unclosed,
)
from pelita.core.htmlsafety import IMPORTED_ATTRIBUTES as ALLOWED_ATTRIBUTES
from pelita.core.htmlsafety import IMPORTED_TAGS as ALLOWED_TAGS
from pelita.core.htmlsafety import sanitize_imported as sanitize_html
from pelita.importer.model import MediaRef

_LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-srcset")
# Block containers a feed wraps its text in (header, section, div...). The
# allow-list strips them, which glued "safe" to "example.com"; they become
# ``div`` instead, which the Markdown conversion turns into paragraph breaks.
_BLOCK_CONTAINERS = BLOCK_ELEMENTS - ALLOWED_TAGS - DROPPED_WITH_CONTENT - {
    "body", "html", "option",
}  # fmt: skip
_CONTAINER_TAG = re.compile(r"<(/?)(?:{})>".format("|".join(sorted(_BLOCK_CONTAINERS))))
_URL_ATTRIBUTES = frozenset({"href", "src", *_LAZY_SOURCES, "srcset"})
_FIRST_PASS_ATTRIBUTES = {
    **{k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
    "img": {*ALLOWED_ATTRIBUTES["img"], *_LAZY_SOURCES, "srcset"},
    "iframe": {"src", "title"},
}
_TRACKER_HOSTS = (
    "feeds.feedburner.com",
    "feedproxy.google.com",
    "pixel.wp.com",
    "stats.wordpress.com",
    "www.google-analytics.com",
    "google-analytics.com",
    "www.facebook.com",
    "ad.doubleclick.net",
)
_TRACKER_PATHS = re.compile(
    r"/(?:~r|~ff|~f)/|[/_.-](?:pixel|beacon|tracker)\.(?:gif|png)", re.I
)
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
_IMG = re.compile(r'<img((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*/?>')
_IFRAME = re.compile(
    r'<iframe((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*>.*?</iframe>', re.S
)
_HEADING = re.compile(r"<(/?)h([1-6])>")
# Whitespace between block tags means nothing to the converter but costs it a
# text node each; inline spacing (between </a> and <em>) is left alone.
_BLOCK_GAP = re.compile(
    r"(</(?:p|li|ul|ol|h[1-6]|blockquote|table|thead|tbody|tfoot|tr|td|th|figure"
    r"|figcaption|dl|dt|dd|caption|div)>|<(?:ul|ol|table|thead|tbody|tfoot|tr|"
    r"blockquote|figure|dl|div)>|<hr>)\s+(?=<)"
)
_YOUTUBE_EMBED = re.compile(
    r"^https?://(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)/embed/([\w-]{11})"
)
# Printable ASCII a URL keeps as it is; the rest (spaces, quotes, angle
# brackets, braces, backslashes, controls, non-ASCII) is percent-encoded, so a
# URL survives as a Markdown link destination and as an attribute value.
_URL_SAFE = "".join(ch for ch in map(chr, range(33, 127)) if ch not in "\"'()<>\\^`{|}")


@dataclass(frozen=True)
class CleanHtml:
    """Sanitized HTML and the images it shows.

    The first image is the fallback featured image.
    """

    html: str
    images: tuple[MediaRef, ...]


def absolute_url(
    value: str, base: str | None, file_root: str | None = None
) -> str | None:
    """``value`` made absolute against ``base``; None unless http(s)/mailto/tel.

    Unsafe characters (spaces, quotes, angle brackets, braces) are
    percent-encoded so the URL survives as a Markdown link destination.
    ``file:`` URLs are kept only under ``file_root`` (a local demo feed's
    folder), for the media stage.
    """
    value = value.strip()
    if not value:
        return None
    try:
        joined = urljoin(base or "", value)
        scheme = urlsplit(joined).scheme.lower()
    except ValueError:
        return None
    if scheme == "file" and file_root and joined.startswith(file_root):
        return quote(joined, safe=_URL_SAFE)
    if scheme not in URL_SCHEMES:
        return None
    return quote(joined, safe=_URL_SAFE)


def largest_candidate(srcset: str) -> str:
    """The URL of the widest (or densest) candidate of a ``srcset``."""
    best, best_width = "", -1.0
    for part in srcset.split(","):
        pieces = part.split()
        if not pieces:
            continue
        descriptor = pieces[1] if len(pieces) > 1 else "1x"
        try:
            width = float(descriptor[:-1])
        except ValueError:
            width = 0.0
        if width > best_width:
            best, best_width = pieces[0], width
    return best


def _attribute_filter(base: str | None, file_root: str | None) -> Any:
    def keep(element: str, attribute: str, value: str) -> str | None:
        if attribute in ("srcset", "data-srcset"):
            value = largest_candidate(value)
        if attribute in _URL_ATTRIBUTES:
            return absolute_url(value, base, file_root if element == "img" else None)
        if attribute in ("width", "height"):
            return value if value.isdigit() else None
        return value

    return keep


def _first_pass(value: str, base: str | None, file_root: str | None) -> str:
    return nh3.clean(
        close_unclosed(value),
        tags={*ALLOWED_TAGS, "iframe", *_BLOCK_CONTAINERS},
        attributes=_FIRST_PASS_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES | ({"file"} if file_root else set())),
        clean_content_tags=set(DROPPED_WITH_CONTENT - {"iframe"}),
        strip_comments=True,
        link_rel=None,
        attribute_filter=_attribute_filter(base, file_root),
    )


def _attributes(text: str) -> dict[str, str]:
    return {name: html.unescape(value or "") for name, value in _ATTR.findall(text)}


def _is_tracking_pixel(attrs: dict[str, str], src: str) -> bool:
    tiny = [attrs.get(k, "") for k in ("width", "height")]
    if any(v.isdigit() and int(v) <= 2 for v in tiny):
        return True
    host = (urlsplit(src).hostname or "").lower()
    return host in _TRACKER_HOSTS or bool(_TRACKER_PATHS.search(src))


def _image_source(attrs: dict[str, str]) -> str:
    for name in _LAZY_SOURCES:
        if attrs.get(name):
            return attrs[name]
    return attrs.get("src") or attrs.get("srcset", "")


def _rewrite_image(match: re.Match[str], found: list[MediaRef]) -> str:
    attrs = _attributes(match.group(1))
    src = _image_source(attrs)
    if not src or _is_tracking_pixel(attrs, src):
        return ""
    alt = " ".join(attrs.get("alt", "").split())
    found.append(MediaRef(src, alt))
    kept = {"src": src, "alt": alt}
    kept.update({k: attrs[k] for k in ("title", "width", "height") if attrs.get(k)})
    pairs = " ".join(f'{k}="{html.escape(v)}"' for k, v in kept.items())
    return f"<img {pairs}>"


def _rewrite_iframe(match: re.Match[str]) -> str:
    src = _attributes(match.group(1)).get("src", "")
    if not src:
        return ""
    video = _YOUTUBE_EMBED.match(src)
    if video:
        href = f"https://www.youtube.com/watch?v={video.group(1)}"
        label = "Tonton video di YouTube"
    else:
        href, label = src, urlsplit(src).hostname or src
    return f'<p><a href="{html.escape(href)}">{html.escape(label)}</a></p>'


def _demote_headings(value: str) -> str:
    """Keep the page's one ``h1`` (the title): body headings move one down."""
    if "<h1>" not in value:
        return value
    return _HEADING.sub(
        lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}>", value
    )


def clean_html(value: str, base: str | None, file_root: str | None = None) -> CleanHtml:
    """Sanitize an entry's HTML and list its images.

    Relative URLs resolve against ``base`` (the entry's or the feed's
    address); ``file_root`` is set for a local demo feed (see ``absolute_url``).
    """
    if not value or not value.strip():
        return CleanHtml("", ())
    images: list[MediaRef] = []
    canonical = _first_pass(value, base, file_root)
    rewritten = _IMG.sub(lambda m: _rewrite_image(m, images), canonical)
    rewritten = _IFRAME.sub(_rewrite_iframe, rewritten)
    rewritten = _CONTAINER_TAG.sub(r"<\1div>", rewritten)
    extra = frozenset({"file"}) if file_root else frozenset()
    final = sanitize_html(_demote_headings(rewritten), extra, frozenset({"div"}))
    return CleanHtml(_BLOCK_GAP.sub(r"\1", final).strip(), tuple(images))
