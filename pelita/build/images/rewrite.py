"""Rewrite <img> tags in rendered post bodies to responsive ones."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\s([a-zA-Z-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")


def _attributes(tag: str) -> dict[str, str]:
    return {
        name.lower(): html.unescape(value.strip("\"'"))
        for name, value in _ATTR.findall(tag)
    }


def _site_path(src: str, siteurl: str) -> str | None:
    """Path under the site root of a local ``src``; None for other hosts."""
    if siteurl and src.startswith(siteurl + "/"):
        return src[len(siteurl) + 1 :]
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.IGNORECASE):
        return None
    return src.lstrip("/")


def _is_pixel(attrs: dict[str, str]) -> bool:
    """A tracking pixel: declared at most 3 px wide or high."""
    sizes = [attrs.get("width", ""), attrs.get("height", "")]
    return any(
        v.strip().rstrip("px").isdigit() and int(v.strip().rstrip("px")) <= 3
        for v in sizes
    )


def _remote(attrs: dict[str, str], label: str) -> str:
    """A link in place of an image on another host (no third-party request)."""
    if _is_pixel(attrs):
        return ""
    src = attrs["src"]
    host = urlsplit(src if "//" in src else f"//{src}").hostname or src
    text = attrs.get("alt") or f"{label} ({host})"
    return (
        f'<a class="remote-image" href="{html.escape(src, quote=True)}" rel="nofollow">'
        f"{html.escape(text)}</a>"
    )


def rewrite_images(
    body: str,
    siteurl: str,
    find: Callable[[str], Any],
    sizes: str,
    remote_label: str = "Image",
) -> str:
    """Make a post body's images responsive and free of third-party requests.

    Local images the build processed get srcset, sizes, width, height and
    lazy loading; an image on another host becomes a link to it (a tracking
    pixel is dropped), so reading a post never contacts another server.
    Tags that already carry ``srcset`` and unknown local images are kept.
    """

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = _attributes(tag)
        if "src" not in attrs:
            return tag
        path = _site_path(attrs["src"], siteurl)
        if path is None:
            return _remote(attrs, remote_label)
        plan = find(path)
        if plan is None or "srcset" in attrs:
            return tag
        prefix = f"{siteurl}/" if siteurl else "/"
        srcset = ", ".join(f"{prefix}{v.path} {v.width}w" for v in plan.variants)
        attrs.update(
            src=f"{prefix}{plan.src}",
            srcset=srcset,
            sizes=sizes,
            width=str(plan.width),
            height=str(plan.height),
        )
        attrs.setdefault("alt", "")
        attrs.setdefault("loading", "lazy")
        attrs.setdefault("decoding", "async")
        rendered = " ".join(
            f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()
        )
        return f"<img {rendered}>"

    return _IMG.sub(replace, body)
