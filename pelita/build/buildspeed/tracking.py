"""Record which context names a template render reads.

Compiled Jinja templates look every free name up through
``Context.resolve_or_missing``; includes and imported macros get contexts
of the same class. Swapping the environment's ``context_class`` therefore
sees every name a page's templates read, which is how the page cache knows
whether a page depends only on what its fingerprint covers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.runtime import Context


class TrackingContext(Context):
    """A Jinja context that adds each name it resolves to its environment's log."""

    def resolve_or_missing(self, key: str) -> Any:
        """Resolve ``key`` as Jinja does, noting the name while a log is open."""
        log = getattr(self.environment, "pelita_resolved", None)
        if log is not None:
            log.add(key)
        return super().resolve_or_missing(key)


def install(environment: Any) -> None:
    """Make ``environment`` create tracking contexts (idle until ``reading``)."""
    environment.context_class = TrackingContext
    environment.pelita_resolved = None


@contextmanager
def names_read(environment: Any) -> Iterator[set[str]]:
    """Collect the names the renders inside the block read."""
    names: set[str] = set()
    environment.pelita_resolved = names
    try:
        yield names
    finally:
        environment.pelita_resolved = None
