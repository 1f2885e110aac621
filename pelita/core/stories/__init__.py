"""One story, many channels: the pure core of grouping posts by story.

At import time (``pelita.importer``) new posts are compared with the posts
of other channels published within a few days (``index``, ``similarity``)
and grouped once (``grouping``). The build plugin ``pelita.build.stories``
follows the written ``Duplicate_of`` links.
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
]
