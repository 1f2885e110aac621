"""Reuse an article's rendered page when nothing it is made from has changed.

A nightly run adds a few dozen posts to a site of thousands; Pelican's
content cache skips re-reading the old posts but still renders every one
of their pages. :class:`CachingWriter` keeps each rendered article page
under ``CACHE_PATH/buildspeed-pages``, keyed by a digest of everything the
page is made from:

* the site: settings, package versions, theme (and its template
  overrides), plugins, ``data/`` and the registry files wherever
  ``REGISTRIES`` puts them (:func:`.fingerprint.site_fingerprint`);
* the article: all its attributes (metadata and whatever plugins attached:
  areas, award, related posts, images...), its HTML, and the hashes of its
  source file, of the files it names (``Image``) and of the other posts it
  refers to (related posts are named by source file and hash);
* the page's own arguments (file name, URL, relative links or not).

What else a page reads is recorded, not assumed: while a page is rendered,
every name its templates look up in the build's context is noted
(:mod:`.tracking`) and stored with the page along with a digest of its
value (:mod:`.digests`); the page is reused only while those digests are
unchanged. A page that reads a whole-site list (e.g. ``articles`` for a
"latest posts" box) is not cached, and the build says so once. Filters and
globals (``env.globals``) are taken to be functions of their arguments, the
settings and the registries.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from pelita.core.registries import registry_paths

from .digests import NEVER_CACHED, ContextDigests
from .files import publish_file, referenced_files
from .fingerprint import FileHashes, code_folders, site_fingerprint, stable
from .settings import BUILD_ONLY_SETTINGS
from .tracking import install, names_read
from .writer import ReplacingWriter

logger = logging.getLogger(__name__)

FOLDER = "buildspeed-pages"
# Names the writer itself puts in a page's context; covered by the page key.
PAGE_NAMES = frozenset({"article", "category", "url", "blog", "output_file"})
PAGE_NAMES |= {"localsiteurl", "SITEURL"}


class PageStore:
    """Rendered pages on disk, and one index of what each page read.

    ``<key>.html`` holds a page; ``index.json`` maps each key to the digests
    of the context names the page read and the page file's size and
    modification time. A page whose file changed since it was stored
    (written into through a link by anything at all) is not reused. Pages
    this build did not use are pruned at its end, so the store holds one
    build's pages.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: dict[str, dict[str, Any]] = {}
        try:
            self.known = json.loads((folder / "index.json").read_text("utf-8"))
        except (OSError, ValueError):
            self.known = {}

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def get(self, key: str) -> tuple[dict[str, str], Path] | None:
        """The digests of the context names the page read, and the page's file."""
        entry = self.known.get(key)
        if not isinstance(entry, dict) or "read" not in entry:
            return None
        page = self._path(key)
        if _file_stamp(page) != entry.get("file"):
            logger.warning(
                "buildspeed: cached page %s changed on disk since it was stored; "
                "rendering it again",
                page,
            )
            return None
        self.used[key] = entry
        return entry["read"], page

    def put(self, key: str, names: dict[str, str], page: Path) -> None:
        """Keep a copy of ``page`` and what it read under ``key``."""
        html = self._path(key)
        html.parent.mkdir(parents=True, exist_ok=True)
        partial = html.with_suffix(".tmp")
        shutil.copyfile(page, partial)
        partial.replace(html)
        self.used[key] = {"read": names, "file": _file_stamp(html)}

    def save_and_prune(self) -> int:
        """Write the index of this build's pages, delete the others; say how many."""
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / "index.json.tmp"
        partial.write_text(json.dumps(self.used), encoding="utf-8")
        partial.replace(self.folder / "index.json")
        removed = 0
        for path in self.folder.glob("*/*"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _file_stamp(path: Path) -> list[int] | None:
    """Size and modification time of ``path`` (None when it is missing)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class CachingWriter(ReplacingWriter):
    """Pelican's writer, reusing stored article pages (see the module docstring)."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        self.hashes = FileHashes()
        self.store = PageStore(Path(self.settings["CACHE_PATH"]) / FOLDER)
        self.site_key: str | None = None
        self.uncached: set[str] = set()
        self.counts = {"reused": 0, "rendered": 0}
        self.digests: ContextDigests | None = None
        signals.finalized.connect(self.finish, weak=False)

    def _site_key(self, context: dict[str, Any]) -> str:
        if self.site_key is None:
            shared = {
                k: v
                for k, v in context.items()
                if k.isupper() and k not in BUILD_ONLY_SETTINGS
            }
            folders = [Path(self.settings["THEME"]), Path("data")]
            folders += [
                Path(p) for p in self.settings.get("THEME_TEMPLATES_OVERRIDES", [])
            ]
            folders += code_folders(self.settings)
            folders += registry_paths(self.settings).values()
            self.site_key = site_fingerprint(shared, folders, self.hashes)
        return self.site_key

    def page_key(
        self, name: str, context: dict[str, Any], relative: bool, kwargs: dict
    ) -> str:
        """The digest of everything the article page ``name`` is made from."""
        article = kwargs["article"]
        if relative:  # the article's HTML links relative to its own page
            context["localsiteurl"] = path_to_url(get_relative_path(name))
        files = referenced_files(article, self.settings, context.get("SITEURL", ""))
        parts = [
            self._site_key(context),
            f"{name}|{relative}",
            stable({k: v for k, v in kwargs.items() if k != "article"}, self.hashes),
            stable(article, self.hashes),
            hashlib.sha256(str(article.content).encode("utf-8")).hexdigest(),
            stable({str(p): self.hashes.of(p) for p in files}, self.hashes),
        ]
        return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()

    def write_file(self, name: Any, template: Any, context: dict, *args, **kwargs):
        """Write a page; article pages come from the store when unchanged."""
        call = _WriteCall.of(name, args, kwargs)
        if not call.cacheable:
            return super().write_file(name, template, context, *args, **kwargs)
        key = self.page_key(name, context, call.relative, call.names)
        digests = self._digests(context)
        stored = self.store.get(key)
        if stored is not None and stored[0] == digests.of_all(set(stored[0])):
            self._publish_stored(name, stored[1], context, call)
            self.counts["reused"] += 1
            return None
        with names_read(template.environment) as names:
            super().write_file(name, template, context, *args, **kwargs)
        self.counts["rendered"] += 1
        read = _from_context(names, context, template.environment)
        if read & NEVER_CACHED:
            self._note_uncached(template.name, read & NEVER_CACHED)
            return None
        page = Path(sanitised_join(self.output_path, name))
        self.store.put(key, digests.of_all(read), page)
        return None

    def _digests(self, context: dict[str, Any]) -> ContextDigests:
        if self.digests is None or self.digests.context is not context:
            self.digests = ContextDigests(context, self.hashes)
        return self.digests

    def _publish_stored(self, name: str, page: Path, context: dict, call: _WriteCall):
        path = sanitised_join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        # Pelican's own bookkeeping of written files (and its overwrite rules).
        with self._open_w(path, "utf-8", override=call.override) as handle:
            skipped = handle.name == os.devnull
        if not skipped:
            publish_file(page, Path(path))
        local = context.copy()
        local.update(call.names, output_file=name)
        signals.content_written.send(path, context=local)

    def _note_uncached(self, template: str, names: set[str]) -> None:
        if template not in self.uncached:
            self.uncached.add(template)
            logger.info(
                "buildspeed: %s reads %s from the build's context; its pages "
                "are rendered on every build",
                template,
                ", ".join(sorted(names)),
            )

    def finish(self, pelican: Any) -> None:
        """Prune the store and report, once the build has finished."""
        signals.finalized.disconnect(self.finish)
        removed = self.store.save_and_prune()
        logger.info(
            "buildspeed: %d article pages reused, %d rendered, %d stale removed",
            self.counts["reused"],
            self.counts["rendered"],
            removed,
        )


class _WriteCall:
    """The arguments of one ``write_file`` call that matter to the cache."""

    def __init__(self, names: dict, relative: bool, override: bool, paged: bool):
        self.names = names
        self.relative = relative
        self.override = override
        self.cacheable = "article" in names and not paged and names.get("blog")

    @classmethod
    def of(cls, name: Any, args: tuple, kwargs: dict) -> _WriteCall:
        options = dict(
            zip(("relative_urls", "paginated", "template_name"), args, strict=False)
        )
        options.update(kwargs)
        names = {
            k: v
            for k, v in options.items()
            if k
            not in {"relative_urls", "paginated", "template_name", "override_output"}
        }
        names["url"] = options.get("url")
        return cls(
            names,
            bool(options.get("relative_urls")),
            bool(options.get("override_output")),
            bool(options.get("paginated")) or not name,
        )


def _from_context(names: set[str], context: dict, environment: Any) -> set[str]:
    """Names read from the build's context that the page key does not cover."""
    return {
        n
        for n in names
        if n in context
        and not n.isupper()
        and n not in PAGE_NAMES
        and n not in environment.globals
    }


def use_caching_writer(pelican: Any) -> type[Writer]:
    """Give Pelican the caching writer, with tracking on every environment."""
    return CachingWriter


def track_templates(generator: Any) -> None:
    """Let the writer see the names each template reads."""
    install(generator.env)
