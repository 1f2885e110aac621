"""Digests of the values a page's templates read, by name.

A stored page records the names its templates looked up (:mod:`.tracking`)
and a digest of each value; it is reused only while every digest is
unchanged. A value from the build's context is digested once per build; a
value given to one page (``kecamatan`` on a kecamatan page) once per value.
By default the digest is the whole value (:func:`.fingerprint.stable`, with
posts by their :class:`.postdigests.PostDigests` reference), which is always
safe. Some context values change every night only in parts no page shows,
so they have narrower digests here, each stating what pages may read:

``nav_categories``
    (category, post count) pairs: pages show the names and links, not the
    counts, which change with every new post.
``opd_pages_by_id``
    OPD pages by id: pages link to the page and name the office; the page's
    list of posts changes nightly.
``_responsive_images``
    the images plugin's plan of every photo: a page shows only its own
    photos, which are in its key already (by file hash); the options are
    all that is shared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from .fingerprint import FileHashes, stable
from .tracking import UNREAD, WHOLE, is_tracked


def _nav_categories(value: Any) -> Any:
    return [(getattr(c, "name", c), getattr(c, "url", "")) for c, *_ in value or []]


def _opd_pages(value: Any) -> Any:
    return {
        key: (getattr(page, "url", ""), getattr(page, "opd", None))
        for key, page in (value or {}).items()
    }


def _responsive_images(value: Any) -> Any:
    return getattr(value, "options", None)


NARROW: dict[str, Callable[[Any], Any]] = {
    "nav_categories": _nav_categories,
    "opd_pages_by_id": _opd_pages,
    "_responsive_images": _responsive_images,
}


_MISSING = object()


class NameDigests:
    """Digests of named values: context values once per build, others per value.

    A value is digested by its shape (:func:`.tracking.shape_of`): the
    attributes a page read of it, or all of it.
    """

    def __init__(self, context: dict[str, Any], hashes: FileHashes) -> None:
        self.context = context
        self.hashes = hashes
        self._shared: dict[tuple[str, Any], str] = {}
        self._local: dict[tuple[str, int, Any], tuple[Any, str]] = {}

    def _digest(self, name: str, value: Any, shape: Any) -> str:
        if value is _MISSING:
            return "missing"
        if shape == WHOLE and name in NARROW:
            value = NARROW[name](value)
        text = self._shaped(value, shape)
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _shaped(self, value: Any, shape: Any) -> str:
        if shape == WHOLE:
            return stable(value, self.hashes)
        if shape == UNREAD:
            return type(value).__qualname__
        kind, inner = shape
        if kind == "each" and isinstance(value, list | tuple):
            return "[" + ",".join(self._shaped(v, inner) for v in value) + "]"
        if kind == "attrs" and is_tracked(value):
            parts = [
                f"{name}:{self._shaped(getattr(value, name, None), sub)}"
                for name, sub in inner
            ]
            return f"{type(value).__qualname__}{{" + ",".join(parts) + "}"
        return stable(value, self.hashes)

    def of(self, name: str, local: dict[str, Any], shape: Any = WHOLE) -> str:
        """The digest of ``name`` as a page sees it (absent is a value too)."""
        value = local.get(name, _MISSING)
        if value is self.context.get(name, _MISSING):
            key = (name, shape)
            if key not in self._shared:
                self._shared[key] = self._digest(name, value, shape)
            return self._shared[key]
        known = self._local.get((name, id(value), shape))
        if known is None or known[0] is not value:
            known = (value, self._digest(name, value, shape))
            self._local[name, id(value), shape] = known
        return known[1]
