"""Decide whether a post is an achievement, and describe the award.

The admin decides first (``Prestasi: ya|tidak``, the award fields, the
Prestasi category); the rules decide only for posts nobody labelled, which
is most imported posts. Pure: no Pelican, no files, no registries.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from pelita.core.schema import ROLE_DEFAULTS

from .extract import extract
from .metadata import AwardFields, award_fields
from .model import SOURCE_CATEGORY, SOURCE_CLASSIFIER, SOURCE_METADATA, Award
from .rules import Rules
from .scoring import Score, score

_TAG = re.compile(r"<[^>]*>")


def plain_text(value: str) -> str:
    """Text of a bit of HTML: tags dropped, entities decoded, spaces folded."""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def _year_of(meta: Mapping[str, Any]) -> int | None:
    date = meta.get("date")
    if isinstance(date, dt.date):
        return date.year
    found = re.match(r"\s*(\d{4})-", str(date or ""))
    return int(found.group(1)) if found else None


def _source(fields: AwardFields, category: str, prestasi_category: str) -> str | None:
    if fields.decision == "tidak":
        return None
    if fields.explicit:
        return SOURCE_METADATA
    if category.casefold() == prestasi_category.casefold():
        return SOURCE_CATEGORY
    return ""


def _award(
    fields: AwardFields, found: Score, rules: Rules, meta, *, source, is_known
) -> Award:
    text = extract(found, rules, _year_of(meta), is_known)
    confidence = 1.0
    reasons: tuple[str, ...] = (f"sumber: {source}",)
    if source == SOURCE_CLASSIFIER:
        confidence = round(min(1.0, found.total / (2 * rules.threshold)), 2)
        reasons = (f"skor {found.total} (ambang {rules.threshold})", *found.reasons)
    return Award(
        name=fields.name or text.name,
        giver=fields.giver or text.giver,
        level=fields.level or text.level,
        recipient=fields.recipient or text.recipient,
        year=fields.year or text.year,
        evidence=fields.evidence,
        source=source,
        confidence=confidence,
        reasons=reasons,
    )


def classify(
    title: str,
    text: str,
    metadata: Mapping[str, Any] | None,
    rules: Rules,
    *,
    category: str = ROLE_DEFAULTS.achievements,
    skip_categories: Collection[str] = (ROLE_DEFAULTS.clarifications,),
    is_known: Callable[[str], bool] | None = None,
) -> Award | None:
    """The award a post reports, or None when it reports none.

    ``title`` and ``text`` (the lead: the first paragraphs) may hold HTML.
    ``metadata`` uses Pelican's lower-case keys; its ``category`` and
    ``date`` are read too. Explicit metadata beats the rules: ``Prestasi:
    tidak`` always wins, ``Prestasi: ya`` or any of ``Penghargaan``,
    ``Pemberi``, ``Tingkat`` makes an achievement, and so does filing the
    post under ``category``. Posts in ``skip_categories`` are never inferred.
    ``is_known`` (optional) says whether a headline's subject is an OPD or
    place the registries know, so it can be taken as the recipient.
    """
    meta = {str(k).lower(): v for k, v in (metadata or {}).items()}
    fields = award_fields(meta)
    post_category = str(meta.get("category") or "")
    source = _source(fields, post_category, category)
    if source is None:
        return None
    skipped = {c.casefold() for c in skip_categories}
    if not source and post_category.casefold() in skipped:
        return None
    found = score(plain_text(title), plain_text(text), rules)
    if not source:
        if not found.passes(rules.threshold):
            return None
        source = SOURCE_CLASSIFIER
    return _award(fields, found, rules, meta, source=source, is_known=is_known)
