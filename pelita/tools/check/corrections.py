"""``Ralat`` lines: a date first, not before the post, not in the future, a text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pelita.core.ralat import CorrectionError, read_correction

from .context import ERROR, CheckContext, problem
from .dates import read_date
from .datetext import DateText
from .model import Problem
from .source import SourceFile


def _grouped(source: SourceFile) -> list[tuple[int, str]]:
    """Each ``Ralat`` line with its indented continuation lines joined."""
    groups: list[tuple[int, str]] = []
    for entry in source.values("ralat"):
        if entry.continued and groups:
            line, text = groups[-1]
            groups[-1] = (line, f"{text} {entry.value}")
        else:
            groups.append((entry.line, entry.value))
    return groups


def check_corrections(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    """Problems with the post's corrections."""
    posted = read_date(source, "date", ctx)
    for line, text in _grouped(source):
        try:
            correction = read_correction(text, ctx.timezone)
        except CorrectionError as exc:
            yield problem(source, line, ERROR, exc.code, exc.message, exc.suggestion)
            continue
        if correction.date is not None:
            yield from _when(source, line, correction.date, posted, ctx)


def _when(
    source: SourceFile,
    line: int,
    when: dt.datetime,
    posted: DateText | None,
    ctx: CheckContext,
) -> Iterator[Problem]:
    post_day = posted.value.astimezone(ctx.timezone).date() if posted else None
    if post_day and when.date() < post_day:
        yield problem(
            source,
            line,
            ERROR,
            "ralat-tanggal",
            f"Tanggal ralat {when:%Y-%m-%d} lebih awal dari tanggal tulisan "
            f"({post_day:%Y-%m-%d})",
            "tulis tanggal saat ralat dibuat",
        )
    limit = ctx.now + dt.timedelta(minutes=ctx.config.future_tolerance_minutes)
    if when > limit and when.date() > ctx.now.date():
        yield problem(
            source,
            line,
            ERROR,
            "ralat-tanggal",
            f"Tanggal ralat {when:%Y-%m-%d} masih di masa depan",
            f"tulis tanggal hari ini ({ctx.now:%Y-%m-%d})",
        )
