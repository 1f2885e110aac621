"""The plugin contract, written once: what each build plugin adds, and for whom.

Pelita's build plugins talk to each other and to the theme through attributes
they set on articles (and pages) and keys they put in Pelican's shared
context. This is the one list of them: the name, the plugin that writes it,
the type of its value and what it means. It is pure data, so the docs
generator may read it; the checking plugin is :mod:`pelita.build.contract`.
``docs/plugins.md`` is generated from it, and the demo build is checked
against it (``tests/core/test_contract.py``): every attribute or key a plugin
sets is declared here, every one declared is set, and the theme's templates
read no undeclared article attribute.

A name starting with ``_`` is one plugin's own state between its signal
handlers (or between two cooperating plugins); templates never read it.
Metadata keys (``Kecamatan:``, ``Source:``...) become attributes too; they
belong to the post schema (:mod:`pelita.core.schema`), not to this list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Entry:
    """One attribute or context key of the contract."""

    name: str
    plugin: str  # the plugin (under pelita.build) that writes it
    type: str
    meaning: str
    pages: bool = False  # also set on static pages, not only on articles

    @property
    def private(self) -> bool:
        """One plugin's own state, not for templates."""
        return self.name.startswith("_")


ARTICLE_ATTRIBUTES: tuple[Entry, ...] = (
    Entry("channel_info", "imported", "ChannelRecord | None",
          "the registry's channel of an imported post (name, kind, homepage...)"),
    Entry("channel_name", "imported", "str | None",
          "the channel's public name, or its id when the registry lacks it"),
    Entry("story_primary", "stories", "Article | None",
          "for a duplicate report of a story: the post listed in its place"),
    Entry("story_members", "stories", "list[Article]",
          "for a story's listed post: the other reports of the same story"),
    Entry("_pelita_story_source", "stories", "str | None",
          "the post's own Story metadata, kept to undo a cached build's grouping"),
    Entry("_pelita_story_hidden", "stories", "bool",
          "the post was hidden as a duplicate (undone on the next build)"),
    Entry("ralat", "ralat", "list[Correction]",
          "the post's corrections (Ralat metadata), oldest first", pages=True),
    Entry("prestasi", "prestasi", "Award | None",
          "the award a post reports (level, giver, OPD, kecamatan), or None"),
    Entry("award", "prestasi", "Award | None",
          "the same award under the name the theme's templates read"),
    Entry("wilayah", "wilayah", "Wilayah",
          "the kecamatan and kelurahan a post is about (given or inferred)"),
    Entry("kecamatan", "wilayah", "str | None",
          "the first kecamatan's official name, when the post gives none"),
    Entry("kelurahan", "wilayah", "str | None",
          "the first kelurahan's official name, when the post gives none"),
    Entry("source_name", "provenance", "str",
          "who published the post: channel, OPD or writer", pages=True),
    Entry("source_url", "provenance", "str | None",
          "the original's http(s) address, for imported posts", pages=True),
    Entry("history_url", "provenance", "str | None",
          "the post's commit history in the repository", pages=True),
    Entry("_og_image_offers", "images, ogcard, sharekit", "dict",
          "the pictures offered as the post's social image, by plugin"),
    Entry("og_image", "images, ogcard, sharekit (via pelita.core.ogimage)", "dict",
          "the one social image chosen from the offers (url, width, height, alt)"),
    Entry("sharekit", "sharekit", "Kit",
          "an achievement's or clarification's share kit: cards and captions"),
    Entry("related_posts", "related", "list[Article]",
          "posts on the same subject, best first"),
)  # fmt: skip

