"""``run_check``: every check over the content tree and the registries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .addresses import check_addresses
from .codes import SAFETY_CODES
from .config import CheckConfigError, load_config
from .conflicts import check_conflict_markers
from .contentfiles import check_content_files
from .context import CheckContext
from .corpus import load_corpus
from .corrections import check_corrections
from .dates import check_dates
from .duplicates import check_duplicates
from .fields import check_fields
from .images import ImageChecker
from .links import LinkChecker
from .metadata import check_metadata
from .model import CheckResult, Problem, Severity
from .personal import check_personal_data
from .rawhtml import check_raw_html
from .registrycheck import check_channel_files, load_registries
from .siteurls import build_site_urls
from .source import SourceFile

logger = logging.getLogger(__name__)

FileCheck = Callable[[SourceFile, CheckContext], Iterable[Problem]]
FILE_CHECKS: tuple[FileCheck, ...] = (
    check_metadata,
    check_addresses,
    check_dates,
    check_fields,
    check_corrections,
    check_personal_data,
    check_raw_html,
)


@dataclass(frozen=True)
class CheckRun:
    """A run's result, and the context it was made in (None: bad settings)."""

    result: CheckResult
    ctx: CheckContext | None


def run_check(
    settings: Mapping[str, Any],
    paths: Iterable[str | Path] | None = None,
    *,
    root: Path | None = None,
    now: dt.datetime | None = None,
) -> CheckResult:
    """Check the content tree and registries (see :func:`check_run`)."""
    return check_run(settings, paths, root=root, now=now).result


def check_run(
    settings: Mapping[str, Any],
    paths: Iterable[str | Path] | None = None,
    *,
    root: Path | None = None,
    now: dt.datetime | None = None,
) -> CheckRun:
    """Check the content tree and registries; report on ``paths`` (or everything).

    ``settings`` are Pelican settings (``PATH``, ``ARTICLE_PATHS``,
    ``CATEGORIES``, ``TIMEZONE``, ``CHECK``, ``REGISTRIES`` …); relative paths
    are taken from ``root`` (default: the working directory). Duplicates and
    links are always judged against the whole tree. Validation problems in
    files the importer wrote (and nobody edited since) are warnings; safety
    problems are errors wherever they are.
    """
    root = Path(root or Path.cwd())
    try:
        config = load_config(settings)
    except CheckConfigError as exc:
        problem = Problem(
            "pelicanconf.py", None, Severity.ERROR, "pengaturan", str(exc)
        )
        return CheckRun(CheckResult([problem]), None)
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta")
    corpus = load_corpus(settings, root, config, paths)
    gazetteer, opd, contacts, problems = load_registries(dict(settings), root, config)
    ctx = CheckContext(
        settings,
        root,
        config,
        (now or dt.datetime.now(zone)).astimezone(zone),
        corpus,
        gazetteer,
        opd,
        contacts,
    )
    problems += list(check_channel_files(root, config, dict(settings)))
    problems += [_missing(given) for given in corpus.missing]
    problems += list(_file_problems(ctx))
    problems += list(check_duplicates(ctx))
    problems += list(check_conflict_markers(ctx))
    problems += list(check_content_files(ctx))
    imported = {s.display for s in corpus.files if not s.is_admin}
    result = CheckResult(
        sorted(_demoted(_unique(problems), imported), key=Problem.sort_key),
        files_checked=len(corpus.selected),
    )
    return CheckRun(result, ctx)


def _file_problems(ctx: CheckContext) -> Iterator[Problem]:
    images = ImageChecker(ctx)
    links = LinkChecker(ctx, build_site_urls(ctx))
    for source in ctx.corpus.selected:
        checks = list(FILE_CHECKS)
        if not source.read_error:
            checks += [
                lambda s, _: images.check_source(s),
                lambda s, _: links.check_source(s),
            ]
        for check in checks:
            yield from _guarded(check, source, ctx)
    yield from images.loose_files()


def _guarded(check: FileCheck, source: SourceFile, ctx: CheckContext) -> list[Problem]:
    """One check on one file; a fault in the checker becomes a reported error.

    The check runs before every build, so one odd file must not stop it from
    reporting on all the others.
    """
    try:
        return list(check(source, ctx))
    except Exception as exc:
        logger.exception("contentcheck: %s failed on %s", check, source.display)
        return [
            Problem(
                source.display, None, Severity.ERROR, "pemeriksa",
                f"Pemeriksa gagal membaca berkas ini ({type(exc).__name__}: {exc})",
                "periksa bagian atas berkas; bila tampak benar, laporkan pesan "
                "ini ke pengelola Pelita",
            )
        ]  # fmt: skip


def _missing(given: str) -> Problem:
    return Problem(
        str(given),
        None,
        Severity.ERROR,
        "berkas",
        "Berkas atau folder ini tidak ada",
        "periksa nama dan foldernya",
    )


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _demoted(problems: list[Problem], imported: set[str]) -> Iterator[Problem]:
    """Validation errors in importer-written files become warnings.

    The importer, not an admin, wrote such a file, and a channel's wording
    (a kecamatan spelt its own way) must not hold its post back. Safety
    rules, and what would break the site or publish a merge, stay errors in
    any file (:data:`.codes.SAFETY_CODES`).
    """
    for found in problems:
        if found.is_error and found.path in imported and found.code not in SAFETY_CODES:
            yield dataclasses.replace(found, severity=Severity.WARNING)
        else:
            yield found
