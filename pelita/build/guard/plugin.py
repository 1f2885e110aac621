"""Hold back what the check finds, and what only the build can see."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import SkipStub

from pelita.core.heldback import HeldBack, report_folder, write_reports
from pelita.core.settings import plugin_enabled

from .decisions import Guard

logger = logging.getLogger(__name__)

GUARD_KEY = "_pelita_guard"
_ARTICLE_GROUPS = ("articles", "translations", "drafts", "drafts_translations",
                   "hidden_articles", "hidden_translations")  # fmt: skip
_PAGE_GROUPS = ("pages", "translations", "hidden_pages", "hidden_translations",
                "draft_pages", "draft_translations")  # fmt: skip


# The guard of each running build, by its settings (the one dict Pelican hands
# to every generator and to ``finalized``).
_BUILDS: dict[int, Guard] = {}


def _guard(generator: Any) -> Guard:
    """The guard of this build (one per build, kept in the shared context)."""
    context = generator.context
    if GUARD_KEY not in context:
        guard = Guard.for_build(generator.settings, Path(generator.path))
        context[GUARD_KEY] = _BUILDS[id(generator.settings)] = guard
    return context[GUARD_KEY]


def _enabled(generator: Any) -> bool:
    return plugin_enabled(generator.settings, "guard")


def guard_sources(generator: Any) -> None:
    """Keep held-back files out of a generator's reading, and catch read failures.

    Pelican offers no signal to leave one file out, so the generator's own
    ``get_files`` and its readers' ``read_file`` are wrapped: a held-back
    file is never read, and a file Pelican fails to read is held back with
    Pelican's reason instead of failing the build.
    """
    if not _enabled(generator):
        return
    guard = _guard(generator)
    listed = generator.get_files
    read = generator.readers.read_file

    def get_files(paths: Any, exclude: Any = None, extensions: Any = None) -> set:
        found = listed(paths, exclude=exclude, extensions=extensions)
        return {path for path in found if guard.admits(path)}

    def read_file(base_path: str, path: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return read(base_path, path, *args, **kwargs)
        except Exception as error:  # Pelican would log it and leave the file out
            guard.hold_unreadable(path, error)
            return SkipStub(None, source_path=path)

    generator.get_files = get_files
    generator.readers.read_file = read_file


def guard_articles(generator: Any) -> None:
    """Hold back articles whose slug or addresses are unsafe as Pelican read them."""
    if _enabled(generator):
        _drop(generator, _ARTICLE_GROUPS, _guard(generator).judge_items)


def guard_pages(generator: Any) -> None:
    """The same for pages."""
    if _enabled(generator):
        _drop(generator, _PAGE_GROUPS, _guard(generator).judge_items)


def guard_static(generator: Any) -> None:
    """Publish only allowed static files, reached without links, inside content/."""
    if not _enabled(generator):
        return
    guard = _guard(generator)
    refused = guard.judge_static(
        [s.relative_source_path for s in generator.staticfiles]
    )
    if not refused:
        return
    generator.staticfiles[:] = [
        s for s in generator.staticfiles if s.relative_source_path not in refused
    ]
    for relative in refused:
        generator.context["static_content"].pop(relative, None)


def guard_raw_photos(generators: Any) -> None:
    """Copy no photo as it is while it still tells where it was taken.

    Runs after every generator (the image step has taken the photos it
    re-encodes by then): any static file left that holds a GPS position is
    held back, so nothing with a position reaches output/.
    """
    for generator in generators:
        files = getattr(generator, "staticfiles", None)
        if not isinstance(files, list) or not _enabled(generator):
            continue
        refused = _guard(generator).judge_raw_photos(
            [s.relative_source_path for s in files]
        )
        if not refused:
            continue
        files[:] = [s for s in files if s.relative_source_path not in refused]
        for relative in refused:
            generator.context["static_content"].pop(relative, None)


def _drop(generator: Any, groups: tuple[str, ...], judge: Any) -> None:
    items = [item for name in groups for item in getattr(generator, name, [])]
    refused = judge(items)
    if not refused:
        return
    for name in groups:
        group = getattr(generator, name, None)
        if isinstance(group, list):
            group[:] = [item for item in group if id(item) not in refused]
    content = generator.context.get("generated_content", {})
    for item in items:
        if id(item) in refused:
            content[item.relative_source_path] = None


def write_held_back(pelican: Any) -> None:
    """Write the reports and name every held-back file, once the site is written."""
    settings = pelican.settings
    if not plugin_enabled(settings, "guard"):
        return
    guard = _BUILDS.pop(id(settings), None)
    held: list[HeldBack] = guard.entries() if guard else []
    json_path, _ = write_reports(report_folder(settings), held)
    if not held:
        return
    files = list(dict.fromkeys(entry.file for entry in held))
    for entry in held:
        logger.warning("guard: ditahan %s", _line(entry))
    logger.warning(
        "guard: %d berkas ditahan dan tidak diterbitkan; situs lainnya diterbitkan "
        "(daftar: %s)",
        len(files),
        json_path,
    )


def _line(entry: HeldBack) -> str:
    where = f"{entry.file}:{entry.line}" if entry.line else entry.file
    text = f"{where}: {entry.message}"
    if entry.suggestion:
        text += f" — {entry.suggestion}"
    return text


def register() -> None:
    """Pelican entry point."""
    signals.article_generator_init.connect(guard_sources)
    signals.page_generator_init.connect(guard_sources)
    signals.article_generator_pretaxonomy.connect(guard_articles)
    signals.page_generator_finalized.connect(guard_pages)
    signals.static_generator_finalized.connect(guard_static)
    signals.all_generators_finalized.connect(guard_raw_photos)
    signals.finalized.connect(write_held_back)
