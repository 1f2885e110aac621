"""Thin Pelican handlers: attach awards, give the wall the category's URL.

``article.prestasi`` (also ``article.award``) is set on every article (an
:class:`Award` or None) in ``article_generator_pretaxonomy``, which runs on
every build even when the content cache skips the readers. Its ``opd`` and
``kecamatan`` are completed by :class:`PrestasiGenerator` before any page is
written.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from itertools import chain
from typing import Any

from pelican import signals

from pelita.build.buildspeed.memo import PostMemo
from pelita.core.prestasi.classifier import classify, plain_text
from pelita.core.prestasi.metadata import FIELDS, validate_award_metadata
from pelita.core.prestasi.model import Award
from pelita.core.prestasi.recipient import resolve_recipient

from .attribution import display_path
from .pages import PrestasiGenerator
from .state import BuildState, build_state

logger = logging.getLogger(__name__)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])")


def line_of(path: str, field: str) -> int | None:
    """Line of ``field:`` in the metadata header of the Markdown file at ``path``."""
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    return None
                if line.split(":", 1)[0].strip().casefold() == field.casefold():
                    return number
    except OSError:
        return None
    return None


def lead_text(article: Any, limit: int) -> str:
    """What the classifier reads after the title: the summary, or the opening.

    Whole sentences up to ``limit`` characters, like the news leads the rules
    were measured on; later paragraphs mention registration desks, judges
    and past awards too often to be evidence.
    """
    summary = article.metadata.get("summary")
    source = str(summary) if summary else getattr(article, "_content", "") or ""
    text = plain_text(source[: limit * 8])
    lead = ""
    for sentence in _SENTENCE_END.split(text):
        if lead and len(lead) + len(sentence) + 1 > limit:
            break
        lead = f"{lead} {sentence}".strip()
    return lead[:limit]


def _report(article: Any, state: BuildState) -> None:
    problems = validate_award_metadata(article.metadata, state.opd, state.gazetteer)
    path = display_path(article.source_path)
    for problem in problems:
        line = line_of(article.source_path, problem.field)
        logger.warning("prestasi: %s", problem.describe(path, line))


def award_of(article: Any, state: BuildState) -> Award | None:
    """The article's award (recipient resolved), or None; logs bad metadata."""
    if any(key in article.metadata for key in FIELDS):
        _report(article, state)
    return _classified(article, state)


def _classified(article: Any, state: BuildState) -> Award | None:
    """The article's award with its recipient resolved (no logging)."""
    award = classify(
        str(getattr(article, "title", "")),
        lead_text(article, state.conf["lead_chars"]),
        article.metadata,
        state.rules,
        category=state.conf["category"],
        skip_categories=state.conf["skip_categories"],
        is_known=lambda name: (
            resolve_recipient(name, state.opd, state.gazetteer).resolved
        ),
    )
    if award is None or not award.recipient:
        return award
    found = resolve_recipient(award.recipient, state.opd, state.gazetteer)
    recipient = award.recipient
    office = state.opd.find(recipient) if found.opd else None
    if office is not None and office.id == recipient:  # "bappeda": show the name
        recipient = office.nama
    return replace(
        award,
        recipient=recipient,
        opd=found.opd,
        kecamatan=(found.kecamatan,) if found.kecamatan else (),
        kelurahan=found.kelurahan,
    )


def attach_awards(generator: Any) -> None:
    """Set ``article.prestasi`` on every article, draft and translation."""
    state = build_state(generator.context, generator.settings)
    everything = chain(
        generator.articles, generator.translations, generator.hidden_articles,
        generator.hidden_translations, generator.drafts, generator.drafts_translations,
    )  # fmt: skip
    count = 0
    memo = PostMemo(generator.settings, "prestasi")
    for article in everything:
        if any(key in article.metadata for key in FIELDS):
            _report(article, state)
        article.prestasi = memo.get(
            article,
            lambda article=article: _classified(article, state),
            (article.metadata.get("story"), getattr(article, "status", None)),
        )
        article.award = article.prestasi  # the name the theme's templates read
        count += article.prestasi is not None
    memo.save()
    logger.info("prestasi: %d achievements among the articles", count)


def hand_category_page_to_wall(generator: Any) -> None:
    """Stop Pelican writing the Prestasi category page (and feed): the wall does.

    Only the generator's own list changes; ``categories`` in the template
    context keeps Prestasi, whose URL is now the wall's.
    """
    state = build_state(generator.context, generator.settings)
    name = state.conf["category"]
    generator.categories = [(c, a) for c, a in generator.categories if c != name]


def add_generator(pelican: Any) -> type[PrestasiGenerator]:
    """Give Pelican the generator that writes the wall, data and OPD pages."""
    return PrestasiGenerator


def register() -> None:
    """Connect the handlers (Pelican calls this for PLUGINS = [..., "prestasi"])."""
    signals.article_generator_pretaxonomy.connect(attach_awards)
    signals.article_generator_finalized.connect(hand_category_page_to_wall)
    signals.get_generators.connect(add_generator)