CONTEXT_KEYS: tuple[Entry, ...] = (
    Entry("_pelita_guard", "guard", "GuardState",
          "what the guard held back this build (written to held-back.json)"),
    Entry("_prestasi_state", "prestasi", "BuildState",
          "the award rules, registries and channels, loaded once per build"),
    Entry("_wilayah_state", "wilayah", "WilayahState",
          "the gazetteer, tagger and areas, loaded once per build"),
    Entry("_responsive_images", "images", "dict",
          "the sizes made of each picture, for srcset"),
    Entry("_ogcard_jobs", "ogcard", "dict", "the social cards to draw"),
    Entry("KANAL_URL", "kanal", "str", "the public channel page's URL"),
    Entry("KANAL_ADMIN_URL", "kanal", "str", "the admins' channel health page's URL"),
    Entry("RALAT_PAGE_URL", "ralat", "str", "the list of corrections' URL"),
    Entry("default_og_image", "ogcard", "dict",
          "the site's own card: the social image of pages without one"),
    Entry("wilayah", "wilayah", "WilayahPages",
          "every kecamatan and kelurahan page, with posts and channels"),
    Entry("prestasi_articles", "prestasi", "list[Article]",
          "every award post on the awards wall (one per story), newest first"),
    Entry("prestasi_terbaru", "prestasi", "list[Article]", "the latest awards"),
    Entry("prestasi_wall", "prestasi", "Wall",
          "the awards wall: counts and filter pages by year, level, OPD, area"),
    Entry("prestasi_url", "prestasi", "str", "the awards wall's URL"),
    Entry("prestasi_feed_url", "prestasi", "str | None", "the awards' Atom feed"),
    Entry("prestasi_by_kecamatan", "prestasi", "dict[str, list[Article]]",
          "awards by kecamatan name"),
    Entry("prestasi_by_opd", "prestasi", "dict[str, list[Article]]",
          "awards by OPD id"),
    Entry("opd_pages", "prestasi", "list[OpdPage]",
          "one page per OPD: who it is, its channels, posts and awards"),
    Entry("opd_pages_by_id", "prestasi", "dict[str, OpdPage]", "OPD pages by id"),
    Entry("opd_index_url", "prestasi", "str", "the OPD index's URL"),
    Entry("nav_categories", "themecontext", "list",
          "the categories of the navigation, in the settings' order"),
    Entry("nav_primary_categories", "themecontext", "list[str]",
          "the achievements and clarifications categories, shown first"),
    Entry("category_descriptions", "themecontext", "dict[str, str]",
          "a sentence per category for its page's description"),
    Entry("home_achievements", "themecontext", "list[Article]",
          "the latest achievements for the home page"),
    Entry("home_clarifications", "themecontext", "list[Article]",
          "the latest clarifications with a verdict for the home page"),
    Entry("home_newest", "themecontext", "datetime | None",
          "the newest post's date"),
    Entry("card_stock_images", "themecontext", "dict",
          "a stock picture for cards of posts without a photo"),
    Entry("settled_articles", "themecontext", "list[Article]",
          "a few recent posts that change once per dozen (pages about another thing)"),
    Entry("top_tags", "themecontext", "list", "the most used topics"),
    Entry("archive_months", "themecontext", "list",
          "months of the archive, newest first"),
    Entry("search_filters", "themecontext", "dict",
          "the search page's filter choices (categories, OPDs, areas)"),
    Entry("service_category", "themecontext", "dict | None",
          "the public services category and its posts"),
    Entry("achievements_url", "themecontext", "str | None",
          "where the achievements are listed (the wall, else the category)"),
    Entry("kecamatan_counts", "themecontext", "list",
          "posts per kecamatan, for the home page's map"),
    Entry("kecamatan_index_url", "themecontext", "str | None",
          "the kecamatan index's URL, when the pages are built"),
    Entry("sharekit_url", "sharekit", "str", "the share kits page's URL"),
    Entry("sharekit_recent", "sharekit", "list", "the kits of the last days"),
    Entry("sharekit_today", "sharekit", "datetime",
          "the build's day, in the city's zone"),
    Entry("sharekit_since", "sharekit", "datetime",
          "the first day the kits page shows"),
    Entry("sharekit_days", "sharekit", "int", "how many days the kits page shows"),
)  # fmt: skip


def declared_names(entries: tuple[Entry, ...]) -> set[str]:
    """The names of ``entries``."""
    return {entry.name for entry in entries}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(entries: tuple[Entry, ...], what: str) -> str:
    rows = [
        f"| `{e.name}` | {_cell(e.plugin)} | `{_cell(e.type)}` | "
        f"{_cell(e.meaning)}{' (pages too)' if e.pages else ''} |"
        for e in sorted(entries, key=lambda e: (e.private, e.plugin, e.name))
    ]
    return "\n".join(
        [f"| {what} | written by | type | meaning |", "|---|---|---|---|", *rows]
    )


def contract_tables(settings: Mapping[str, Any] | None = None) -> str:
    """The docs' tables of both lists.

    ``settings`` is unused: every generated part takes the settings.
    """
    return (
        "### Article attributes\n\n"
        + _table(ARTICLE_ATTRIBUTES, "attribute")
        + "\n\n### Context keys\n\n"
        + _table(CONTEXT_KEYS, "key")
        + "\n"
    )
