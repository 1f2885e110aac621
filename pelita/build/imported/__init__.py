"""Build-time half of the importer: re-sanitize imported posts, expose channels.

The offline importer is ``pelita.importer``; this plugin only reads its
registry and settings at build time (see ``plugin``).
"""

from .plugin import connect


def register() -> None:
    """Connect the build-time handlers (Pelican calls this)."""
    connect()
