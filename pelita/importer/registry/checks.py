"""Per-field checks of one registry channel; each problem names field and fix."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from pelita.core.registries import closest
from pelita.importer.model import CHANNEL_FORMATS, CHANNEL_KINDS, IMAGE_MODES

if TYPE_CHECKING:
    from .channels import RegistryContext, _Problems


def _hint(value: str, choices: Any) -> str:
    found = closest(value, list(choices))
    return f"; closest: {', '.join(found)}" if found else ""


def check_kind(value: str | None, report: Any) -> str | None:
    """``kind`` is one of opd, kecamatan, kelurahan, media."""
    if value is None:
        report("kind", f"missing; allowed: {', '.join(CHANNEL_KINDS)}")
        return None
    if value not in CHANNEL_KINDS:
        report(
            "kind",
            f"{value!r} is not allowed; allowed: {', '.join(CHANNEL_KINDS)}"
            + _hint(value, CHANNEL_KINDS),
        )
        return None
    return value


def check_format(value: str | None, report: Any) -> str:
    """``format`` is feed (the default) or html."""
    if value is None or value == "feed":
        return "feed"
    if value not in CHANNEL_FORMATS:
        report(
            "format",
            f"{value!r} is not allowed; allowed: {', '.join(CHANNEL_FORMATS)}"
            + _hint(value, CHANNEL_FORMATS),
        )
        return "feed"
    return value


def check_url(
    value: str | None, enabled: bool, ctx: RegistryContext, report: Any
) -> str:
    """Check an http(s) URL, or a feed file path (demo registries only).

    A path must stay inside the registry's folder: relative, without ``..``;
    ``file://`` URLs are refused.
    """
    if not value:
        if enabled:
            report(
                "url",
                "missing; give the feed's address (a WordPress site's is "
                "https://<site>/feed/) or set 'enabled: false' with a note",
            )
        return ""
    if "://" in value:
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            report(
                "url",
                f"{value!r} is not an http(s) address with a host name "
                "(file:// and other schemes are not allowed)",
            )
        return value
    if not ctx.local_feeds:
        report(
            "url",
            f"{value!r} is not an http(s) address; feed files next to the "
            "registry are allowed only in the demo registry "
            "(IMPORTER['local_feeds'])",
        )
        return value
    return _check_local_path(value, ctx.path.parent, report)


def _check_local_path(value: str, folder: Path, report: Any) -> str:
    posix = PurePosixPath(value.replace("\\", "/"))
    if posix.is_absolute() or ":" in value or ".." in posix.parts:
        report(
            "url",
            f"{value!r} must be a relative path inside {folder.name}/ "
            "(no absolute paths, no '..')",
        )
        return value
    resolved = (folder / posix).resolve()
    if not resolved.is_relative_to(folder.resolve()):
        report("url", f"{value!r} leaves the registry's folder (a symbolic link?)")
    return value


def check_place(
    raw: dict[str, Any], kind: str | None, ctx: RegistryContext, report: Any
) -> tuple[str | None, str | None]:
    """Official kecamatan and kelurahan names; required by kind."""
    kec_name, kel_name = raw.get("kecamatan"), raw.get("kelurahan")
    kecamatan = kelurahan = None
    if kec_name:
        kec = ctx.gazetteer.find_kecamatan(kec_name)
        if kec is None:
            report(
                "kecamatan",
                f"{kec_name!r} is not a kecamatan of the city"
                + _hint(kec_name, [k.nama for k in ctx.gazetteer.kecamatan]),
            )
        else:
            kecamatan = kec.nama
    elif kind in ("kecamatan", "kelurahan"):
        report("kecamatan", f"missing; a {kind} channel needs its kecamatan")
    if kel_name:
        kelurahan, kecamatan = _find_kelurahan(kel_name, kecamatan, ctx, report)
    elif kind == "kelurahan":
        report("kelurahan", "missing; a kelurahan channel needs its kelurahan")
    return kecamatan, kelurahan


def _find_kelurahan(
    name: str, kecamatan: str | None, ctx: RegistryContext, report: Any
) -> tuple[str | None, str | None]:
    found = ctx.gazetteer.find_kelurahan(name, kecamatan)
    if len(found) == 1:
        return found[0].nama, found[0].kecamatan
    if not found:
        where = f" in Kecamatan {kecamatan}" if kecamatan else ""
        pool = ctx.gazetteer.suggest_kelurahan(name, kecamatan)
        hint = f"; closest: {', '.join(pool)}" if pool else ""
        report("kelurahan", f"{name!r} is not a kelurahan{where}{hint}")
    else:
        places = ", ".join(sorted(k.kecamatan for k in found))
        report(
            "kelurahan",
            f"{name!r} is a kelurahan in several kecamatan ({places}); "
            "add 'kecamatan:' to say which",
        )
    return None, kecamatan


def check_opd(value: str | None, ctx: RegistryContext, report: Any) -> str | None:
    """The OPD's id, found by id, abbreviation or full name."""
    if not value:
        return None
    opd = ctx.opds.find(value)
    if opd is None:
        hint = ctx.opds.suggest(value)
        more = f"; closest: {', '.join(hint)}" if hint else ""
        report("opd", f"{value!r} is not an OPD in the OPD registry{more}")
        return None
    return opd.id


def check_category(value: str | None, ctx: RegistryContext, report: Any) -> str | None:
    """One of the site's ``CATEGORIES`` (any case)."""
    if not value or not ctx.categories:
        return value
    for category in ctx.categories:
        if category.casefold() == value.casefold():
            return category
    report(
        "category",
        f"{value!r} is not a category; allowed: {', '.join(ctx.categories)}"
        + _hint(value, ctx.categories),
    )
    return None


def check_tags(value: Any, report: Any) -> tuple[str, ...]:
    """A YAML list of topics (or one comma-separated string)."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
        report("tags", f"{value!r} must be a list of topics, e.g. [layanan, umkm]")
        return ()
    return tuple(dict.fromkeys(t.strip() for t in items if t.strip()))


def check_enabled(value: Any, report: Any) -> bool:
    """``true`` or ``false`` (YAML booleans)."""
    if value is None:
        return True
    if not isinstance(value, bool):
        report("enabled", f"{value!r} must be true or false")
        return False
    return value


def check_images(value: str | None, report: Any) -> str:
    """``download`` (the default) or ``remote`` (keep the images' https URLs)."""
    if value is None:
        return IMAGE_MODES[0]
    if value not in IMAGE_MODES:
        report(
            "images",
            f"{value!r} is not allowed; allowed: {', '.join(IMAGE_MODES)}"
            + _hint(value, IMAGE_MODES),
        )
        return IMAGE_MODES[0]
    return value


def problem_reporter(problems: _Problems, line: int, ident: str | None) -> Any:
    """A ``report(field, message)`` bound to one channel's location."""

    def report(field: str, message: str) -> None:
        problems.add(line, ident, field, message)

    return report
