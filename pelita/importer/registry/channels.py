"""Load and validate the channel registry (``data/channels.yml``).

Admins edit the registry by hand, so every mistake is reported at once, each
with the file and line, the channel, the field, the value, and the allowed
values or the closest valid name (kecamatan, kelurahan and OPD names are
checked against the shared registries).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pelita.core.registries import (
    Gazetteer,
    OpdRegistry,
    RegistryError,
    load_gazetteer,
    load_opd,
)
from pelita.importer.errors import ChannelConfigError
from pelita.importer.model import Channel

from . import checks
from .htmlrules import check_html

FIELDS = (
    "id",
    "name",
    "kind",
    "url",
    "kecamatan",
    "kelurahan",
    "opd",
    "category",
    "tags",
    "enabled",
    "note",
    "images",
    "format",
    "html",
)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_ID = 64
_MAX_SHOWN_ERRORS = 30


# libyaml's parser when PyYAML has it (several times faster), else pure Python.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """Safe YAML that remembers the line each mapping starts on."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


@dataclass(frozen=True)
class RegistryContext:
    """What a channel is checked against."""

    path: Path
    gazetteer: Gazetteer
    opds: OpdRegistry
    categories: tuple[str, ...]
    local_feeds: bool


class _Problems:
    """Collects every error of one registry, each with its location."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, line: int, channel: str | None, field: str, message: str) -> None:
        where = f"{self.path}:{line}"
        who = f"channel {channel!r}: " if channel else ""
        self.items.append(f"{where}: {who}field {field!r}: {message}")

    def raise_if_any(self) -> None:
        if not self.items:
            return
        shown = self.items[:_MAX_SHOWN_ERRORS]
        more = len(self.items) - len(shown)
        tail = f"\n... and {more} more" if more > 0 else ""
        raise ChannelConfigError(
            f"importer: the channel registry has {len(self.items)} error(s):\n"
            + "\n".join(shown)
            + tail
        )


def _text(raw: dict, field: str, problems: _Problems, ident: str | None) -> str | None:
    value = raw.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        problems.add(
            raw["__line__"],
            ident,
            field,
            f'{value!r} is not text (put it in quotes: {field}: "{value}")',
        )
        return None
    return value.strip() or None


def read_registry_file(path: Path) -> list[dict[str, Any]]:
    """The registry's channel mappings, each with its ``__line__``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ChannelConfigError(f"importer: {path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ChannelConfigError(f"importer: {path}: cannot be read: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        raise ChannelConfigError(f"importer: {path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("channels"), list):
        raise ChannelConfigError(
            f"importer: {path}: expected a mapping with a 'channels:' list at the top"
        )
    channels = data["channels"]
    for index, raw in enumerate(channels, start=1):
        if not isinstance(raw, dict):
            raise ChannelConfigError(
                f"importer: {path}: channel number {index} is {raw!r}, expected a "
                "mapping with id, name, kind, url, ..."
            )
    return channels


def _check_fields_and_id(raw: dict[str, Any], ident: str | None, report: Any) -> None:
    for field in sorted(set(raw) - set(FIELDS) - {"__line__"}):
        report(field, f"unknown field; allowed: {', '.join(FIELDS)}")
    if ident is None or not _ID.match(ident) or len(ident) > _MAX_ID:
        report(
            "id",
            f"{raw.get('id')!r} must be a slug: lower-case letters, digits and "
            f"single hyphens, at most {_MAX_ID} characters (e.g. 'kec-tembalang')",
        )


def _html_reporter(raw: dict[str, Any], problems: _Problems, ident: str | None) -> Any:
    """Problems of the ``html:`` block are reported on the block's own line."""
    block = raw.get("html")
    line = block.get("__line__") if isinstance(block, dict) else None
    return checks.problem_reporter(problems, line or raw["__line__"], ident)


def _check_channel(
    raw: dict[str, Any], ctx: RegistryContext, problems: _Problems
) -> Channel | None:
    line = raw["__line__"]
    ident = raw.get("id") if isinstance(raw.get("id"), str) else None
    report = checks.problem_reporter(problems, line, ident)
    before = len(problems.items)
    _check_fields_and_id(raw, ident, report)
    texts = {
        f: _text(raw, f, problems, ident)
        for f in FIELDS
        if f not in ("tags", "enabled", "html")
    }
    if not texts["name"]:
        report("name", "missing; give the channel's public name")
    enabled = checks.check_enabled(raw.get("enabled"), report)
    kind = checks.check_kind(texts["kind"], report)
    fmt = checks.check_format(texts["format"], report)
    url = checks.check_url(texts["url"], enabled, ctx, report)
    kecamatan, kelurahan = checks.check_place(texts, kind, ctx, report)
    channel = Channel(
        id=ident or "",
        name=texts["name"] or "",
        kind=kind or "",
        url=url,
        kecamatan=kecamatan,
        kelurahan=kelurahan,
        opd=checks.check_opd(texts["opd"], ctx, report),
        category=checks.check_category(texts["category"], ctx, report),
        tags=checks.check_tags(raw.get("tags"), report),
        enabled=enabled,
        note=texts["note"],
        images=checks.check_images(texts["images"], report),
        format=fmt,
        html=check_html(raw.get("html"), fmt, _html_reporter(raw, problems, ident)),
    )
    return channel if len(problems.items) == before else None


def _check_unique(
    raws: list[dict[str, Any]], channels: list[Channel | None], problems: _Problems
) -> None:
    ids: dict[str, int] = {}
    urls: dict[str, str] = {}
    for raw, channel in zip(raws, channels, strict=True):
        line, ident = raw["__line__"], raw.get("id")
        if isinstance(ident, str):
            if ident in ids:
                problems.add(
                    line, ident, "id", f"used twice (first on line {ids[ident]})"
                )
            ids.setdefault(ident, line)
        if channel is None or not channel.enabled or not channel.url:
            continue
        key = channel.url.rstrip("/").lower()
        if key in urls:
            problems.add(
                line, channel.id, "url", f"also the url of channel {urls[key]!r}"
            )
        urls.setdefault(key, channel.id)


def validate_channels(
    raws: list[dict[str, Any]], ctx: RegistryContext
) -> tuple[Channel, ...]:
    """Check every channel; raise one ``ChannelConfigError`` listing all problems."""
    problems = _Problems(ctx.path)
    channels = [_check_channel(raw, ctx, problems) for raw in raws]
    _check_unique(raws, channels, problems)
    problems.raise_if_any()
    return tuple(c for c in channels if c is not None)


def load_channels(
    path: Path,
    registry_files: Mapping[str, Path],
    categories: tuple[str, ...] = (),
    local_feeds: bool = False,
) -> tuple[Channel, ...]:
    """Read and validate the registry at ``path`` against the shared registries."""
    try:
        gazetteer = load_gazetteer(
            Path(registry_files["wilayah"]), Path(registry_files["wilayah_aliases"])
        )
        opds = load_opd(Path(registry_files["opd"]))
    except RegistryError as exc:
        raise ChannelConfigError(f"importer: {exc}") from exc
    ctx = RegistryContext(Path(path), gazetteer, opds, tuple(categories), local_feeds)
    return validate_channels(read_registry_file(Path(path)), ctx)
