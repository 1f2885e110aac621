"""Make builds cost what changed, without changing a byte of the output.

* one Markdown instance per reader instead of one per post
  (:mod:`.markdown_reader`);
* article URLs computed once per build (:mod:`.urls`), and each topic's
  posts found without Pelican's quadratic scan (:mod:`.fastlists`);
* Pelican's content cache cleared when settings, packages or plugins change
  (:mod:`.cacheguard`), and checked without reading unchanged files
  (:mod:`.stamps`);
* lists paginated from the oldest post, so old pages never change
  (:mod:`.writer`, :mod:`.listpages`), in every build;
* output files replaced, never written into, in every build (they may be
  hard links into the caches): :mod:`.writer`, and static files' links
  broken before Pelican copies over them (:mod:`.files`);
* with ``BUILDSPEED = {"page_cache": True}``: pages and feeds rendered only
  when what they are made from changed (:mod:`.pagecache`), ``output/``
  kept between builds with only left-overs removed (:mod:`.output`);
* no date taken from the build's clock (:mod:`.reproducible`).

List it last in ``PLUGINS``: Pelican calls a signal's handlers in plugin
order, and the URLs must be frozen after every other plugin's
``article_generator_finalized`` handler.
"""

from __future__ import annotations

import os
from typing import Any

from pelican import signals

from .cacheguard import guard_content_cache
from .fastlists import fast_membership
from .files import unlink_shared_static_targets
from .markdown_reader import use_reusing_reader
from .output import OutputKeeper
from .reproducible import settle_sitemap_clock
from .settings import buildspeed_settings
from .stamps import save_stamps, use_kept_stamps
from .tracking import install
from .urls import freeze_urls
from .writer import PelitaWriter


def _page_cache(settings: dict[str, Any]) -> bool:
    return bool(buildspeed_settings(settings)["page_cache"])


def _initialized(pelican: Any) -> None:
    guard_content_cache(pelican)
    if _page_cache(pelican.settings):
        OutputKeeper.take_over(pelican)
    else:
        OutputKeeper.current().output = None


def _writer(pelican: Any) -> type[PelitaWriter]:
    return PelitaWriter


def _track(generator: Any) -> None:
    if _page_cache(generator.settings):
        install(generator.env)


def _static_kept(generator: Any) -> None:
    keeper = OutputKeeper.current()
    for static in getattr(generator, "staticfiles", []):
        save_as = getattr(static, "save_as", "")
        if save_as:
            keeper.kept(os.path.join(generator.output_path, save_as))


def _finalized(pelican: Any) -> None:
    OutputKeeper.current().prune()


def register() -> None:
    """Connect the handlers (Pelican calls this for each plugin)."""
    signals.initialized.connect(_initialized)
    signals.readers_init.connect(use_reusing_reader)
    signals.readers_init.connect(use_kept_stamps)
    signals.article_generator_init.connect(use_kept_stamps)
    signals.page_generator_init.connect(use_kept_stamps)
    signals.article_generator_finalized.connect(freeze_urls)
    signals.article_generator_finalized.connect(fast_membership)
    signals.all_generators_finalized.connect(settle_sitemap_clock)
    signals.static_generator_finalized.connect(unlink_shared_static_targets)
    signals.static_generator_finalized.connect(_static_kept)
    signals.generator_init.connect(_track)
    signals.get_writer.connect(_writer)
    signals.finalized.connect(_finalized)
    signals.finalized.connect(save_stamps)
