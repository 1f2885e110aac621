"""Pelita's writer: stable pagination, and only changed pages rendered.

Pelican's writer renders every page of the site on every build and numbers
a list's pages from the newest post. This writer, given to Pelican by the
plugin in every build:

* paginates every list (home, categories, topics, area, OPD and award
  pages) from the oldest post (:mod:`pelita.core.pagination`,
  :mod:`.listpages`): the front page is the list's URL with its newest
  posts, archived pages ``…/halaman/<n>/`` never change once full. Archived
  pages are rendered with the theme's ``list_archive.html`` when it has one
  (a plain list of cards that reads nothing that changes with new posts);
* with ``BUILDSPEED = {"page_cache": True}``, decides before rendering
  whether each page and feed changed (:mod:`.pagecache`) and leaves the
  unchanged ones in ``output/`` as they are;
* writes every file by replacing it (a temporary file renamed over it), so
  no earlier file, and no hard link to one, is ever written through;
* tells the sitemap when a list page last changed (its newest post), not
  the build's clock.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound
from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .listpages import ListPage, StablePaginator
from .output import OutputKeeper
from .pagecache import PageCache
from .reproducible import newest_date, sitemap_stamp
from .settings import buildspeed_settings
from .tracking import reading

logger = logging.getLogger(__name__)

ARCHIVE_TEMPLATE = "list_archive"


class PelitaWriter(Writer):
    """Pelican's writer with stable pagination and the page cache."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        options = buildspeed_settings(self.settings)
        self.cache = PageCache(self.settings) if options["page_cache"] else None
        self.keeper = OutputKeeper.current()
        self._feed_base: tuple[str, dict[str, Any]] | None = None
        self._empty_feed_date: Any = None
        signals.finalized.connect(self.finish, weak=False)

    # -- pages ---------------------------------------------------------------

    def write_file(  # noqa: PLR0917 (Pelican's signature)
        self,
        name: Any,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: dict[str, list[Any]] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Render and write one page, or every page of a paginated list."""
        if not name:
            return
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        paginated_templates = self.settings["PAGINATED_TEMPLATES"]
        if not (paginated and template_name in paginated_templates):
            self._emit(
                name, template, context, relative_urls=relative_urls,
                override=override_output, names=kwargs,
            )  # fmt: skip
            return
        per_page = (
            paginated_templates[template_name] or self.settings["DEFAULT_PAGINATION"]
        )
        pagers = {
            key: StablePaginator(name, url or "", list(items), self.settings, per_page)
            for key, items in paginated.items()
        }
        archive = self._archive_template(template)
        first = next(iter(pagers.values()))
        for index, span in enumerate(first.spans):
            names = dict(kwargs, url=url, list_info=_list_info(kwargs, template_name))
            for key, pager in pagers.items():
                page = pager.pages()[index]
                names[f"{key}_page"] = page
                names[f"{key}_previous_page"] = page.newer
                names[f"{key}_next_page"] = page.older
                if span.is_front:
                    names[f"{key}_paginator"] = pager
            page = first.pages()[index]
            chosen = template if span.is_front or archive is None else archive
            self._emit(
                page.save_as, chosen, context, relative_urls=relative_urls,
                override=override_output, names=names,
            )  # fmt: skip

    def _archive_template(self, template: Any) -> Any:
        try:
            return template.environment.get_template(f"{ARCHIVE_TEMPLATE}.html")
        except TemplateNotFound:
            return None

    def _emit(
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        *,
        relative_urls: bool,
        override: bool,
        names: dict[str, Any],
    ) -> None:
        path = sanitised_join(self.output_path, name)
        local = self._local_context(context, name, names, relative_urls)
        if local["localsiteurl"]:
            context["localsiteurl"] = local["localsiteurl"]
        base = None
        if self.cache is not None:
            base = self.cache.base_key(name, template.name, context, local)
            if self.cache.reusable(name, Path(path), base, context, local):
                self._claim(path, override)
                self.keeper.kept(path)
                self._written(path, local)
                return
        environment = template.environment
        with reading(environment) as read:
            output = template.render(local)
        if not self._claim(path, override):
            return
        data = output.encode("utf-8")
        _replace(Path(path), data)
        logger.info('Writing "%s"', path)
        if self.cache is not None and base is not None:
            self.cache.written(
                name, path=Path(path), data=data, base=base, reads=read,
                context=context, local=local, environment=environment,
            )  # fmt: skip
        self._written(path, local)

    def _local_context(
        self, context: dict[str, Any], name: str, names: dict[str, Any], relative: bool
    ) -> dict[str, Any]:
        """The page's context, as Pelican's writer makes it."""
        local = context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if relative:
            relative_url = path_to_url(get_relative_path(name))
            local["SITEURL"] = relative_url
            local["localsiteurl"] = relative_url
        local["output_file"] = name
        local.update(names)
        return local

    def _claim(self, path: str, override: bool) -> bool:
        """Pelican's rules for writing one file twice; False: skip this write."""
        if path in self._overridden_files:
            if override:
                raise RuntimeError(f"File {path} is set to be overridden twice")
            logger.info("Skipping %s", path)
            return False
        if path in self._written_files:
            if override:
                logger.info('Overwriting "%s"', path)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{path}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)"
                )
        if override:
            self._overridden_files.add(path)
        self._written_files.add(path)
        return True

    def _written(self, path: str, local: dict[str, Any]) -> None:
        if not (local.get("article") or local.get("page")):
            stamp = sitemap_stamp(local)
            if stamp is not None:
                local = {**local, "page": stamp}
        signals.content_written.send(path, context=local)

    # -- feeds ---------------------------------------------------------------

    def write_feed(  # noqa: PLR0917 (Pelican's signature)
        self,
        elements: list[Any],
        context: dict[str, Any],
        path: str | None = None,
        url: str | None = None,
        feed_type: str = "atom",
        override_output: bool = False,
        feed_title: str | None = None,
    ) -> Any:
        """Write a feed, unless the one in ``output/`` is already this feed.

        An empty feed says it was updated when the site last was (or at
        ``SOURCE_DATE_EPOCH``), not at the build's time.
        """
        shown = list(elements[: self.settings["FEED_MAX_ITEMS"]])
        if path and self.cache is not None:
            complete = sanitised_join(self.output_path, path)
            local = {"SITEURL": context.get("SITEURL")}
            made_of = (feed_title, url, context.get("FEED_DOMAIN"), shown)
            base = self.cache.base_key(
                path, f"feed:{feed_type}", context, local, made_of
            )
            if self.cache.reusable(path, Path(complete), base, context, local):
                self._claim(complete, override_output)
                self.keeper.kept(complete)
                return None
            self._feed_base = (base, local)
        self._empty_feed_date = None if shown else newest_date(context)
        try:
            return super().write_feed(
                elements, context, path, url, feed_type, override_output, feed_title
            )
        finally:
            self._empty_feed_date = None
            self._feed_base = None

    def _create_new_feed(self, feed_type: str, feed_title: Any, context: dict) -> Any:
        feed = super()._create_new_feed(feed_type, feed_title, context)
        fixed = getattr(self, "_empty_feed_date", None)
        if fixed is not None:
            feed.latest_post_date = lambda: fixed
        return feed

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        """Feeds are written through here: replace the file, record it."""
        return _ReplacingFile(self, filename, encoding, override)

    def _feed_written(self, filename: str, data: bytes) -> None:
        pending = getattr(self, "_feed_base", None)
        if self.cache is not None and pending is not None:
            base, local = pending
            name = os.path.relpath(filename, self.output_path)
            self.cache.written(
                name, path=Path(filename), data=data, base=base, reads=None,
                context={}, local=local, environment=None,
            )  # fmt: skip

    # -- end of build --------------------------------------------------------

    def finish(self, pelican: Any) -> None:
        """Save the page records (once the whole build has written)."""
        signals.finalized.disconnect(self.finish)
        if self.cache is not None:
            self.cache.finish()


