"""Pelican signal handlers: tag every article, then hand over to the pages.

Tagging runs in ``article_generator_pretaxonomy``, which fires on every
build even when Pelican's content cache skipped the readers, so cached
articles are tagged again from their metadata (never from attributes set
by an earlier build).
"""

from __future__ import annotations

import logging
from itertools import chain
from typing import Any

from pelican import signals

from pelita.build.buildspeed.memo import PostMemo
from pelita.core.registries import load_gazetteer, registry_paths
from pelita.core.wilayah.assign import PostText, assign_wilayah
from pelita.core.wilayah.errors import WilayahError
from pelita.core.wilayah.places import Wilayah, build_areas
from pelita.core.wilayah.rules import load_rules
from pelita.core.wilayah.tagger import build_tagger
from pelita.core.wilayah.validation import format_problem

from .generator import WilayahGenerator
from .settings import merge_settings
from .state import STATE_KEY, WilayahState

logger = logging.getLogger(__name__)


def _all_articles(generator: Any) -> chain:
    return chain.from_iterable(
        getattr(generator, name, ())
        for name in (
            "articles",
            "translations",
            "hidden_articles",
            "hidden_translations",
            "drafts",
            "drafts_translations",
        )
    )


def apply_wilayah(article: Any, wilayah: Wilayah) -> None:
    """Set ``article.wilayah`` and the primary names templates already use."""
    article.wilayah = wilayah
    article.kecamatan = wilayah.kecamatan[0].nama if wilayah.kecamatan else None
    article.kelurahan = wilayah.kelurahan[0].nama if wilayah.kelurahan else None


def tag_articles(generator: Any) -> None:
    """Give every article its ``wilayah``; fail the build on bad metadata."""
    config = merge_settings(generator.settings)
    paths = registry_paths(generator.settings)
    gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
    tagger = build_tagger(gazetteer, load_rules(paths["wilayah_tagger"], gazetteer))
    areas = build_areas(gazetteer, config)
    problems, inferred = [], 0
    memo = PostMemo(generator.settings, "wilayah")
    for article in _all_articles(generator):

        def tag(article: Any = article) -> tuple[Wilayah, list[Any]]:
            text = PostText(
                article.title,
                article.metadata.get("summary") or "",
                getattr(article, "_content", "") or "",
            )
            return assign_wilayah(
                article.metadata, text, tagger, areas, config["infer"]
            )

        wilayah, found = memo.get(article, tag)
        problems.extend(format_problem(article.source_path, p) for p in found)
        apply_wilayah(article, wilayah)
        inferred += wilayah.inferred
    memo.save()
    if problems:
        for problem in problems:
            logger.error("wilayah: %s", problem)
        raise WilayahError(
            "wilayah: bad Kecamatan/Kelurahan metadata:\n  " + "\n  ".join(problems)
        )
    logger.info("wilayah: %d posts tagged from their text", inferred)
    generator.context[STATE_KEY] = WilayahState(config, gazetteer, areas, paths)


def get_generators(pelican: Any) -> type:
    """The generator that writes the kecamatan and kelurahan pages."""
    return WilayahGenerator


def adopt_awards(generators: list[Any]) -> None:
    """Once all contexts are built, use the prestasi register for achievements."""
    for generator in generators:
        if isinstance(generator, WilayahGenerator):
            generator.adopt_awards()


def register() -> None:
    """Connect the handlers (Pelican calls this for each plugin)."""
    signals.article_generator_pretaxonomy.connect(tag_articles)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(adopt_awards)
