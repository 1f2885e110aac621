"""Per-field checks of one channel of the registry; each problem names its fix.

Only the fields every reader shares are checked here (who the channel is,
where it is, where its feed and site are). The importer checks its own
fetch fields (``images``, ``html``) with the same reporter, so
one run lists every problem of the file at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .gazetteer import Gazetteer, Kecamatan, Kelurahan
from .names import closest
from .opd import OpdRegistry

CHANNEL_KINDS = ("opd", "kecamatan", "kelurahan", "media")
# "feed": RSS, Atom or JSON Feed (or a site whose feed is discovered);
# "html": listing and article pages read with the CSS selectors of ``html:``.
CHANNEL_FORMATS = ("feed", "html")

# report(field, message): one problem of one channel, located by the caller.
Report = Callable[[str, str], None]


@dataclass(frozen=True)
class ChannelContext:
    """What a channel is checked against."""

    path: Path
    gazetteer: Gazetteer
    opds: OpdRegistry
    categories: tuple[str, ...]
    local_feeds: bool


def hint(value: str, choices: Any) -> str:
    """``"; closest: a, b"`` for a misspelt ``value``, or nothing."""
    found = closest(value, list(choices))
    return f"; closest: {', '.join(found)}" if found else ""


def check_kind(value: str | None, report: Report) -> str | None:
    """``kind`` is one of opd, kecamatan, kelurahan, media."""
    if value is None:
        report("kind", f"missing; allowed: {', '.join(CHANNEL_KINDS)}")
        return None
    if value not in CHANNEL_KINDS:
        report(
            "kind",
            f"{value!r} is not allowed; allowed: {', '.join(CHANNEL_KINDS)}"
            + hint(value, CHANNEL_KINDS),
        )
        return None
    return value


def check_format(value: str | None, report: Report) -> str:
    """``format`` is feed (the default) or html."""
    if value is None or value == "feed":
        return "feed"
    if value not in CHANNEL_FORMATS:
        report(
            "format",
            f"{value!r} is not allowed; allowed: {', '.join(CHANNEL_FORMATS)}"
            + hint(value, CHANNEL_FORMATS),
        )
        return "feed"
    return value


def _http_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def check_url(
    value: str | None, enabled: bool, ctx: ChannelContext, report: Report
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
        if not _http_address(value):
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


def _check_local_path(value: str, folder: Path, report: Report) -> str:
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


def check_website(value: str | None, report: Report) -> str | None:
    """The channel's own public site, when it is not the feed's: http(s) only."""
    if not value:
        return None
    if not _http_address(value):
        report(
            "website",
            f"{value!r} is not an http(s) address with a host name, e.g. "
            "'https://tembalang.semarangkota.go.id/'",
        )
        return None
    return value


def check_place(
    raw: dict[str, Any], kind: str | None, ctx: ChannelContext, report: Report
) -> tuple[Kecamatan | None, Kelurahan | None]:
    """The kecamatan and kelurahan the channel names; required by kind."""
    kec_name, kel_name = raw.get("kecamatan"), raw.get("kelurahan")
    kecamatan: Kecamatan | None = None
    kelurahan: Kelurahan | None = None
    if kec_name:
        kecamatan = ctx.gazetteer.find_kecamatan(kec_name)
        if kecamatan is None:
            report(
                "kecamatan",
                f"{kec_name!r} is not a kecamatan of the city"
                + hint(kec_name, [k.nama for k in ctx.gazetteer.kecamatan]),
            )
    elif kind in ("kecamatan", "kelurahan"):
        report("kecamatan", f"missing; a {kind} channel needs its kecamatan")
    if kel_name:
        within = kecamatan.nama if kecamatan else None
        kelurahan = _find_kelurahan(kel_name, within, ctx, report)
        if kelurahan is not None:
            kecamatan = ctx.gazetteer.find_kecamatan(kelurahan.kecamatan)
    elif kind == "kelurahan":
        report("kelurahan", "missing; a kelurahan channel needs its kelurahan")
    return kecamatan, kelurahan


def _find_kelurahan(
    name: str, kecamatan: str | None, ctx: ChannelContext, report: Report
) -> Kelurahan | None:
    found = ctx.gazetteer.find_kelurahan(name, kecamatan)
    if len(found) == 1:
        return found[0]
    if not found:
        where = f" in Kecamatan {kecamatan}" if kecamatan else ""
        pool = ctx.gazetteer.suggest_kelurahan(name, kecamatan)
        more = f"; closest: {', '.join(pool)}" if pool else ""
        report("kelurahan", f"{name!r} is not a kelurahan{where}{more}")
    else:
        places = ", ".join(sorted(k.kecamatan for k in found))
        report(
            "kelurahan",
            f"{name!r} is a kelurahan in several kecamatan ({places}); "
            "add 'kecamatan:' to say which",
        )
    return None


def check_opd(value: str | None, ctx: ChannelContext, report: Report) -> str | None:
    """The OPD's id, found by id, abbreviation or full name."""
    if not value:
        return None
    opd = ctx.opds.find(value)
    if opd is None:
        found = ctx.opds.suggest(value)
        more = f"; closest: {', '.join(found)}" if found else ""
        where = ctx.opds.path.name if ctx.opds.path else "the OPD registry"
        report("opd", f"{value!r} is not an OPD in {where}{more}")
        return None
    return opd.id


def check_category(
    value: str | None, ctx: ChannelContext, report: Report
) -> str | None:
    """One of the site's ``CATEGORIES`` (any case)."""
    if not value or not ctx.categories:
        return value
    for category in ctx.categories:
        if category.casefold() == value.casefold():
            return category
    report(
        "category",
        f"{value!r} is not a category; allowed: {', '.join(ctx.categories)}"
        + hint(value, ctx.categories),
    )
    return None


def check_tags(value: Any, report: Report) -> tuple[str, ...]:
    """A YAML list of topics (or one comma-separated string)."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
        report("tags", f"{value!r} must be a list of topics, e.g. [layanan, umkm]")
        return ()
    return tuple(dict.fromkeys(t.strip() for t in items if t.strip()))


def check_enabled(value: Any, report: Report) -> bool:
    """``true`` or ``false`` (YAML booleans)."""
    if value is None:
        return True
    if not isinstance(value, bool):
        report("enabled", f"{value!r} must be true or false")
        return False
    return value
