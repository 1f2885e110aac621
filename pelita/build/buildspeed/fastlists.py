"""Pelican's topic, category and author pages, without a quadratic step.

Before writing each topic (and category, and author) page, Pelican's
``ArticlesGenerator`` picks the page's posts out of the site's date-ordered
list with ``[a for a in self.dates if a in articles]``: a scan of the
topic's list for every post of the site. With 20,000 posts and 57 topics
that is some hundreds of millions of comparisons, about a minute of a
build. The lists of each topic, category and author are given an ``in``
that looks posts up by identity in a set (what the scan compares, as posts
do not define equality), built on first use and dropped on any change.
"""

from __future__ import annotations

from typing import Any


class MembershipList(list):
    """A list whose ``in`` is a set lookup by identity."""

    _ids: set[int] | None = None

    def __contains__(self, item: object) -> bool:
        if self._ids is None:
            self._ids = {id(x) for x in self}
        return id(item) in self._ids

    def _changed(self) -> None:
        self._ids = None

    def append(self, item: Any) -> None:  # noqa: D102
        self._changed()
        super().append(item)

    def extend(self, items: Any) -> None:  # noqa: D102
        self._changed()
        super().extend(items)

    def insert(self, index: Any, item: Any) -> None:  # noqa: D102
        self._changed()
        super().insert(index, item)

    def remove(self, item: Any) -> None:  # noqa: D102
        self._changed()
        super().remove(item)

    def pop(self, *args: Any) -> Any:  # noqa: D102
        self._changed()
        return super().pop(*args)

    def clear(self) -> None:  # noqa: D102
        self._changed()
        super().clear()

    def __setitem__(self, index: Any, value: Any) -> None:
        self._changed()
        super().__setitem__(index, value)

    def __delitem__(self, index: Any) -> None:
        self._changed()
        super().__delitem__(index)

    def __iadd__(self, items: Any) -> MembershipList:
        self._changed()
        return super().__iadd__(items)


def fast_membership(generator: Any) -> None:
    """Give the generator's topic, category and author lists a fast ``in``."""
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in list(tags.items()):
            tags[tag] = MembershipList(articles)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):  # changed in place: the context holds it too
            pairs[:] = [(key, MembershipList(articles)) for key, articles in pairs]
