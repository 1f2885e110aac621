"""Plan images during the build, write them after the pages, cache by hash."""

from __future__ import annotations

import logging
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from pelita.build.buildspeed.files import publish_file
from pelita.core.ogimage import offer, write_og_images
from pelita.core.registries import closest
from pelita.core.settings import IMAGES, merge_settings

from .plan import RASTER_SUFFIXES, ResponsiveImage, plan_image
from .process import render_outputs
from .rewrite import rewrite_images

logger = logging.getLogger(__name__)

REGISTRY = "_responsive_images"
# The label of a remote image's link when it has no alt text: the templates'
# own message id, translated by the site's catalog.
REMOTE_LABEL = "Image from the original source"


class Registry:
    """Planned images of one build, by path relative to the content folder."""

    def __init__(self, content: Path, options: dict[str, Any]) -> None:
        self.content = content
        self.options = options
        self.by_source: dict[str, ResponsiveImage] = {}
        self.by_url: dict[str, ResponsiveImage] = {}
        # A remote image's link label, translated once a generator's
        # environment has a catalog. A plain string: the registry is reached
        # from cached articles, so it must pickle (no Jinja environment in it).
        self.remote_label: str = REMOTE_LABEL

    def plan(self, relative: str, save_as: str | None = None) -> ResponsiveImage | None:
        """Plan ``relative`` once; None when the file is missing or unreadable."""
        relative = normalize_path(relative)
        if relative in self.by_source:
            return self.by_source[relative]
        source = self.content / relative
        if not source.is_file():
            return None
        try:
            plan = plan_image(
                source,
                save_as or relative,
                self.options["widths"],
                self.options["max_width"],
            )
        except OSError as error:
            logger.warning("images: %s cannot be read as an image: %s", source, error)
            return None
        self.by_source[relative] = plan
        self.by_url[plan.original.path] = plan
        return plan

    def find(self, path: str) -> ResponsiveImage | None:
        """The plan of a source path or a published URL path."""
        key = normalize_path(path)
        return self.by_source.get(key) or self.by_url.get(key)


def normalize_path(path: str) -> str:
    """``{static}/images/a.jpg``, ``/images/a.jpg`` -> ``images/a.jpg``."""
    path = re.sub(r"^\{(?:static|attach|filename)\}", "", str(path).strip())
    return str(PurePosixPath(path.lstrip("/")))


def _registry(generator: Any) -> Registry:
    context = generator.context
    if REGISTRY not in context:
        options = merge_settings(generator.settings, IMAGES)
        context[REGISTRY] = Registry(Path(generator.path), options)
    return context[REGISTRY]


def plan_featured(generator: Any) -> None:
    """Plan each post's ``Image`` and offer the photo as its og:image."""
    registry = _registry(generator)
    for article in [*generator.articles, *generator.hidden_articles, *generator.drafts]:
        value = getattr(article, "image", None)
        if not value or "://" in str(value):
            continue
        plan = registry.plan(str(value))
        if plan is None:
            _warn_missing(registry, article, str(value))
            article.image = None
            continue
        offer(
            article,
            "photo",
            {
                "path": plan.og.path,
                "width": plan.og.width,
                "height": plan.og.height,
                "alt": getattr(article, "image_alt", None) or str(article.title),
            },
        )


def _warn_missing(registry: Registry, article: Any, value: str) -> None:
    known = [
        str(p.relative_to(registry.content)).replace(os.sep, "/")
        for p in (registry.content / "images").rglob("*")
        if p.suffix.lower() in RASTER_SUFFIXES
    ]
    hint = closest(value, known, 1)
    logger.warning(
        "images: %s: Image %r is not a file under %s%s; the post is shown without it",
        article.relative_source_path,
        value,
        registry.content,
        f" (did you mean {hint[0]!r}?)" if hint else "",
    )


def take_static_images(generator: Any) -> None:
    """Plan every raster static file and stop Pelican copying it as it is."""
    registry = _registry(generator)
    kept = []
    for static in generator.staticfiles:
        suffix = PurePosixPath(static.relative_source_path).suffix.lower()
        if suffix in RASTER_SUFFIXES and registry.plan(
            static.relative_source_path, static.save_as
        ):
            continue
        kept.append(static)
    generator.staticfiles[:] = kept


