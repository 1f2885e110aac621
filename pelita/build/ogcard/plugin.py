"""Give every post an og:image: its photo (images plugin) or a drawn card."""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals

from pelita.build.buildspeed.files import publish_file
from pelita.build.buildspeed.parallel import in_parallel
from pelita.core.htmlsafety import field_text
from pelita.core.indodate import format_date
from pelita.core.ogimage import offer, offers, write_og_images
from pelita.core.schema import category_roles
from pelita.core.settings import OGCARD, merge_settings

from .card import (
    CardSpec,
    CardStyle,
    card_key,
    encode_png,
    render_card,
    render_logo,
    style_digest,
)
from .tokens import style_from_tokens

logger = logging.getLogger(__name__)

JOBS = "_ogcard_jobs"
WIDTH, HEIGHT = 1200, 630


@dataclass(frozen=True)
class Job:
    """One image to draw: a card (spec) or the logo (spec None)."""

    key: str
    path: str
    spec: CardSpec | None


def _style(settings: dict[str, Any], options: dict[str, Any]) -> CardStyle:
    theme = Path(settings["THEME"])
    return style_from_tokens(
        theme / options["tokens"],
        str(theme / options["font_bold"]),
        str(theme / options["font_regular"]),
    )


def _spec(article: Any, settings: dict[str, Any], with_verdict: bool) -> CardSpec:
    parts = [format_date(article.date, "medium", timezone=settings["TIMEZONE"])]
    if getattr(article, "kecamatan", None):
        parts.append(f"Kecamatan {article.kecamatan}")
    return CardSpec(
        title=field_text(article.title),
        kicker=str(article.category),
        detail=" · ".join(parts),
        footer=settings.get("SITENAME", ""),
        verdict=str(getattr(article, "putusan", "") or "") if with_verdict else "",
    )


def _image(
    job: Job, alt: str, width: int = WIDTH, height: int = HEIGHT
) -> dict[str, Any]:
    return {"path": job.path, "width": width, "height": height, "alt": alt}


def plan_cards(generator: Any) -> None:
    """Offer posts without a photo (and every clarification) a card."""
    settings = generator.settings
    options = merge_settings(settings, OGCARD)
    style = _style(settings, options)
    jobs: dict[str, Job] = generator.context.setdefault(JOBS, {})
    out = options["output_dir"].strip("/")
    clarifications = category_roles(settings).clarifications
    styled = style_digest(style)
    for article in [*generator.articles, *generator.hidden_articles]:
        # Clarifications (CATEGORY_ROLES) always get a verdict card.
        verdict = str(article.category) == clarifications and getattr(
            article, "putusan", None
        )
        if "photo" in offers(article) and not verdict:
            continue
        spec = _spec(article, settings, bool(verdict))
        key = card_key(spec, style, styled)
        job = jobs.setdefault(key, Job(key, f"{out}/{key}.png", spec))
        offer(
            article,
            "verdict_card" if verdict else "card",
            _image(job, str(article.title)),
        )
    site = CardSpec(
        title=settings.get("SITESUBTITLE") or settings.get("SITENAME", ""),
        footer=settings.get("SITENAME", ""),
        detail=settings.get("CITY", ""),
    )
    site_key = card_key(site, style)
    jobs[site_key] = Job(site_key, f"{out}/situs.png", site)
    generator.context["default_og_image"] = _image(jobs[site_key], site.title)
    jobs["logo"] = Job("logo", f"{out}/logo.png", None)


class OgCardGenerator:
    """Draws planned cards (cached by content hash) into output/."""

    def __init__(
        self, context: dict[str, Any], settings: dict[str, Any], **kwargs: Any
    ):
        self.context = context
        self.settings = settings
        self.output_path = Path(kwargs["output_path"])
        self.cache = Path(settings.get("CACHE_PATH") or ".cache") / "ogcard"

    def generate_output(self, writer: Any) -> None:
        """Write every card, drawing (in parallel) only those not in the cache."""
        del writer
        options = merge_settings(self.settings, OGCARD)
        self.style = _style(self.settings, options)
        jobs = self._jobs_in_use()
        self.cache.mkdir(parents=True, exist_ok=True)
        missing = [job for job in jobs if not self._cached(job).exists()]
        drawing = [(job.spec, self.style, self._cached(job)) for job in missing]
        in_parallel(draw_to_cache, drawing)
        for job in jobs:
            publish_file(self._cached(job), self.output_path / job.path)
        logger.info("ogcard: %d cards written, %d drawn anew", len(jobs), len(missing))

    def _jobs_in_use(self) -> list[Job]:
        """Planned cards that a post still shows (the site card and logo too).

        A later plugin may give a post another og:image after the cards were
        planned (a share kit's link card); its planned card is not drawn.
        """
        jobs: dict[str, Job] = self.context.get(JOBS, {})
        articles = [
            *self.context.get("articles", ()),
            *self.context.get("hidden_articles", ()),
        ]
        used = {
            image["path"]
            for article in articles
            if (image := getattr(article, "og_image", None))
        }
        site = self.context.get("default_og_image") or {}
        used.add(site.get("path"))
        return [job for job in jobs.values() if job.spec is None or job.path in used]

    def _cached(self, job: Job) -> Path:
        """Where a card is kept, by its content hash."""
        if job.spec is None:
            return self.cache / f"logo-{card_key(CardSpec(''), self.style)}.png"
        return self.cache / f"{job.key}.png"


def draw_to_cache(spec: CardSpec | None, style: CardStyle, cached: Path) -> None:
    """Draw one card (the logo for no ``spec``) and keep it at ``cached``."""
    image = render_card(spec, style) if spec else render_logo(style)
    tmp = cached.with_name(f"{cached.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(encode_png(image))
    tmp.replace(cached)


def get_generators(pelican: Any) -> type:
    """Pelican hook: add the card-drawing generator."""
    del pelican
    return OgCardGenerator


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_finalized.connect(plan_cards)
    signals.all_generators_finalized.connect(write_og_images)
    signals.get_generators.connect(get_generators)
