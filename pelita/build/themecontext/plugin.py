"""Expose the theme's derived context, filters and tests to every template."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import quote

from pelican import signals

from pelita.core.pagination import SETTLED_COUNT, SETTLED_STEP, settled
from pelita.core.prestasi import is_achievement
from pelita.core.registries import (
    load_gazetteer,
    load_opd,
    registry_paths,
    slugify_name,
)
from pelita.core.schema import category_roles
from pelita.core.settings import THEMECONTEXT, merge_settings

from . import home, selection

logger = logging.getLogger(__name__)


def theme_options(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``THEMECONTEXT`` over the defaults, plus the categories' roles.

    The achievements, clarifications and services categories are the site's
    ``CATEGORY_ROLES`` (pelita.core.schema), never options of this plugin.
    """
    options = merge_settings(settings, THEMECONTEXT)
    roles = category_roles(settings)
    options["achievement_category"] = roles.achievements
    options["clarification_category"] = roles.clarifications
    options["service_category"] = roles.services
    return options


@dataclass(frozen=True)
class District:
    """A kecamatan with its page and number of posts, for the home page."""

    name: str
    url: str
    count: int


class Lookups:
    """Names and URLs of kecamatan and OPDs, read from the registries."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.options = theme_options(settings)
        paths = registry_paths(settings)
        self.gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
        self.opds = load_opd(paths["opd"])
        plugins = {str(p).rsplit(".", 1)[-1] for p in settings.get("PLUGINS", [])}
        self.kecamatan_pages = self.options["kecamatan_plugin"] in plugins
        self.opd_pages = self.options["opd_plugin"] in plugins
        self.achievement_pages = self.options["achievements_plugin"] in plugins
        self.search_url = settings.get("SEARCH_URL") or "cari/"

    def opd_name(self, value: Any) -> str:
        """Full name of an OPD id; the id itself when it is not registered."""
        opd = self.opds.find(str(value)) if value else None
        return opd.nama if opd else str(value or "")

    def _search(self, field: str, value: str) -> str:
        """Search results narrowed to one filter value (the fallback page)."""
        return f"{self.search_url}?{field}={quote(value)}"

    def opd_short_name(self, value: Any) -> str:
        """An OPD's short name ("DLH"); the id itself when it is not registered."""
        opd = self.opds.find(str(value)) if value else None
        return opd.singkatan if opd else str(value or "")

    def opd_url(self, value: Any) -> str | None:
        """The OPD's page, or its posts in search while no such page exists."""
        if not value:
            return None
        opd = self.opds.find(str(value))
        if opd and self.opd_pages:
            return self.options["opd_url"].format(id=opd.id)
        return self._search("opd", self.opd_name(value))

    def kecamatan_url(self, value: Any) -> str | None:
        """The kecamatan's page, or its posts in search while no such page exists."""
        if not value:
            return None
        if not self.kecamatan_pages:
            return self._search("kecamatan", str(value))
        kecamatan = self.gazetteer.find_kecamatan(str(value))
        slug = kecamatan.slug if kecamatan else slugify_name(str(value))
        return self.options["kecamatan_url"].format(slug=slug)


def add_template_helpers(generator: Any) -> None:
    """Filters and tests for every generator's Jinja environment."""
    lookups = Lookups(generator.settings)
    category = lookups.options["achievement_category"]
    env = generator.env
    env.filters["opd_name"] = lookups.opd_name
    env.filters["opd_url"] = lookups.opd_url
    env.filters["kecamatan_url"] = lookups.kecamatan_url
    env.filters["verdict_slug"] = selection.verdict_slug
    env.filters["verdict_is_true"] = selection.verdict_is_true
    env.filters["kecamatan_names"] = selection.kecamatan_names
    env.tests["achievement"] = partial(is_achievement, category=category)
    env.filters["card_category"] = partial(
        selection.shown_category, achievement_category=category
    )
    env.filters["fold_series"] = home.fold_series
    env.filters["opd_short_name"] = lookups.opd_short_name
    env.globals["home_sections"] = partial(
        home.home_sections,
        recent_days=lookups.options["clarifications_recent_days"],
    )


def add_site_context(generator: Any) -> None:
    """Lists for the home page, navigation, archive and search form."""
    lookups = Lookups(generator.settings)
    options = lookups.options
    settings = generator.settings
    articles = generator.articles
    context = generator.context
    # The context's list, not generator.categories: another plugin may take
    # a category's page over (the awards wall) but its URL stays.
    categories = context.get("categories") or generator.categories
    by_name = {cat.name: (cat, posts) for cat, posts in categories}
    nav = selection.ordered_categories(categories, settings.get("CATEGORIES") or [])
    context["nav_categories"] = nav
    context["category_descriptions"] = options["category_descriptions"]
    achievement = partial(is_achievement, category=options["achievement_category"])
    context["home_achievements"] = selection.latest(
        articles, achievement, options["achievements_on_home"]
    )
    clarification = options["clarification_category"]
    context["home_clarifications"] = selection.latest(
        articles,
        lambda a: str(a.category) == clarification and getattr(a, "putusan", None),
        options["clarifications_on_home"],
    )
    context["home_newest"] = articles[0].date if articles else None
    context["card_stock_images"] = selection.stock_images(articles)
    context["nav_primary_categories"] = [
        options["achievement_category"],
        clarification,
    ]
    # Recent posts for pages about something else (an office without posts):
    # they change once every dozen posts, not with each (buildspeed).
    context["settled_articles"] = settled(articles, SETTLED_COUNT, SETTLED_STEP)
    context["top_tags"] = selection.top_tags(
        generator.tags.items(), options["top_tags"]
    )
    context["archive_months"] = selection.archive_months(
        articles,
        settings.get("YEAR_ARCHIVE_URL") or "",
        settings.get("MONTH_ARCHIVE_URL") or "",
    )
    context["search_filters"] = selection.search_filters(
        articles, [cat.name for cat, _ in nav], lookups.opd_name
    )
    service = by_name.get(options["service_category"])
    context["service_category"] = (
        {"category": service[0], "articles": service[1]} if service else None
    )
    context["achievements_url"] = _achievements_url(lookups, by_name)
    context["kecamatan_counts"] = _districts(lookups, articles)
    context["kecamatan_index_url"] = (
        options["kecamatan_index_url"] if lookups.kecamatan_pages else None
    )
    logger.debug("themecontext: %d categories in the navigation", len(nav))


def _achievements_url(lookups: Lookups, by_name: dict[str, Any]) -> str | None:
    category = by_name.get(lookups.options["achievement_category"])
    if lookups.achievement_pages:
        return lookups.options["achievements_url"]
    return category[0].url if category else None


def _districts(lookups: Lookups, articles: list[Any]) -> list[District]:
    """Kecamatan with their post counts for the home page.

    With kecamatan pages, every kecamatan of the city (a page exists even
    without posts); without them, the kecamatan that have posts, linked to
    their search results.
    """
    counts = Counter(name for a in articles for name in selection.kecamatan_names(a))
    if lookups.kecamatan_pages:
        names = [k.nama for k in lookups.gazetteer.kecamatan]
        official = Counter()
        for name, count in counts.items():
            found = lookups.gazetteer.find_kecamatan(name)
            official[found.nama if found else name] += count
        counts = official
    else:
        names = list(counts)
    return [
        District(name, lookups.kecamatan_url(name) or "", counts[name])
        for name in sorted(names)
    ]


def register() -> None:
    """Pelican entry point."""
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_finalized.connect(add_site_context)
