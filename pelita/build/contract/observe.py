"""What the build's plugins added to articles, pages and the context: observed.

Pelican's own attributes of a content item are those a fresh item of the same
class gets from the same metadata (every metadata key becomes an attribute:
those belong to the post schema, :mod:`pelita.core.schema`, not to a plugin).
Pelican's own context keys are the settings and the keys its generators add.
Whatever else is on an item or in the context was put there by a plugin.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# The keys Pelican's generators (4.x) put in the shared context.
PELICAN_CONTEXT_KEYS = frozenset(
    {
        "articles", "drafts", "hidden_articles", "dates", "tags", "categories",
        "authors", "related_posts", "pages", "hidden_pages", "draft_pages",
        "staticfiles", "static_links", "static_content", "period_archives",
        "generated_content", "localsiteurl", "NEWEST_FIRST_ARCHIVES",
        "SITEURL", "output_file", "filenames",
    }
)  # fmt: skip
# Set on an item by Pelican after it is read (translations, URL overrides).
PELICAN_ITEM_ATTRIBUTES = frozenset(
    {"_cached_url", "override_url", "override_save_as", "_content_cache"}
)


def _baseline(item: Any) -> set[str]:
    """The attributes a fresh item of the same class has, from the same metadata."""
    fresh = type(item)(
        "",
        metadata=dict(item.metadata),
        settings=item.settings,
        source_path=item.source_path,
        context=getattr(item, "_context", None),
    )
    return set(vars(fresh))


def added_attributes(items: Iterable[Any]) -> dict[str, set[str]]:
    """Attribute name -> the type names of its values, over ``items``."""
    found: dict[str, set[str]] = {}
    baselines: dict[tuple, set[str]] = {}
    for item in items:
        key = (type(item), tuple(sorted(item.metadata)))
        if key not in baselines:
            baselines[key] = _baseline(item) | PELICAN_ITEM_ATTRIBUTES
        for name in set(vars(item)) - baselines[key]:
            if name.lower() in item.metadata:
                continue
            found.setdefault(name, set()).add(type(getattr(item, name)).__name__)
    return found


def added_context_keys(
    context: Mapping[str, Any], settings: Mapping[str, Any]
) -> set[str]:
    """Keys of the shared context that neither the settings nor Pelican gave."""
    return set(context) - set(settings) - PELICAN_CONTEXT_KEYS
