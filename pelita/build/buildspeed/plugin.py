"""Make whole-site builds cheaper without changing a byte of the output.

* one Markdown instance per reader instead of one per post
  (:mod:`.markdown_reader`);
* article URLs computed once per build (:mod:`.urls`);
* Pelican's content cache cleared when settings, packages or plugins change
  (:mod:`.cacheguard`);
* article pages reused from the previous build when nothing they are made
  from changed (:mod:`.pagecache`), with ``BUILDSPEED = {"page_cache": True}``;
* output files replaced, never written into (:mod:`.writer`), in every
  build: they may be hard links into the caches.

List it last in ``PLUGINS``: Pelican calls a signal's handlers in plugin
order, and the URLs must be frozen after every other plugin's
``article_generator_finalized`` handler.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from .cacheguard import guard_content_cache
from .files import unlink_shared_static_targets
from .markdown_reader import use_reusing_reader
from .pagecache import track_templates, use_caching_writer
from .settings import buildspeed_settings
from .urls import freeze_urls
from .writer import ReplacingWriter


def _writer(pelican: Any) -> Any:
    if buildspeed_settings(pelican.settings)["page_cache"]:
        return use_caching_writer(pelican)
    return ReplacingWriter


def _track(generator: Any) -> None:
    if buildspeed_settings(generator.settings)["page_cache"]:
        track_templates(generator)


def register() -> None:
    """Connect the handlers (Pelican calls this for each plugin)."""
    signals.initialized.connect(guard_content_cache)
    signals.readers_init.connect(use_reusing_reader)
    signals.article_generator_finalized.connect(freeze_urls)
    signals.generator_init.connect(_track)
    signals.get_writer.connect(_writer)
    signals.static_generator_finalized.connect(unlink_shared_static_targets)
