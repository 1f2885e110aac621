"""One story, many channels: group the posts that report the same story.

Two halves. At import time (``importer``) new posts are compared with the
posts of other channels published within a few days (``index``,
``similarity``) and grouped once (``grouping``); the decision is written
into the files as ``Story``, ``Duplicate_of`` and ``Story_reason``, where an
admin can change it. At build time (``register``) the ``Duplicate_of``
links are followed (``resolve``): one post per story is listed, the others
keep their pages and point to it. The build half loads Pelican lazily, so
the import command does not pay for it.
"""

from .grouping import Decision, StoryPost, group_posts
from .similarity import Features, StoryText, Verdict, Vocabulary, compare, features

__all__ = [
    "Decision",
    "Features",
    "StoryPost",
    "StoryText",
    "Verdict",
    "Vocabulary",
    "compare",
    "features",
    "group_posts",
    "register",
]


def register() -> None:
    """Connect the build-time handler (Pelican calls this)."""
    from .plugin import connect  # noqa: PLC0415 - loads Pelican only for builds

    connect()
