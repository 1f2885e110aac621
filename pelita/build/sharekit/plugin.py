"""The Pelican side: plan kits, draw what the cache lacks, write cards and /bagikan/.

:class:`SharekitGenerator` runs after the prestasi plugin's generator (its
awards are complete then) and before any page is written: its
``generate_context`` gives each kit post ``article.sharekit`` (and offers its
link card as the og:image, :mod:`pelita.core.ogimage`) and the template
context ``sharekit_recent``;
``generate_output`` copies the cards into output/ and writes the admins' page.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator

from pelita.build.buildspeed.files import publish_file
from pelita.build.seo.plugin import build_time
from pelita.core.ogimage import offer, offers, write_og_images
from pelita.core.registries import load_opd, registry_paths
from pelita.core.schema import category_roles

from .captions import captions, whatsapp_url
from .cards import CardCache, Job, ThumbWidths, cache_files, card_key, thumb_size
from .facts import Site, kit_articles, kit_facts
from .hashtags import hashtag
from .model import FORMATS, LINK, Card, Kit, KitFacts
from .palette import load_palette
from .recent import recent_kits
from .settings import Options, load_options

logger = logging.getLogger(__name__)


class SharekitError(ValueError):
    """A setting or a page the share kits cannot work with."""


def site_of(settings: dict[str, Any], options: Options) -> Site:
    """The build-wide facts every kit shares (names, URL, hashtag rules)."""
    opds = load_opd(registry_paths(settings)["opd"])

    def opd_name(value: str) -> str:
        found = opds.find(value)
        return found.nama if found else value

    def opd_short(value: str) -> str:
        found = opds.find(value)
        return (found.singkatan or found.id) if found else value

    city = str(settings.get("CITY") or "")
    suffix = options["opd_hashtag_suffix"]
    return Site(
        name=str(settings.get("SITENAME") or ""),
        url=str(settings.get("SITEURL") or ""),
        city=city,
        timezone=str(settings.get("TIMEZONE") or "Asia/Jakarta"),
        clarification_category=category_roles(settings).clarifications,
        hashtags=tuple(options["hashtags"]),
        category_hashtags=dict(options["category_hashtags"] or {}),
        opd_suffix=hashtag(city) if suffix is None else str(suffix),
        max_hashtags=options["max_hashtags"],
        opd_name=opd_name,
        opd_short=opd_short,
    )


class SharekitGenerator(Generator):
    """Share kits for achievements and clarifications, and the ``/bagikan/`` page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options = load_options(self.settings)
        self.kits: list[Kit] = []
        self.files: dict[str, Path] = {}

    def generate_context(self) -> None:
        """Plan every kit, draw the cards the cache lacks, share the kits."""
        started = time.perf_counter()
        options = self.options
        palette = load_palette(options.tokens, options.font_bold, options.font_regular)
        cache = CardCache(
            Path(self.settings.get("CACHE_PATH") or ".cache") / "sharekit",
            palette, self._widths(), options["workers"],
        )  # fmt: skip
        site = site_of(self.settings, options)
        planned = self._plan(site, palette.fingerprint())
        cache.ensure(job for _article, _facts, jobs in planned for job in jobs)
        pruned = cache.prune({job.key for _a, _f, jobs in planned for job in jobs})
        self.kits = [
            self._kit(article, facts, jobs, cache) for article, facts, jobs in planned
        ]
        self._share()
        self._check_collision()
        logger.info(
            "sharekit: %d kits, %d cards, %d drawn anew in %.2f s (%d old removed)",
            len(self.kits), 3 * len(self.kits), cache.drawn,
            time.perf_counter() - started, pruned,
        )  # fmt: skip

    def _plan(self, site: Site, palette: str) -> list[tuple[Any, KitFacts, list[Job]]]:
        """Facts and card jobs per kit post: string work and hashing only."""
        widths = self._widths()
        pairs = kit_articles(
            self.context.get("articles") or (),
            self.context.get("prestasi_articles"),
            site.clarification_category,
        )
        planned = []
        for article, kind in pairs:
            facts = kit_facts(article, kind, site)
            jobs = [Job(card_key(facts, f, palette, widths), f, facts) for f in FORMATS]
            planned.append((article, facts, jobs))
        return planned

    def _kit(
        self, article: Any, facts: KitFacts, jobs: list[Job], cache: CardCache
    ) -> Kit:
        """The kit of one post, its cards at their output paths; sets attributes."""
        texts = captions(facts)
        folder = f"{self.options['output_dir'].strip('/')}/{article.slug}"
        widths = self._widths()
        cards = []
        for job in jobs:
            fmt, files = job.format, cache_files(cache.cache, job.key)
            path = f"{folder}/{job.key}-{fmt.name}.png"
            thumb = f"{folder}/{job.key}-{fmt.name}.webp"
            small = f"{folder}/{job.key}-{fmt.name}-{widths.small}.webp"
            self.files[path], self.files[thumb] = files.image, files.thumb
            self.files[small] = files.thumb_small
            cards.append(Card(
                fmt, path, thumb, *thumb_size(fmt, widths.large),
                files.image.stat().st_size, f"{article.slug}-{fmt.name}.png",
                texts[fmt.name], small, widths.small,
            ))  # fmt: skip
        kit = Kit(
            facts, article.date, str(article.url), tuple(cards),
            whatsapp_url(texts["link"]),
        )  # fmt: skip
        article.sharekit = kit
        if self.options["og_image"] and not _shows_photo(article, facts):
            link = kit.card(LINK.name)
            alt = f"{facts.verdict or 'Klarifikasi'}: {facts.claim or facts.title}"
            offer(article, "kit_card", {
                "path": link.path, "width": LINK.width, "height": LINK.height,
                "alt": alt if facts.is_clarification else f"Prestasi: {facts.title}",
            })  # fmt: skip
        return kit

    def _widths(self) -> ThumbWidths:
        return ThumbWidths(
            self.options["thumb_width"], self.options["thumb_small_width"]
        )

    def _share(self) -> None:
        tz = ZoneInfo(str(self.settings.get("TIMEZONE") or "Asia/Jakarta"))
        today = self.options.today or build_time(str(tz)).date()
        days = self.options["days"]
        self.context["sharekit_url"] = self.options["page_url"]
        self.context["sharekit_recent"] = recent_kits(self.kits, today, days, tz)
        self.context["sharekit_today"] = dt.datetime.combine(today, dt.time(), tz)
        self.context["sharekit_since"] = self.context["sharekit_today"] - dt.timedelta(
            days=days - 1
        )
        self.context["sharekit_days"] = days

    def _check_collision(self) -> None:
        """A post or page written where /bagikan/ goes stops the build."""
        save_as = self.options["page_save_as"]
        for content in (self.context.get("generated_content") or {}).values():
            if getattr(content, "save_as", "") == save_as:
                source = getattr(content, "relative_source_path", content)
                raise SharekitError(
                    f"sharekit: {source} would be written to {save_as}, the "
                    "share kits page; give it another Slug, or change "
                    "SHAREKIT['page_url'] and SHAREKIT['page_save_as']"
                )

    def generate_output(self, writer: Any) -> None:
        """Copy the cards into output/ and write the admins' page."""
        output = Path(self.output_path)
        for target, source in self.files.items():
            publish_file(source, output / target)
        writer.write_file(
            self.options["page_save_as"], self.get_template("bagikan"), self.context,
            self.settings["RELATIVE_URLS"], url=self.options["page_url"],
            template_name="bagikan",
        )  # fmt: skip
        logger.info(
            "sharekit: %d files in %s, %d kits on %s",
            len(self.files), output, len(self.context["sharekit_recent"]),
            self.options["page_url"],
        )  # fmt: skip


def _shows_photo(article: Any, facts: KitFacts) -> bool:
    """An achievement with its own photo keeps it as og:image.

    The photo draws readers in and the preview prints the headline under
    it; every other kit post (no photo, or a clarification, whose verdict
    must show even in the preview) gets the kit's link card, in place of
    the plain card ogcard would draw.
    """
    image = str(getattr(article, "image", None) or "")
    photo = bool(image) and "://" not in image
    return photo and not facts.is_clarification and "photo" in offers(article)


def get_generators(pelican: Any) -> type:
    """Pelican hook: add the kit generator (after prestasi's, by plugin order)."""
    del pelican
    return SharekitGenerator


def register() -> None:
    """Pelican entry point."""
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(write_og_images)
