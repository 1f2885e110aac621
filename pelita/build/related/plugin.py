"""Attach ``related_posts`` to every published article."""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from pelican import signals

from pelita.core.settings import RELATED, merge_settings

from .index import Doc, city_stopwords, related_indices

logger = logging.getLogger(__name__)

_TAG = re.compile(r"<[^>]+>")


def _doc(article: Any, body_chars: int) -> Doc:
    body = _TAG.sub(" ", str(getattr(article, "_content", "") or "")[: body_chars * 2])
    summary = _TAG.sub(
        " ", str(getattr(article, "metadata", {}).get("summary", "") or "")
    )
    group = (
        getattr(article, "story", None)
        or getattr(article, "duplicate_of", None)
        or article.slug
    )
    return Doc(
        timestamp=article.date.timestamp(),
        category=str(article.category),
        kecamatan=str(getattr(article, "kecamatan", "") or ""),
        tags=tuple(str(t) for t in getattr(article, "tags", None) or ()),
        text=f"{article.title} {article.title} {summary} {body[:body_chars]}",
        group=str(group),
    )


def attach_related(generator: Any) -> None:
    """Compute related posts once per build, after all articles are read."""
    options = merge_settings(generator.settings, RELATED)
    articles = generator.articles
    started = time.perf_counter()
    docs = [_doc(a, options["body_chars"]) for a in articles]
    found = related_indices(
        docs,
        options["limit"],
        options["max_words"],
        options["window"],
        city_stopwords(str(generator.settings.get("CITY") or "")),
    )
    for article, indices in zip(articles, found, strict=True):
        article.related_posts = [articles[i] for i in indices]
    logger.info(
        "related: %d posts indexed in %.2f s",
        len(articles),
        time.perf_counter() - started,
    )


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_finalized.connect(attach_related)
