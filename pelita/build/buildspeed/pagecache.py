"""Decide, before rendering it, whether a page changed since the last build.

Rendering is what a build spends its time on, so each page (article pages,
list pages, area pages, feeds: every file the writer makes) gets a key that
is computed without rendering, and a page whose key and inputs are those of
the file already in ``output/`` is not rendered again:

* the site: settings, package versions, theme (and its template
  overrides), Pelita's code and ``PLUGIN_PATHS``, ``data/`` and the
  registry files wherever ``REGISTRIES`` puts them
  (:func:`.fingerprint.site_fingerprint`);
* the page: template, file name, URL, relative links or not, and the posts
  it shows (its ``article``, or the posts of its list page with the page's
  place and links), each by its :class:`.postdigests.PostDigests`
  reference: source file, named files, the other posts it points to;
* what else its templates read: while a page is rendered, every name its
  templates look up is noted (:mod:`.tracking`) and stored with the page,
  with a digest of each value (:mod:`.digests`); the page is reused only
  while those digests are unchanged. A page that reads a whole list (the
  home page's "latest" boxes) is rendered again whenever the list changes.

Filters and globals (``env.globals``) are taken to be functions of their
arguments, the settings and the registries (the site key covers those).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from pelican.contents import Content

from pelita.core.registries import registry_paths

from .digests import NameDigests
from .fingerprint import FileHashes, code_folders, site_fingerprint, stable
from .listpages import ListPage
from .pagestate import PageState
from .postdigests import PostDigests
from .settings import BUILD_ONLY_SETTINGS
from .sourcefiles import SourceFiles
from .tracking import WHOLE, Reads, shape_of

logger = logging.getLogger(__name__)

FOLDER = "buildspeed"
# Names the writer puts in a page's context, covered by the page's base key.
COVERED = frozenset(
    {"article", "page", "category", "url", "blog", "output_file", "localsiteurl"}
)


class PageCache:
    """Page keys, the previous build's records, and the decisions."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        folder = Path(settings["CACHE_PATH"]) / FOLDER
        self.state = PageState(folder)
        self.hashes = FileHashes()
        self.sources = SourceFiles(folder / "sources.pickle", self._settings_key())
        self.posts = PostDigests(settings, self.sources)
        self.hashes.posts = self.posts
        self.site_key: str | None = None
        self.names: NameDigests | None = None
        self.counts: Counter[str] = Counter()

    def _settings_key(self) -> str:
        shared = {
            k: v for k, v in self.settings.items() if k not in BUILD_ONLY_SETTINGS
        }
        return hashlib.sha256(stable(shared, FileHashes()).encode()).hexdigest()

    def _site(self, context: dict[str, Any]) -> str:
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

    def _names(self, context: dict[str, Any]) -> NameDigests:
        if self.names is None:
            self.names = NameDigests(context, self.hashes)
        return self.names

    def base_key(
        self,
        name: str,
        template: str,
        context: dict[str, Any],
        local: dict[str, Any],
        extra: tuple[Any, ...] = (),
    ) -> str:
        """What the page is made from, apart from the names its templates read.

        ``extra``: what else the file is made from, for files rendered
        without a template (a feed: its title, URL and posts).
        """
        parts = [self._site(context), template, name, str(local.get("SITEURL"))]
        for key in sorted(self.covered(local)):
            parts.append(f"{key}={self._covered_value(local[key])}")
        parts += [self._covered_value(value) for value in extra]
        return hashlib.sha256("\n".join(parts).encode("utf-8", "replace")).hexdigest()

    def covered(self, local: dict[str, Any]) -> set[str]:
        """The page's own names in ``local`` (its post, its list page, its URL)."""
        found = {n for n in COVERED if n in local}
        found |= {n for n, v in local.items() if isinstance(v, ListPage)}
        found |= {
            n
            for n in local
            if n.endswith(("_previous_page", "_next_page"))
            and n.removesuffix("_previous_page").removesuffix("_next_page") + "_page"
            in local
        }
        return found

    def _covered_value(self, value: Any) -> str:
        if isinstance(value, Content):
            return self.posts.ref(value)
        if isinstance(value, ListPage):
            posts = ",".join(self.posts.ref(p) for p in value.object_list)
            return f"{value.key()!r}[{posts}]"
        if isinstance(value, list | tuple) and all(
            isinstance(v, Content) for v in value
        ):
            return "[" + ",".join(self.posts.ref(p) for p in value) + "]"
        if value is None or isinstance(value, str | bool | int):
            return repr(value)
        return stable(value, self.hashes)

    def reusable(
        self,
        name: str,
        path: Path,
        base: str,
        context: dict[str, Any],
        local: dict[str, Any],
    ) -> bool:
        """Whether the file at ``path`` is this page as it would be rendered now.

        When it is (or its stored copy could be put back), the file stays and
        counts as written by this build.
        """
        record = self.state.previous.get(name)
        if record is None or record.base != base:
            logger.debug(
                "buildspeed: %s: %s", name, "new" if record is None else "changed"
            )
            return False
        names = self._names(context)
        changed = [
            n
            for n, shape, d in zip(
                record.names, record.shapes, record.digests, strict=True
            )
            if names.of(n, local, shape) != d
        ]
        if changed:
            logger.debug("buildspeed: %s: changed %s", name, ", ".join(changed))
            return False
        if not self.state.keep(name, path):
            return False
        self.counts["reused"] += 1
        return True

    def written(
        self,
        name: str,
        *,
        path: Path,
        data: bytes,
        base: str,
        reads: Reads | None,
        context: dict[str, Any],
        local: dict[str, Any],
        environment: Any,
    ) -> None:
        """Record a freshly written page with what its templates read."""
        covered = self.covered(local)
        names = tuple(
            sorted(
                n
                for n in (reads.names if reads is not None else ())
                if not n.isupper()
                and n not in covered
                and (environment is None or n not in environment.globals)
            )
        )
        shapes = tuple(
            shape_of(local[n], reads) if n in local and reads is not None else WHOLE
            for n in names
        )
        digester = self._names(context)
        digests = tuple(
            digester.of(n, local, shape) for n, shape in zip(names, shapes, strict=True)
        )
        self.state.written(
            name, path=path, data=data, base=base, names=names, shapes=shapes,
            digests=digests,
        )  # fmt: skip
        self.counts["rendered"] += 1

    def finish(self) -> None:
        """Save the records and the source hashes; report what was reused."""
        recorded, removed = self.state.save()
        self.sources.save()
        logger.info(
            "buildspeed: %d pages and feeds reused, %d rendered, %d stale copies "
            "removed (%d recorded)",
            self.counts["reused"],
            self.counts["rendered"],
            removed,
            recorded,
        )
