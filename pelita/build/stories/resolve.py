"""Turn ``Duplicate_of`` lines into story groups: the build's pure core.

A post's ``Duplicate_of`` names another post by slug, by ``Import_id``, or
by its URL; following those links from any post ends at its story's
primary. ``Story`` is a label only: the links decide, so an admin splits a
post off by deleting its ``Duplicate_of`` line and merges one by adding it.
A link that names no post, names the post itself, or goes round in a circle
is reported and ignored; a story whose primary is not published (a draft)
hides nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pelita.core.registries import closest


@dataclass(frozen=True)
class Node:
    """What resolving needs of a post (Pelican articles are adapted to this)."""

    key: int
    slug: str
    import_id: str | None
    duplicate_of: str | None
    source: str  # for messages: the post's file


@dataclass
class Groups:
    """Each duplicate's primary, and the problems found on the way."""

    primary_of: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def members(self) -> dict[int, list[int]]:
        """Primary -> its duplicates."""
        found: dict[int, list[int]] = {}
        for member, primary in self.primary_of.items():
            found.setdefault(primary, []).append(member)
        return found


def _target_key(value: str) -> str:
    """``berita/foo/``, ``https://site/berita/foo/`` or ``foo`` -> ``foo``."""
    value = value.strip()
    if "/" in value:
        parts = [p for p in value.split("?")[0].split("#")[0].split("/") if p]
        return parts[-1] if parts else value
    return value


def _lookup(nodes: Iterable[Node]) -> dict[str, int]:
    table: dict[str, int] = {}
    for node in nodes:
        if node.import_id:
            table.setdefault(node.import_id, node.key)
        table.setdefault(node.slug, node.key)
    return table


def _links(nodes: list[Node], table: Mapping[str, int], groups: Groups) -> dict:
    links: dict[int, int] = {}
    for node in nodes:
        if not node.duplicate_of:
            continue
        value = node.duplicate_of.strip()
        target = table.get(value, table.get(_target_key(value)))
        if target is None:
            hint = closest(_target_key(value), [n.slug for n in nodes], 1)
            more = f"; did you mean {hint[0]!r}?" if hint else ""
            groups.problems.append(
                f"{node.source}: Duplicate_of {value!r} names no post{more}; "
                "the post stays listed"
            )
        elif target == node.key:
            groups.problems.append(
                f"{node.source}: Duplicate_of names the post itself; ignored"
            )
        else:
            links[node.key] = target
    return links


def _root(start: int, links: Mapping[int, int]) -> tuple[int, bool]:
    """Follow the links from ``start``; (root, False) or (start, True) on a loop."""
    seen, current = {start}, start
    while current in links:
        current = links[current]
        if current in seen:
            return start, True
        seen.add(current)
    return current, False


def resolve(nodes: list[Node], listed: set[int]) -> Groups:
    """Group the posts by their ``Duplicate_of`` links.

    ``listed`` are the keys of published posts; a chain must end at one of
    them for its posts to be hidden.
    """
    groups = Groups()
    by_key = {n.key: n for n in nodes}
    links = _links(nodes, _lookup(nodes), groups)
    for member in sorted(links):
        root, loop = _root(member, links)
        if loop:
            groups.problems.append(
                f"{by_key[member].source}: Duplicate_of goes round in a circle; "
                "the post stays listed"
            )
        elif root in listed and member in listed:
            groups.primary_of[member] = root
    return groups


def node_of(key: int, article: Any) -> Node:
    """A Pelican article as a ``Node``."""
    meta = article.metadata
    return Node(
        key=key,
        slug=str(getattr(article, "slug", "") or ""),
        import_id=str(meta["import_id"]) if meta.get("import_id") else None,
        duplicate_of=str(meta["duplicate_of"]) if meta.get("duplicate_of") else None,
        source=str(getattr(article, "relative_source_path", "") or ""),
    )