@pass_context
def responsive_image(context: Any, path: Any) -> ResponsiveImage | None:
    """Template global: the plan of an image path, or None."""
    registry = context.get(REGISTRY)
    return registry.find(str(path)) if registry and path else None


@pass_context
def responsive_content(context: Any, html: Any, remote_label: str = "Image") -> Markup:
    """Template filter: responsive local images; remote ones become links."""
    registry = context.get(REGISTRY)
    if not registry or not html:
        return Markup(html or "")
    siteurl = str(context.get("SITEURL") or "")
    rewritten = rewrite_images(
        str(html), siteurl, registry.find, registry.options["body_sizes"], remote_label
    )
    return Markup(rewritten)


def add_template_helpers(generator: Any) -> None:
    """Expose ``responsive_image`` and ``responsive_content`` to templates."""
    generator.env.globals["responsive_image"] = responsive_image
    generator.env.filters["responsive_content"] = responsive_content
    _registry(generator).remote_label = _translated(generator.env, REMOTE_LABEL)


def _translated(env: Any, text: str) -> str:
    """``text`` as the templates' ``_()`` renders it (the msgid without i18n)."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        return text
    return env.from_string("{{ _(text) }}").render(text=text)


def feed_images(context: dict[str, Any], feed: Any) -> None:
    """Feed entries follow the pages' rule for images (:func:`rewrite_images`).

    Pelican writes an entry from the post's HTML, not from the page, so
    without this a remote ``<img>`` (a tracking pixel, a hotlinked photo)
    would stay live in every feed reader: it becomes a link, a pixel is
    dropped, and a local image gets its responsive sizes, in the full
    content and in the summary alike.
    """
    registry: Registry | None = context.get(REGISTRY)
    if registry is None:
        return
    siteurl = str(context.get("FEED_DOMAIN") or context.get("SITEURL") or "")
    label = registry.remote_label
    sizes = registry.options["body_sizes"]
    for item in feed.items:
        for key in ("content", "description"):
            if item.get(key):
                item[key] = rewrite_images(
                    str(item[key]), siteurl, registry.find, sizes, label
                )


class ImagesGenerator:
    """Writes every planned image after the pages, encoding only cache misses."""

    def __init__(
        self, context: dict[str, Any], settings: dict[str, Any], **kwargs: Any
    ):
        self.context = context
        self.settings = settings
        self.output_path = Path(kwargs["output_path"])
        self.cache = Path(settings.get("CACHE_PATH") or ".cache") / "images"

    def generate_output(self, writer: Any) -> None:
        """Encode missing outputs in parallel, then copy all into output/."""
        del writer
        registry: Registry | None = self.context.get(REGISTRY)
        if registry is None:
            return
        plans = list(registry.by_source.values())
        workers = registry.options["workers"] or os.cpu_count() or 1
        with ThreadPoolExecutor(max_workers=workers) as pool:
            encoded = sum(pool.map(self._write, plans))
        logger.info("images: %d images published, %d encoded anew", len(plans), encoded)

    def _write(self, plan: ResponsiveImage) -> int:
        folder = self.cache / plan.digest[:2] / plan.digest
        outputs = [*plan.variants, plan.original, plan.og]
        names = {
            v.path: f"{i}-{PurePosixPath(v.path).name}" for i, v in enumerate(outputs)
        }
        fresh = 0
        if not all((folder / name).is_file() for name in names.values()):
            folder.mkdir(parents=True, exist_ok=True)
            for path, data in render_outputs(plan).items():
                tmp = folder / f"{names[path]}.tmp"
                tmp.write_bytes(data)
                tmp.replace(folder / names[path])
            fresh = 1
        for path, name in names.items():
            publish_file(folder / name, self.output_path / path)
        return fresh


def get_generators(pelican: Any) -> type:
    """Pelican hook: add the image-writing generator."""
    del pelican
    return ImagesGenerator


def register() -> None:
    """Pelican entry point."""
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_finalized.connect(plan_featured)
    signals.all_generators_finalized.connect(write_og_images)
    signals.static_generator_finalized.connect(take_static_images)
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(feed_images)