class _ReplacingFile(io.StringIO):
    """A text file that is written in full, then renamed over its target."""

    def __init__(self, writer: PelitaWriter, filename: str, encoding: str, override):
        super().__init__()
        self.skip = not writer._claim(filename, override)
        self.writer, self.filename, self.target_encoding = writer, filename, encoding

    def __exit__(self, kind: Any, value: Any, traceback: Any) -> None:
        if kind is None and not self.skip:
            data = self.getvalue().encode(self.target_encoding)
            _replace(Path(self.filename), data)
            self.writer._feed_written(self.filename, data)
        super().__exit__(kind, value, traceback)


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file and rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.pelita-tmp")
    partial.write_bytes(data)
    partial.replace(path)


def _list_info(kwargs: dict[str, Any], template_name: str | None) -> dict[str, Any]:
    """What a list's archived pages say the list is (its kind and title)."""
    for key in ("category", "tag", "author"):
        value = kwargs.get(key)
        if value is not None:
            return {"kind": key, "title": str(value), "url": getattr(value, "url", "")}
    return {
        "kind": kwargs.get("list_kind") or template_name or "index",
        "title": kwargs.get("list_title") or "",
        "url": kwargs.get("list_url") or "",
    }


__all__ = ["ListPage", "PelitaWriter"]
