"""Fields checked against registries and rules: places, OPD, awards, hoaxes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pelita.core.registries.paths import registry_file

from .context import ERROR, WARNING, CheckContext, problem
from .dates import read_date
from .klarifikasi_fields import validate_klarifikasi
from .model import FieldIssue, Problem
from .prestasi_fields import validate_prestasi
from .source import SourceFile
from .wilayah_fields import validate_wilayah


def check_fields(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    """Problems with Kecamatan, Kelurahan, OPD and the category-specific fields."""
    if source.is_page:
        return
    values: dict[str, Any] = {
        h.key: h.value for h in reversed(source.header) if not h.continued
    }
    posted = read_date(source, "date", ctx)
    values["date"] = posted.value if posted else None
    category = source.get("category")
    issues: list[FieldIssue] = []
    if ctx.gazetteer is not None:
        issues += validate_wilayah(
            source.get("kecamatan"), source.get("kelurahan"), ctx.gazetteer
        )
    roles = ctx.config.roles
    issues += validate_prestasi(
        values, category, opd=ctx.opd, gazetteer=ctx.gazetteer, roles=roles
    )
    issues += validate_klarifikasi(values, category, roles)
    yield from _located(source, issues)
    yield from _opd(source, ctx)


def _located(source: SourceFile, issues: Iterable[FieldIssue]) -> Iterator[Problem]:
    for issue in issues:
        yield problem(
            source,
            source.line_of(issue.key),
            issue.severity,
            issue.code,
            issue.message,
            issue.suggestion,
        )


def _opd(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    value = source.get("opd")
    if not value or ctx.opd is None:
        return
    line = source.line_of("opd")
    found = ctx.opd.find(value)
    if found is None:
        hints = ctx.opd.suggest(value)
        yield problem(
            source,
            line,
            ERROR,
            "opd",
            f'OPD "{value}" tidak dikenal',
            f'maksud Anda "{hints[0]}"?'
            if hints
            else "pakai id dari kolom pertama "
            f"{registry_file(ctx.opd, 'daftar OPD')}, mis. diskominfo",
        )
    elif found.id != value:
        yield problem(
            source,
            line,
            WARNING,
            "opd-id",
            f'OPD "{value}" dikenali sebagai {found.nama}',
            f'tulis id-nya: "OPD: {found.id}"',
        )
