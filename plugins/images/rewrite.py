"""Rewrite <img> tags in rendered post bodies to responsive ones."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

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


def rewrite_images(
    body: str, siteurl: str, find: Callable[[str], Any], sizes: str
) -> str:
    """Add srcset, sizes, width, height and lazy loading to local images.

    Tags that already carry ``srcset``, and images the build did not
    process, are left as they are.
    """

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = _attributes(tag)
        if "srcset" in attrs or "src" not in attrs:
            return tag
        path = _site_path(attrs["src"], siteurl)
        plan = find(path) if path else None
        if plan is None:
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
