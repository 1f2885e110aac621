"""Internal links: to other posts, pages and files of this site.

``{filename}``/``{static}`` links must name a file in ``content/``;
site-relative links (``/berita/judul/``) must be a post, page or file the
build will write. Links to other sites are not fetched: the check is offline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import get_close_matches

from pelita.core.registries import closest

from .context import ERROR, WARNING, CheckContext, problem
from .duplicates import RESERVED
from .model import Problem
from .references import content_path, find_references, suggest_path
from .siteurls import SiteUrls
from .source import SourceFile

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_OTHER_PELICAN = re.compile(r"^\{(tag|author|index|category)\}(.*)$")
_PAGINATION = re.compile(r"^[^/]+/\d+/$")
# Slugs share words ("kampung", "tidak-ada"), so only a close match helps.
URL_CUTOFF = 0.8


class LinkChecker:
    """Checks the links of one post against the site's URLs and files."""

    def __init__(self, ctx: CheckContext, urls: SiteUrls) -> None:
        self.ctx = ctx
        self.urls = urls

    def check_source(self, source: SourceFile) -> Iterator[Problem]:
        """Every broken internal link in ``source``."""
        for ref in find_references(source):
            if not ref.is_image:
                yield from self._link(source, ref.line, ref.target.strip())

    def _link(self, source: SourceFile, line: int, target: str) -> Iterator[Problem]:
        if not target or target.startswith("#") or _SCHEME.match(target):
            return
        if target.startswith("//"):
            return
        relative = content_path(target, source, self.ctx.corpus)
        if relative is not None:
            yield from self._file_link(source, line, target, relative)
        elif (other := _OTHER_PELICAN.match(target)) is not None:
            yield from self._category_link(source, line, other.group(1), other.group(2))
        elif target.startswith("/"):
            yield from self._site_link(source, line, target)
        elif target.lower().startswith("www."):
            yield _broken(source, line, target, f'tulis lengkap: "https://{target}"')
        elif target.split("#", 1)[0].endswith(".md"):
            yield _broken(
                source,
                line,
                target,
                "tautan ke tulisan lain ditulis "
                f'"{{filename}}/{self._md_path(source, target)}"',
            )
        else:
            yield problem(
                source,
                line,
                WARNING,
                "tautan-relatif",
                f'Tautan "{target}" dibaca dari alamat tulisan ini dan mudah rusak',
                'tulis alamat dari akar situs, misalnya "/berita/judul-tulisan/"',
            )

    def _md_path(self, source: SourceFile, target: str) -> str:
        found = content_path("{filename}" + target, source, self.ctx.corpus)
        return found or target

    def _file_link(
        self, source: SourceFile, line: int, target: str, relative: str
    ) -> Iterator[Problem]:
        if relative in self.ctx.corpus.all_paths:
            return
        hint = suggest_path(relative, self.ctx.corpus)
        kind = target[: target.index("}") + 1]
        yield _broken(
            source,
            line,
            target,
            f'maksud Anda "{kind}/{hint}"?'
            if hint
            else "periksa nama dan folder berkasnya",
        )

    def _category_link(
        self, source: SourceFile, line: int, kind: str, value: str
    ) -> Iterator[Problem]:
        if kind != "category" or not self.urls.categories:
            return
        names = set(self.urls.categories.values())
        if value in names or value in self.urls.categories:
            return
        hint = closest(value, names, 1)
        yield _broken(
            source,
            line,
            "{category}" + value,
            f'maksud Anda "{{category}}{hint[0]}"?'
            if hint
            else f"pilihan: {', '.join(sorted(names))}",
        )

    def _site_link(
        self, source: SourceFile, line: int, target: str
    ) -> Iterator[Problem]:
        path = re.split(r"[?#]", target, maxsplit=1)[0].lstrip("/")
        path = path.removesuffix("index.html")
        if self._exists(path):
            return
        first = path.split("/", 1)[0]
        if first in RESERVED and first not in ("images", "extra"):
            return  # pages made by plugins; the site check verifies them
        hint = self._closest_url(path) if source.is_admin else None
        yield _broken(
            source,
            line,
            target,
            f'maksud Anda "/{hint}"?' if hint else "periksa alamatnya di situs",
        )

    def _closest_url(self, path: str) -> str | None:
        """The known URL nearest ``path``, comparing slugs within a category."""
        first, _, rest = path.partition("/")
        if first in self.urls.by_category and rest.strip("/"):
            pool = {
                u.split("/", 1)[1].strip("/"): u for u in self.urls.by_category[first]
            }
            hint = get_close_matches(rest.strip("/"), pool, 1, URL_CUTOFF)
            return pool[hint[0]] if hint else None
        pool = {u.strip("/"): u for u in self.urls.pages}
        hint = get_close_matches(path.strip("/"), pool, 1, URL_CUTOFF)
        return pool[hint[0]] if hint else None

    def _exists(self, path: str) -> bool:
        if path in ("",) or path in self.ctx.corpus.all_paths:
            return True
        as_page = path if path.endswith("/") else path + "/"
        if self.urls.knows(as_page):
            return True
        if as_page.split("/", 1)[0] in self.urls.categories:
            return as_page.count("/") == 1 or bool(_PAGINATION.match(as_page))
        return False


def _broken(source: SourceFile, line: int, target: str, suggestion: str) -> Problem:
    return problem(
        source,
        line,
        ERROR,
        "tautan-rusak",
        f'Tautan "{target}" tidak mengarah ke halaman atau berkas mana pun',
        suggestion,
    )
