"""One story, many channels: list one post per story at build time.

The importer groups the posts that report the same story
(``pelita.core.stories``) and writes the decision into the files as
``Story``, ``Duplicate_of`` and ``Story_reason``, where an admin can change
it. At build time (``register``) the ``Duplicate_of`` links are followed
(``resolve``): one post per story is listed, the others keep their pages and
point to it.
"""

from .plugin import connect


def register() -> None:
    """Connect the build-time handler (Pelican calls this)."""
    connect()
