"""Record what a template render reads: names, and attributes of objects.

Compiled Jinja templates look every free name up through
``Context.resolve_or_missing``; includes and imported macros get contexts
of the same class. Swapping the environment's ``context_class`` sees every
name a page's templates read. Jinja loads a frame's names when the frame
starts, also those only used in a branch not taken, so a name read is one
the page *may* use: that errs on the safe side.

Names are not enough for the objects plugins give templates: a kelurahan
page shows its kecamatan's name and link, but the kecamatan's page object
also holds its list of posts, which changes with every post there. So
attribute reads are recorded too: every ``x.attr`` (and ``x["attr"]``,
``|map(attribute=...)``...) goes through the environment's ``getattr`` and
``getitem``, which are wrapped here. An object is then digested by the
attributes a page read of it (:func:`shape_of`), recursively, and by whole
where that is not known:

* an object passed to a filter, a test or a global function (which may
  read anything of it), or printed, or whose method was called, counts
  whole;
* lists count element by element, with the union of what was read of any
  element;
* a post (``Content``) anything was read of counts whole (by its
  :mod:`.postdigests` reference); one nothing was read of (a list's items
  when only its length was asked) only counts as being there;
* strings, numbers, dates and dicts count whole.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from jinja2.runtime import Context, Undefined
from markupsafe import Markup
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

WHOLE = "*"
UNREAD = "-"  # a tracked object nothing was read of: only its kind counts
_PLAIN = (
    Content, URLWrapper, Undefined, Markup, str, bytes, int, float, bool,
    list, tuple, dict, set, frozenset, dt.date, dt.time, Path, ModuleType, type,
)  # fmt: skip


_TRACKED_TYPES: dict[type, bool] = {}


def is_tracked(value: Any) -> bool:
    """Whether attribute reads of ``value`` are followed (a plugin's object)."""
    kind = type(value)
    known = _TRACKED_TYPES.get(kind)
    if known is None:
        known = _TRACKED_TYPES[kind] = (
            value is not None
            and not isinstance(value, _PLAIN)
            and not callable(value)
            and hasattr(value, "__dict__")
        )
    return known


class Reads:
    """What one render read: names, and attributes of tracked objects."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.attributes: dict[int, set[str]] = {}
        self.whole: set[int] = set()
        self._pinned: list[Any] = []  # keep ids valid while the record is used

    def attribute(self, value: Any, name: Any, result: Any) -> None:
        """``value.name`` was read and gave ``result``."""
        if isinstance(value, Content):  # a post: shown, so digested whole
            self.whole.add(id(value))
            self._pinned.append(value)
            return
        if not is_tracked(value):
            return
        if not isinstance(name, str) or (
            callable(result) and not isinstance(result, type | Undefined)
        ):
            self.used(value)
            return
        self.attributes.setdefault(id(value), set()).add(name)
        self._pinned.append(value)

    def used(self, value: Any) -> None:
        """``value`` was used other than by reading its attributes."""
        if (
            type(value) in (list, tuple)
            or is_tracked(value)
            or isinstance(value, Content)
        ):
            self.whole.add(id(value))
            self._pinned.append(value)


def shape_of(value: Any, reads: Reads, depth: int = 0) -> Any:
    """What a page read of ``value``: ``WHOLE``, or attributes with their shapes.

    A shape is hashable: ``("attrs", ((name, shape), ...))`` for an object,
    ``("each", shape)`` for the items of a list or tuple, ``UNREAD`` for an
    object nothing was read of (an item a loop stopped before).
    """
    if depth > 6 or id(value) in reads.whole:
        return WHOLE
    if isinstance(value, list | tuple):
        shapes = [shape_of(item, reads, depth + 1) for item in value]
        union = _union(shapes) if shapes else WHOLE
        return WHOLE if union == WHOLE else ("each", union)
    if isinstance(value, Content):
        return UNREAD
    names = reads.attributes.get(id(value)) if is_tracked(value) else None
    if names is None:
        return WHOLE if not is_tracked(value) else UNREAD
    return (
        "attrs",
        tuple(
            (name, shape_of(getattr(value, name, None), reads, depth + 1))
            for name in sorted(names)
        ),
    )


def _union(shapes: list[Any]) -> Any:
    if any(s == WHOLE for s in shapes):
        return WHOLE
    shapes = [s for s in shapes if s != UNREAD]
    if not shapes:
        return UNREAD
    kinds = {s[0] for s in shapes}
    if kinds == {"each"}:
        inner = _union([s[1] for s in shapes])
        return WHOLE if inner == WHOLE else ("each", inner)
    if kinds != {"attrs"}:
        return WHOLE
    merged: dict[str, list[Any]] = {}
    for shape in shapes:
        for name, sub in shape[1]:
            merged.setdefault(name, []).append(sub)
    return ("attrs", tuple((n, _union(subs)) for n, subs in sorted(merged.items())))


class TrackingContext(Context):
    """A Jinja context that notes each name it resolves in the open record."""

    def resolve_or_missing(self, key: str) -> Any:
        """Resolve ``key`` as Jinja does, noting the name while a record is open."""
        reads = getattr(self.environment, "pelita_reads", None)
        if reads is not None:
            reads.names.add(key)
        return super().resolve_or_missing(key)


# Jinja's own filters and tests that pass values along (or read their
# attributes through the environment, which is followed) without looking
# into them: what they are given is not used whole.
PASS_THROUGH = frozenset(
    {
        "default", "d", "first", "last", "length", "count", "list", "reverse",
        "selectattr", "rejectattr", "batch", "slice",
        "defined", "undefined", "none", "boolean", "true", "false", "string",
        "mapping", "number", "sequence", "iterable", "callable", "sameas",
    }
)  # fmt: skip


def _wrap_use(function: Any, environment: Any) -> Any:
    """``function`` (a filter, test or global) noting its arguments as used."""

    @functools.wraps(function)
    def noting(*args: Any, **kwargs: Any) -> Any:
        reads = environment.pelita_reads
        if reads is not None:
            for value in (*args, *kwargs.values()):
                reads.used(value)
        return function(*args, **kwargs)

    return noting


def install(environment: Any) -> None:
    """Make ``environment`` record reads (idle until :func:`reading`)."""
    if getattr(environment, "pelita_reads", False) is not False:
        return
    environment.context_class = TrackingContext
    environment.pelita_reads = None
    plain_getattr, plain_getitem = environment.getattr, environment.getitem

    def getattr_noting(obj: Any, attribute: str) -> Any:
        result = plain_getattr(obj, attribute)
        if environment.pelita_reads is not None:
            environment.pelita_reads.attribute(obj, attribute, result)
        return result

    def getitem_noting(obj: Any, argument: Any) -> Any:
        result = plain_getitem(obj, argument)
        if environment.pelita_reads is not None:
            environment.pelita_reads.attribute(obj, argument, result)
        return result

    environment.getattr = getattr_noting
    environment.getitem = getitem_noting
    for table in (environment.filters, environment.tests):
        for name, function in list(table.items()):
            if name not in PASS_THROUGH:
                table[name] = _wrap_use(function, environment)
    for name, value in list(environment.globals.items()):
        if callable(value) and not isinstance(value, type):
            environment.globals[name] = _wrap_use(value, environment)
    finalize = environment.finalize

    def finalize_noting(value: Any) -> Any:
        if environment.pelita_reads is not None:
            environment.pelita_reads.used(value)
        return finalize(value) if finalize is not None else value

    environment.finalize = finalize_noting


@contextmanager
def reading(environment: Any) -> Iterator[Reads]:
    """Collect what the renders inside the block read."""
    reads = Reads()
    environment.pelita_reads = reads
    try:
        yield reads
    finally:
        environment.pelita_reads = None
