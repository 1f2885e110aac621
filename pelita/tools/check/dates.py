"""``Date`` and ``Modified``: ISO form, real calendar days, not in the future."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pelita.core.indodate import format_date

from .context import ERROR, WARNING, CheckContext, problem
from .datetext import DateText, DateTextError, parse_date_text
from .model import Problem
from .source import SourceFile

OLDEST_PLAUSIBLE_YEAR = 2000


def read_date(source: SourceFile, key: str, ctx: CheckContext) -> DateText | None:
    """The parsed value of ``key``, or None when absent or unreadable."""
    cached = f"date:{key}"
    if cached not in source.cache:
        value = source.get(key)
        try:
            parsed = parse_date_text(value, ctx.timezone) if value else None
        except DateTextError:
            parsed = None
        source.cache[cached] = parsed
    return source.cache[cached]  # type: ignore[return-value]


def check_dates(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    """Problems with ``Date`` and ``Modified``."""
    parsed: dict[str, DateText] = {}
    for key, name in (("date", "Date"), ("modified", "Modified")):
        entry = source.first(key)
        if entry is None or not entry.value:
            continue
        try:
            parsed[key] = parse_date_text(entry.value, ctx.timezone)
        except DateTextError as exc:
            yield problem(
                source,
                entry.line,
                ERROR,
                exc.code,
                f"{name}: {exc.message}",
                exc.suggestion,
            )
            continue
        yield from _plausible(source, entry.line, name, parsed[key].value, ctx)
    if (
        "date" in parsed
        and "modified" in parsed
        and (parsed["modified"].value < parsed["date"].value)
    ):
        yield problem(
            source,
            source.line_of("modified"),
            ERROR,
            "tanggal-urutan",
            "Modified (tanggal perubahan) lebih awal dari Date",
            "Modified harus sama dengan atau sesudah Date",
        )


def _plausible(
    source: SourceFile, line: int, name: str, value: dt.datetime, ctx: CheckContext
) -> Iterator[Problem]:
    limit = ctx.now + dt.timedelta(minutes=ctx.config.future_tolerance_minutes)
    if value > limit:
        now = format_date(ctx.now, "datetime", timezone=str(ctx.timezone))
        yield problem(
            source,
            line,
            ERROR,
            "tanggal-masa-depan",
            f"{name} {value:%Y-%m-%d %H:%M} masih di masa depan (sekarang {now})",
            "tulis waktu terbit yang sebenarnya; tulisan bertanggal masa depan "
            "langsung tampil paling atas",
        )
    elif value.year < OLDEST_PLAUSIBLE_YEAR:
        yield problem(
            source,
            line,
            WARNING,
            "tanggal-lampau",
            f"{name} bertahun {value.year}",
            "salah ketik? periksa tahunnya",
        )
