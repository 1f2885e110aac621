"""Build time: list one post per story, keep the others' pages.

In ``article_generator_pretaxonomy`` (every build, also when Pelican's
content cache skipped the readers) each post with a ``Duplicate_of`` link to
a listed post moves from the generator's articles to its hidden articles,
with status ``hidden``: no index, category, tag, archive, feed, sitemap,
kecamatan page, awards wall or related-posts list sees it, but its page is
still written. Templates get ``article.story_primary`` (on a duplicate: the
primary post) and ``article.story_members`` (on a primary: its duplicates,
oldest first). The ``Story`` metadata of listed posts is made to agree with
the links (the primary's group key, or none), so plugins that read it (the
awards wall keeps one post per ``Story``) see the same groups.
"""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals
from pelican.utils import order_content

from pelita.core.settings import plugin_enabled

from .resolve import node_of, resolve

logger = logging.getLogger(__name__)

_HIDDEN_FLAG = "_pelita_story_hidden"
_STORY_SOURCE = "_pelita_story_source"
_MISSING = object()


def _restore(generator: Any) -> None:
    """Undo what an earlier build did to cached articles (hidden, Story)."""
    back = [a for a in generator.hidden_articles if getattr(a, _HIDDEN_FLAG, False)]
    if back:
        generator.hidden_articles = [
            a for a in generator.hidden_articles if not getattr(a, _HIDDEN_FLAG, False)
        ]
        for article in back:
            article.status = "published"
            setattr(article, _HIDDEN_FLAG, False)
        generator.articles = order_content(
            [*generator.articles, *back], generator.settings["ARTICLE_ORDER_BY"]
        )
    for article in [*generator.articles, *generator.hidden_articles]:
        source = getattr(article, _STORY_SOURCE, _MISSING)
        if source is _MISSING:
            setattr(article, _STORY_SOURCE, article.metadata.get("story"))
        article.story_primary = None
        article.story_members = []


def _story_key(primary: Any) -> str:
    return str(getattr(primary, _STORY_SOURCE, None) or primary.slug)


def _set_story(article: Any, value: str | None) -> None:
    if value:
        article.metadata["story"] = article.story = value
    else:
        article.metadata.pop("story", None)
        if hasattr(article, "story"):
            del article.story


def group_articles(generator: Any) -> None:
    """Hide the duplicates, link them to their primaries."""
    if not plugin_enabled(generator.settings, "stories"):
        return
    _restore(generator)
    candidates = [*generator.articles, *generator.hidden_articles]
    listed = set(range(len(generator.articles)))
    groups = resolve([node_of(i, a) for i, a in enumerate(candidates)], listed)
    for problem in groups.problems:
        logger.warning("stories: %s", problem)
    members = groups.members()
    for index, article in enumerate(generator.articles):
        key = _story_key(article) if index in members else None
        _set_story(article, key if index not in groups.primary_of else None)
    for primary, found in members.items():
        article = candidates[primary]
        duplicates = sorted((candidates[i] for i in found), key=lambda a: a.date)
        article.story_members = duplicates
        for duplicate in duplicates:
            duplicate.story_primary = article
            _set_story(duplicate, _story_key(article))
            duplicate.status = "hidden"
            setattr(duplicate, _HIDDEN_FLAG, True)
    hidden = {id(candidates[i]) for i in groups.primary_of}
    generator.articles = [a for a in generator.articles if id(a) not in hidden]
    generator.hidden_articles = [
        *generator.hidden_articles,
        *(candidates[i] for i in sorted(groups.primary_of)),
    ]
    logger.info(
        "stories: %d stories told by several posts; %d duplicates not listed",
        len(members),
        len(groups.primary_of),
    )


def connect() -> None:
    """Connect the handler to Pelican's signals."""
    signals.article_generator_pretaxonomy.connect(group_articles)
