"""``invoke import-feeds`` and ``python -m pelita.importer``: run one import.

Exit codes: 0 when the run completed (channels that failed are in the
report), 1 when every channel that was tried failed, 2 for a broken registry
or setting, 3 when another import holds the lock.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pelita.core.registries import RegistryError, closest

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from pelita.importer.fetching.netpolicy import Resolver
from pelita.importer.media.imaging import ImageLimits
from pelita.importer.media.orphans import remove_orphan_images
from pelita.importer.media.pool import ImageWorkers, image_worker_count
from pelita.importer.media.stage import ImageMedia
from pelita.importer.registry.channels import load_channels
from pelita.importer.run.channel import ChannelImporter
from pelita.importer.run.progress import RunProgress, setup_logging
from pelita.importer.run.runner import ImportRun, RunOptions
from pelita.importer.stories.grouper import StoryPass
from pelita.importer.writing.files import remove_stale_temp_files
from pelita.importer.writing.report import ChannelReport, print_summary, write_report
from pelita.importer.writing.slugs import SlugRegistry
from pelita.importer.writing.state import ChannelState, load_state, save_state
from pelita.importer.writing.summary import write_summary

from .errors import ChannelConfigError, ImporterConfigError, ImportLockedError
from .model import Channel
from .settings import ImporterConfig, load_config

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ALL_FAILED = 1
EXIT_CONFIG = 2
EXIT_LOCKED = 3


@contextlib.contextmanager
def state_lock(state_file: Path) -> Iterator[None]:
    """Hold ``<state>.lock`` so two imports never write the same files."""
    if fcntl is None:  # not on POSIX: no lock
        yield
        return
    lock_path = state_file.with_name(state_file.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ImportLockedError(
                f"importer: another import is running (lock {lock_path})"
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _select(channels: tuple[Channel, ...], only: str | None) -> list[Channel]:
    if not only:
        return [c for c in channels if c.enabled]
    chosen = [c for c in channels if c.id == only]
    if not chosen:
        hint = closest(only, [c.id for c in channels])
        more = f"; closest: {', '.join(hint)}" if hint else ""
        raise ChannelConfigError(f"importer: --only {only!r}: no such channel{more}")
    if not chosen[0].url:
        raise ChannelConfigError(
            f"importer: --only {only!r}: the channel has no url yet; set it in "
            "the registry first"
        )
    return chosen


def exit_code(reports: list[ChannelReport]) -> int:
    """1 when every channel that was tried failed, else 0."""
    tried = [r for r in reports if not r.deferred]
    if tried and all(r.failed for r in tried):
        return EXIT_ALL_FAILED
    return EXIT_OK


def _media(config: ImporterConfig, options: RunOptions) -> ImageMedia:
    """The media stage of a run: downloads, one decoding pool, the image cap."""
    limits = ImageLimits(config.image_max_pixels, config.image_max_width)
    workers = ImageWorkers(limits, image_worker_count(config.workers))
    return ImageMedia(
        config.content_root,
        config.images_dir,
        config.channels_file.parent if config.local_feeds else None,
        workers,
        config.image_max_bytes,
        dry_run=options.dry_run,
    )


def _stories(
    config: ImporterConfig,
    states: dict[str, ChannelState],
    registry: tuple[Channel, ...],
    options: RunOptions,
) -> list[dict[str, Any]]:
    """Group the new posts into stories (unless ``group_stories`` is off)."""
    if not config.group_stories:
        return []
    kinds = {channel.id: channel.kind for channel in registry}
    try:
        return StoryPass(config, states, kinds, options.dry_run).run()
    except Exception:  # grouping is a bonus: it never costs the run its posts
        logger.exception("importer: stories: grouping failed; posts stay ungrouped")
        return []


def _run(
    config: ImporterConfig,
    channels: list[Channel],
    options: RunOptions,
    console: Any,
    registry: tuple[Channel, ...] = (),
) -> list[ChannelReport]:
    states = load_state(config.state_file)
    running = config.state_file.with_name(config.state_file.name + ".running")
    if running.exists() and not options.dry_run:  # the last run was killed
        removed = remove_stale_temp_files(config.content_dir)
        logger.info("importer: removed %s unfinished file(s) of a killed run", removed)
        remove_orphan_images(config.content_root, config.images_dir)
    if not options.dry_run:
        running.parent.mkdir(parents=True, exist_ok=True)
        running.touch()
    slugs = SlugRegistry(config.content_root, config.slug_substitutions)
    media = _media(config, options)
    importer = ChannelImporter(
        config.content_dir, slugs, media, config.default_category, options.dry_run
    )
    run = ImportRun(config, states, importer, options)
    started = time.monotonic()
    try:
        with RunProgress(len(channels), console) as progress:
            reports = asyncio.run(run.run(channels, progress))
        stories = _stories(config, states, registry or tuple(channels), options)
    finally:
        media.close()
        if not options.dry_run:
            save_state(config.state_file, states)
    if not options.dry_run:
        # An interrupted run keeps the marker: the next one checks every image.
        if media.stored:
            remove_orphan_images(config.content_root, config.images_dir, media.stored)
        running.unlink(missing_ok=True)
    seconds = time.monotonic() - started
    if not options.dry_run:
        write_report(config.report_file, reports, seconds, stories)
        write_summary(config.summary_file, reports, seconds, stories)
    print_summary(reports, seconds, demo=config.local_feeds)
    return reports


def run_import(
    settings: Mapping[str, Any],
    *,
    channels: str | None = None,
    content: str | None = None,
    state: str | None = None,
    report: str | None = None,
    only: str | None = None,
    dry_run: bool = False,
    resolver: Resolver | None = None,
    summary: str | None = None,
) -> int:
    """Import the registry's channels; return the exit code.

    ``settings`` are Pelican's (``IMPORTER``, ``CATEGORIES``, ``PATH``...);
    the other arguments are the command's options. ``resolver`` replaces DNS
    resolution (tests and the benchmark).
    """
    console = setup_logging()
    try:
        config = load_config(
            settings,
            channels=channels,
            content=content,
            state=state,
            report=report,
            summary=summary,
        )
        registry = load_channels(
            config.channels_file,
            config.registry_files,
            config.categories,
            config.local_feeds,
        )
        selected = _select(registry, only)
        options = RunOptions(dry_run=dry_run, force=bool(only), resolver=resolver)
        with state_lock(config.state_file):
            reports = _run(config, selected, options, console, registry)
    except (ChannelConfigError, ImporterConfigError, RegistryError) as exc:
        logger.error("%s", exc)
        return EXIT_CONFIG
    except ImportLockedError as exc:
        logger.error("%s", exc)
        return EXIT_LOCKED
    return exit_code(reports)


def main(argv: list[str] | None = None) -> int:
    """``python -m pelita.importer``: the same options as ``invoke import-feeds``."""
    parser = argparse.ArgumentParser(
        prog="python -m pelita.importer", description=__doc__
    )
    parser.add_argument(
        "--settings", default="pelicanconf.py", help="Pelican settings file"
    )
    parser.add_argument(
        "--channels", help="channel registry (IMPORTER['channels_file'])"
    )
    parser.add_argument("--content", help="folder for imported posts")
    parser.add_argument("--state", help="state file")
    parser.add_argument("--report", help="JSON report to write")
    parser.add_argument(
        "--summary", help="Markdown summary to write (IMPORTER['summary_file'])"
    )
    parser.add_argument("--only", help="import only the channel with this id")
    parser.add_argument(
        "--dry-run", action="store_true", help="fetch and parse, write nothing"
    )
    args = parser.parse_args(argv)
    settings = _settings(args.settings)
    return run_import(
        settings,
        channels=args.channels,
        content=args.content,
        state=args.state,
        report=args.report,
        only=args.only,
        dry_run=args.dry_run,
        summary=args.summary,
    )


def _settings(path: str) -> dict[str, Any]:
    """Read a Pelican settings file without importing Pelican (seconds saved)."""
    namespace: dict[str, Any] = {"__file__": str(Path(path).resolve())}
    source = Path(path).read_text(encoding="utf-8")
    exec(compile(source, path, "exec"), namespace)
    return {k: v for k, v in namespace.items() if k.isupper()}
