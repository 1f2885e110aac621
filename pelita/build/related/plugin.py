"""Attach ``related_posts`` to every published article.

Related posts are chosen among earlier posts (:mod:`.index` says why), so
the work of earlier builds is kept in ``CACHE_PATH/related-state.pickle``
and a build scores only the posts published since (or every post after the
first one that changed), when the build keeps work between builds
(``BUILDSPEED``'s ``page_cache``). The result is the same with or without
the file.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import re
import time
from pathlib import Path
from typing import Any

from pelican import signals

from pelita.build.buildspeed.settings import incremental
from pelita.core.settings import RELATED, merge_settings

from .index import Doc, Options, RelatedState, city_stopwords, related_as_published

logger = logging.getLogger(__name__)

STATE_FILE = "related-state.pickle"
_TAG = re.compile(r"<[^>]+>")


def _doc(article: Any, body_chars: int) -> Doc:
    raw_body = str(getattr(article, "_content", "") or "")[: body_chars * 2]
    raw_summary = str(getattr(article, "metadata", {}).get("summary", "") or "")
    title = str(article.title)
    group = (
        getattr(article, "story", None)
        or getattr(article, "duplicate_of", None)
        or article.slug
    )
    kecamatan = str(getattr(article, "kecamatan", "") or "")
    tags = tuple(str(t) for t in getattr(article, "tags", None) or ())
    key = str(getattr(article, "source_path", "") or article.slug)
    timestamp = article.date.timestamp()

    def text() -> str:
        body = _TAG.sub(" ", raw_body)
        summary = _TAG.sub(" ", raw_summary)
        return f"{title} {title} {summary} {body[:body_chars]}"

    parts = [repr(timestamp), str(article.category), kecamatan, *tags, str(group)]
    parts += [key, title, raw_summary, raw_body]
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()
    return Doc(
        timestamp=timestamp,
        category=str(article.category),
        kecamatan=kecamatan,
        tags=tags,
        text=text,
        group=str(group),
        key=key,
        digest=digest,
    )


def _load(path: Path) -> RelatedState | None:
    try:
        with path.open("rb") as handle:
            state = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
        return None
    return state if isinstance(state, RelatedState) else None


def _save(path: Path, state: RelatedState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    with partial.open("wb") as handle:
        pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)


def _options(settings: dict[str, Any], options: dict[str, Any]) -> Options:
    """The index's options; the city's name is a stop word (every post names it)."""
    return Options(
        options["limit"],
        options["max_words"],
        options["window"],
        stopwords=city_stopwords(str(settings.get("CITY") or "")),
    )


def attach_related(generator: Any) -> None:
    """Compute related posts once per build, after all articles are read."""
    options = merge_settings(generator.settings, RELATED)
    articles = generator.articles
    started = time.perf_counter()
    docs = [_doc(a, options["body_chars"]) for a in articles]
    keep = incremental(generator.settings) and generator.settings.get("CACHE_PATH")
    path = Path(generator.settings.get("CACHE_PATH") or ".") / STATE_FILE
    kept = _load(path) if keep else None
    found, state, scored = related_as_published(
        docs,
        _options(generator.settings, options),
        kept,
    )
    for article, indices in zip(articles, found, strict=True):
        article.related_posts = [articles[i] for i in indices]
    if keep and (scored or state is not kept):  # new posts, or rebuilt shorter
        _save(path, state)
    logger.info(
        "related: %d posts, %d scored in %.2f s",
        len(articles),
        scored,
        time.perf_counter() - started,
    )


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_finalized.connect(attach_related)
