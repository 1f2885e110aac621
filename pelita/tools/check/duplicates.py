"""Slugs and titles used twice anywhere in the content tree.

Pelican writes each article to ``/{category}/{slug}/`` and treats articles
that share a slug as translations of each other, so a repeated slug hides a
post or overwrites a page. The oldest post keeps the slug; the newer ones are
reported. One pass with dictionaries: linear in the number of posts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator

from .context import ERROR, WARNING, CheckContext, problem
from .corpus import category_slug, slug_of
from .dates import read_date
from .model import Problem
from .source import SourceFile

# First URL segments the site's own pages use; a page may not take them.
RESERVED = frozenset(
    {
        "topik", "arsip", "ralat", "kecamatan", "kelurahan", "opd", "prestasi",
        "kanal", "bagikan", "cari", "images", "theme", "pagefind", "feeds",
        "extra", "static", "drafts", "layanan",
    }
)  # fmt: skip
_LATEST = dt.datetime.max.replace(tzinfo=dt.UTC)


def _order(source: SourceFile, ctx: CheckContext) -> tuple[dt.datetime, str]:
    parsed = read_date(source, "date", ctx)
    return (parsed.value if parsed else _LATEST, source.display)


def _published(source: SourceFile) -> bool:
    return source.get("status", "published").lower() != "draft"


def check_duplicates(ctx: CheckContext) -> Iterator[Problem]:
    """Problems for selected files whose slug, URL or title is taken."""
    slugs: dict[tuple[bool, str, str], list[SourceFile]] = defaultdict(list)
    titles: dict[str, list[SourceFile]] = defaultdict(list)
    default_lang = ctx.settings.get("DEFAULT_LANG", "id")
    for source in ctx.corpus.files:
        if source.read_error or not _published(source):
            continue
        slug = slug_of(source, ctx.settings)
        if slug:
            lang = source.get("lang", default_lang)
            slugs[(source.is_page, lang, slug)].append(source)
        title = _title_key(source.get("title"))
        if title and not source.is_page and not source.get("duplicate_of"):
            titles[title].append(source)
    selected = {id(source) for source in ctx.corpus.selected}
    taken = {key[2] for key in slugs}
    for (_, _, slug), group in slugs.items():
        yield from _slug_group(slug, group, taken, selected, ctx)
    for group in titles.values():
        yield from _title_group(group, selected, ctx)
    yield from _reserved(slugs, selected, ctx)


def _title_key(title: str) -> str:
    return re.sub(r"[\W_]+", " ", title.casefold()).strip()


def _free_slug(slug: str, taken: set[str]) -> str:
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"


def _slug_group(
    slug: str,
    group: list[SourceFile],
    taken: set[str],
    selected: set[int],
    ctx: CheckContext,
) -> Iterator[Problem]:
    if len(group) < 2:
        return
    first, *later = sorted(group, key=lambda s: _order(s, ctx))
    for source in later:
        if id(source) not in selected:
            continue
        key = "slug" if source.get("slug") else "title"
        yield problem(
            source,
            source.line_of(key),
            ERROR,
            "slug-ganda",
            f'Slug "{slug}" sudah dipakai {first.display}, jadi salah satu '
            "tulisan tidak akan tampil",
            f'tulis Slug lain, misalnya "Slug: {_free_slug(slug, taken)}"',
        )


def _title_group(
    group: list[SourceFile], selected: set[int], ctx: CheckContext
) -> Iterator[Problem]:
    if len(group) < 2 or not any(s.is_admin for s in group):
        return
    first, *later = sorted(group, key=lambda s: _order(s, ctx))
    first_slug = slug_of(first, ctx.settings)
    for source in later:
        if id(source) not in selected or slug_of(source, ctx.settings) == first_slug:
            continue
        yield problem(
            source,
            source.line_of("title"),
            WARNING,
            "judul-ganda",
            f"Judul yang sama sudah dipakai {first.display}",
            "bedakan judulnya agar pembaca tidak bingung (mis. sebut tanggal "
            "atau tempatnya), atau hapus salah satu bila isinya sama",
        )


def _reserved(
    slugs: dict[tuple[bool, str, str], list[SourceFile]],
    selected: set[int],
    ctx: CheckContext,
) -> Iterator[Problem]:
    categories = {category_slug(name, ctx.settings) for name in ctx.categories}
    blocked = RESERVED | categories
    for (is_page, _, slug), group in slugs.items():
        if not is_page or slug not in blocked:
            continue
        for source in group:
            if id(source) in selected:
                yield problem(
                    source,
                    source.line_of("slug"),
                    ERROR,
                    "slug-bentrok",
                    f'Halaman dengan Slug "{slug}" bertabrakan dengan alamat '
                    f"/{slug}/ yang dibuat situs",
                    f'pakai Slug lain, misalnya "Slug: tentang-{slug}"',
                )
