"""The importer's view of the channel registry (``data/channels.yml``).

The file is read and checked by the one strict reader,
:mod:`pelita.core.registries.channels`, which the pages, provenance and
``invoke check`` use too. The importer adds what only fetching needs: the
``images`` mode and the ``html:`` selectors of a channel without a feed,
checked in the same pass so that every problem is reported at once. Unlike
the pages, the importer runs on no registry with a problem in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelita.core.registries import (
    RegistryError,
    load_gazetteer,
    load_opd,
)
from pelita.core.registries.channelfields import CHANNEL_FORMATS, ChannelContext
from pelita.core.registries.channels import (
    FIELDS,
    ChannelRecord,
    ChannelRegistry,
    ChannelReporter,
    validate_channels,
)
from pelita.core.registries.channels import (
    read_registry_file as _read_registry_file,
)
from pelita.importer.errors import ChannelConfigError
from pelita.importer.model import Channel, HtmlRules

from . import checks
from .htmlrules import check_html

__all__ = ["FIELDS", "load_channels", "read_registry_file", "to_channel"]


def read_registry_file(path: Path) -> list[dict[str, Any]]:
    """The registry's channel mappings, each with its ``__line__``."""
    try:
        return _read_registry_file(Path(path))
    except RegistryError as exc:
        raise ChannelConfigError(f"importer: {exc}") from exc


def fetch_options(
    raw: dict[str, Any], report: ChannelReporter
) -> tuple[str, HtmlRules | None]:
    """The ``images`` mode and the ``html:`` rules of one channel, checked.

    Problems of the ``html:`` block are reported on the block's own line.
    """
    fmt = raw.get("format") if raw.get("format") in CHANNEL_FORMATS else "feed"
    images = checks.check_images(raw.get("images"), report)
    block = raw.get("html")
    line = block.get("__line__") if isinstance(block, dict) else None
    html_report = report.at(line) if isinstance(line, int) else report
    return images, check_html(block, str(fmt), html_report)


def to_channel(record: ChannelRecord) -> Channel:
    """The importer's ``Channel`` (it pickles, for worker processes)."""
    images, html = record.fetch
    return Channel(
        id=record.id,
        name=record.name,
        kind=record.kind,
        url=record.url,
        kecamatan=record.kecamatan,
        kelurahan=record.kelurahan,
        opd=record.opd,
        category=record.category,
        tags=record.tags,
        enabled=record.enabled,
        note=record.note,
        images=images,
        format=record.format,
        html=html,
        website=record.website,
    )


def check_registry(
    path: Path,
    registry_files: Mapping[str, Path],
    categories: tuple[str, ...] = (),
    local_feeds: bool = False,
) -> ChannelRegistry:
    """The registry with its fetch fields checked, read afresh (never cached).

    ``invoke channel-add`` validates a candidate file under one name again and
    again; a fresh read can never be mistaken for an older one.
    """
    try:
        ctx = ChannelContext(
            Path(path),
            load_gazetteer(
                Path(registry_files["wilayah"]),
                Path(registry_files["wilayah_aliases"]),
            ),
            load_opd(Path(registry_files["opd"])),
            tuple(categories),
            local_feeds,
        )
        raws = _read_registry_file(Path(path))
    except RegistryError as exc:
        raise ChannelConfigError(f"importer: {exc}") from exc
    return validate_channels(raws, ctx, fetch_options)


def load_channels(
    path: Path,
    registry_files: Mapping[str, Path],
    categories: tuple[str, ...] = (),
    local_feeds: bool = False,
) -> tuple[Channel, ...]:
    """Every channel of the registry at ``path``; any problem stops the import."""
    registry = check_registry(path, registry_files, categories, local_feeds)
    try:
        registry.raise_if_any()
    except RegistryError as exc:
        raise ChannelConfigError(f"importer: {exc}") from exc
    return tuple(to_channel(record) for record in registry.channels)
