"""Cheap digests of posts, for deciding which pages changed before rendering.

A page shows posts: an article page its own post and a few others (related
posts, the other reports of its story), a list page a dozen cards. Its key
must change whenever anything it shows of them changes, and computing it
must cost next to nothing, since a 20,000-post site has some 35,000 pages
and only a handful change in a night.

What a post shows is made from its source file, the files it names (its
photo), and the settings, code, theme and registries of the build (the
*site key*, the same for every page). Plugins derive everything else from
those, with two exceptions this module follows explicitly:

* other posts: related posts, the story's other reports. Every post found
  in the post's attributes (directly, in a list, a dict or an object one
  level down) is folded in with its own digest;
* decisions taken by looking at other posts that leave a plain value behind
  (``status`` set to hidden because another report is listed, the
  ``story`` key of a group): every plain attribute value is folded in.

And links to other content written in the text (``{filename}...``) are
replaced at render time with those posts' URLs, so a post that has one is
digested with its rendered HTML.

``own`` is a post by itself; ``ref`` is what a page showing the post
depends on (its own digest and those of the posts it points to, two levels
deep: a card of a related post may show that post's story).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .files import linked_candidates
from .sourcefiles import SourceFiles

# Attributes that are the build itself or the text (covered by the file).
_SKIPPED = frozenset(
    {"settings", "_context", "_content", "_summary", "metadata", "in_default_lang"}
)
# Marks of Pelican's intra-site links (``href="{filename}/posts/x.md"``).
_LINK_MARKS = ('"{', "'{", '"|', "'|")


class PostDigests:
    """Digests of posts, each computed at most once per build."""

    def __init__(self, settings: dict[str, Any], files: SourceFiles) -> None:
        self.settings = settings
        self.files = files
        self.root = Path(settings["PATH"])
        self._own: dict[int, tuple[Any, str]] = {}
        self._ref: dict[int, tuple[Any, str]] = {}
        self._held: dict[int, tuple[Any, tuple[Any, ...]]] = {}
        self._once: dict[int, tuple[Any, str]] = {}

    def own(self, post: Any) -> str:
        """The post by itself: source, named files, plain values, links."""
        known = self._own.get(id(post))
        if known is not None and known[0] is post:
            return known[1]
        digest = hashlib.sha256()
        source = str(getattr(post, "source_path", "") or "")
        digest.update(f"{type(post).__name__}\0{source}\0".encode())
        raw = str(getattr(post, "_content", "") or "")
        if source:
            record = self.files.record(Path(source), raw)
            digest.update(record.sha256.encode())
            for name in self._named_files(post, record.links):
                digest.update(f"\0{name}:{self.files.sha256(name)}".encode())
        if any(mark in raw for mark in _LINK_MARKS):
            html = str(post.get_content(self.settings.get("SITEURL", "")))
            digest.update(hashlib.sha256(html.encode("utf-8", "replace")).digest())
        for name, value in sorted(vars(post).items()):
            if name not in _SKIPPED:
                text = _plain(value)
                if text is not None:
                    digest.update(f"\0{name}={text}".encode("utf-8", "replace"))
        value = digest.hexdigest()
        self._own[id(post)] = (post, value)
        return value

    def ref(self, post: Any, depth: int = 2) -> str:
        """What a page showing ``post`` depends on (see the module docstring)."""
        if depth < 2:
            return self._ref_once(post)
        known = self._ref.get(id(post))
        if known is not None and known[0] is post:
            return known[1]
        parts = [self.own(post), *(self._ref_once(o) for o in self._posts_in(post))]
        value = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        self._ref[id(post)] = (post, value)
        return value

    def _ref_once(self, post: Any) -> str:
        known = self._once.get(id(post))
        if known is None or known[0] is not post:
            parts = [self.own(post), *(self.own(o) for o in self._posts_in(post))]
            known = (post, hashlib.sha256("\n".join(parts).encode()).hexdigest())
            self._once[id(post)] = known
        return known[1]

    def _posts_in(self, post: Any) -> tuple[Any, ...]:
        known = self._held.get(id(post))
        if known is None or known[0] is not post:
            known = (post, _posts_in(post))
            self._held[id(post)] = known
        return known[1]

    def _named_files(self, post: Any, links: tuple[str, ...]) -> list[Path]:
        """Files under PATH the post names in its metadata or links to."""
        siteurl = str(self.settings.get("SITEURL") or "")
        found = set()
        for candidate in (*linked_candidates(post.metadata, ()), *links):
            link = candidate.removeprefix(siteurl) if siteurl else candidate
            if "://" in link:
                continue
            path = self.root / link.lstrip("/")
            if self.files.is_file(path):
                found.add(path)
        return sorted(found)


def _plain(value: Any) -> str | None:
    """Text for a plain value (or a list of them); None for anything else."""
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, URLWrapper):
        return f"{value.name}|{value.url}"
    if isinstance(value, list | tuple) and all(
        isinstance(v, str | URLWrapper) for v in value
    ):
        return "[" + ",".join(_plain(v) or "" for v in value) + "]"
    return None


_LEAVES = frozenset({str, bytes, int, float, bool, type(None), dt.date, dt.datetime})


def _posts_in(post: Any) -> tuple[Any, ...]:
    """Other posts held by ``post``'s attributes, one container or object deep."""
    seen: dict[int, Any] = {id(post): post}
    for name, value in vars(post).items():
        if name in _SKIPPED or type(value) in _LEAVES:
            continue
        for found in _contents(value, 2):
            seen.setdefault(id(found), found)
    return tuple(found for key, found in seen.items() if key != id(post))


def _contents(value: Any, depth: int) -> Iterator[Any]:
    if type(value) in _LEAVES or isinstance(value, URLWrapper):
        return
    if isinstance(value, Content):
        yield value
        return
    if depth == 0:
        return
    if isinstance(value, dict):
        items = list(value.values())
    elif isinstance(value, list | tuple | set | frozenset):
        items = list(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [getattr(value, f.name) for f in dataclasses.fields(value)]
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        items = [v for k, v in vars(value).items() if k not in _SKIPPED]
    else:
        return
    for item in items:
        yield from _contents(item, depth - 1)


def source_key(path: str | os.PathLike[str]) -> str:
    """A source path as digests name it."""
    return os.fspath(path)
