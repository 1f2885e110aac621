"""Which files a build must hold back, from one check run.

The build guard (``pelita.build.guard``) asks this module, so ``invoke
check`` and the build judge a post by the same validators and say the same
words: a file with an error is held back, every other file is published.

A post that links to a held-back post would publish a broken link (and fail
the gate's link check), so it is held back too, with a message naming the
link; this repeats until no published post links to a held-back one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

from pelita.core.heldback import HeldBack

from .codes import PRIVATE_CODES, REPAIRED_IN_BUILD
from .context import CheckContext
from .corpus import display_path
from .links import LinkChecker
from .model import Problem
from .runner import CheckRun
from .siteurls import build_site_urls
from .source import SourceFile

MAX_ROUNDS = 10


def files_to_hold(run: CheckRun) -> dict[str, list[HeldBack]]:
    """The files under content/ with errors, by content-relative path.

    Problems outside content/ (registries, settings) are the site's, not a
    post's: they are left to the check and the build's own failures. So are
    errors the build repairs in what it publishes (:data:`REPAIRED_IN_BUILD`).
    """
    ctx = run.ctx
    if ctx is None:
        return {}
    prefix = display_path(ctx.corpus.content, ctx.root).rstrip("/") + "/"
    sources = {source.display: source for source in ctx.corpus.files}
    held: dict[str, list[HeldBack]] = {}
    for found in run.result.errors:
        if found.code in REPAIRED_IN_BUILD:
            continue
        if found.path.startswith(prefix):
            relative = found.path[len(prefix) :]
            held.setdefault(relative, []).append(
                entry_of(found, sources.get(found.path))
            )
    _hold_links_to_held(ctx, held, prefix, sources)
    return held


def entry_of(found: Problem, source: SourceFile | None) -> HeldBack:
    """A check problem as a held-back entry: the field and value it is about.

    The value of a personal-data finding is never repeated (the report is
    published in the job summary); the message masks it already.
    """
    field, value = found.code, ""
    if source is not None and found.line is not None:
        header = next((h for h in source.header if h.line == found.line), None)
        if header is not None:
            field, value = header.key, header.value
    if found.code in PRIVATE_CODES:
        value = ""
    return HeldBack(
        found.path, found.line, field, value, found.message, found.suggestion
    )


def _hold_links_to_held(
    ctx: CheckContext,
    held: dict[str, list[HeldBack]],
    prefix: str,
    sources: dict[str, SourceFile],
) -> None:
    for _ in range(MAX_ROUNDS):
        if not held:
            return
        added = False
        for found in _links_without(ctx, {prefix + rel for rel in held}):
            relative = found.path[len(prefix) :]
            if relative not in held:
                added = True
            held.setdefault(relative, []).append(
                dataclasses.replace(
                    entry_of(found, sources.get(found.path)),
                    message=found.message + "; tulisan yang ditautkan ditahan",
                    suggestion="perbaiki tulisan yang ditautkan (lihat daftar "
                    "tulisan yang ditahan), atau hapus tautannya",
                )
            )
        if not added:
            return


def _links_without(ctx: CheckContext, withheld: Iterable[str]) -> Iterator[Problem]:
    """Link errors in the remaining admin files once ``withheld`` are left out."""
    gone = set(withheld)
    kept = [s for s in ctx.corpus.files if s.display not in gone]
    content = ctx.corpus.content
    removed = {
        Path(display).relative_to(display_path(content, ctx.root)).as_posix()
        for display in gone
    }
    corpus = dataclasses.replace(
        ctx.corpus,
        files=kept,
        all_paths=ctx.corpus.all_paths - removed,
        selected=kept,
        _by_name=None,
        _by_folder=None,
    )
    smaller = dataclasses.replace(ctx, corpus=corpus)
    links = LinkChecker(smaller, build_site_urls(smaller))
    for source in kept:
        if source.is_admin and not source.read_error:
            yield from (p for p in links.check_source(source) if p.is_error)
