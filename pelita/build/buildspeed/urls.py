"""Compute each article's URL once per build instead of on every access.

``Content.url`` is a property: each read copies the metadata, resolves the
source path (``abspath``/``relpath``) and formats ``ARTICLE_URL``, about
0.2 ms. A post is listed on a dozen pages (home, category, tags, archives,
kecamatan and kelurahan, awards wall, OPD, sitemap, feeds), so a
20,000-post build spends tens of seconds there. Once every plugin has set
slugs, categories and dates, Pelican's own ``override_url`` hook holds the
value, exactly as the property would compute it.
"""

from __future__ import annotations

from itertools import chain
from typing import Any


def freeze_urls(generator: Any) -> None:
    """Set ``override_url`` to the computed URL of every article and draft."""
    for article in chain(
        generator.articles,
        generator.translations,
        generator.hidden_articles,
        generator.hidden_translations,
        generator.drafts,
        generator.drafts_translations,
    ):
        if "override_url" not in vars(article):
            article.override_url = article.url
