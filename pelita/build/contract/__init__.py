"""The plugin contract: what each build plugin adds to articles and the context.

:mod:`pelita.core.contract` is the list; this plugin, last in ``PLUGINS``,
compares every build with it once all generators are done: an attribute or context key a
plugin set without declaring it is logged as a warning naming it, so the list
cannot silently fall behind the code. With ``PELITA_CONTRACT_REPORT`` set to
a file name (the tests' demo build sets it), what was observed is written
there as JSON for the contract test.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pelican import signals

from pelita.core.contract import (
    ARTICLE_ATTRIBUTES,
    CONTEXT_KEYS,
    Entry,
    declared_names,
)

from .observe import added_attributes, added_context_keys

__all__ = ["ARTICLE_ATTRIBUTES", "CONTEXT_KEYS", "Entry", "register"]

logger = logging.getLogger(__name__)
REPORT_ENV = "PELITA_CONTRACT_REPORT"
_ITEM_LISTS = ("articles", "hidden_articles", "drafts", "pages", "hidden_pages")


def observe(generators: Iterable[Any]) -> dict[str, Any]:
    """What the plugins added this build: attributes (with types) and keys."""
    generators = list(generators)
    if not generators:
        return {"article_attributes": {}, "context_keys": []}
    context, settings = generators[0].context, generators[0].settings
    items = [item for name in _ITEM_LISTS for item in context.get(name) or ()]
    attributes = added_attributes(items)
    return {
        "article_attributes": {k: sorted(v) for k, v in sorted(attributes.items())},
        "context_keys": sorted(added_context_keys(context, settings)),
    }


def check_contract(generators: Iterable[Any]) -> None:
    """Warn about every undeclared attribute or key; write the report if asked."""
    found = observe(generators)
    for name in sorted(
        set(found["article_attributes"]) - declared_names(ARTICLE_ATTRIBUTES)
    ):
        logger.warning(
            "contract: a plugin set article attribute %r that "
            "pelita/core/contract.py does not declare",
            name,
        )
    for name in sorted(set(found["context_keys"]) - declared_names(CONTEXT_KEYS)):
        logger.warning(
            "contract: a plugin set context key %r that "
            "pelita/core/contract.py does not declare",
            name,
        )
    report = os.environ.get(REPORT_ENV)
    if report:
        Path(report).write_text(json.dumps(found, indent=1), encoding="utf-8")


def register() -> None:
    """Pelican entry point."""
    signals.all_generators_finalized.connect(check_contract)
