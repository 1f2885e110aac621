"""``invoke channel-add URL``: from a site's address to a validated registry entry.

The admin pastes an address. Pelita fetches it (``probe``): a feed is
used as it is, a web page is searched for its feed, and a site without one
gets an HTML channel with guessed selectors. The channel's fields come from
flags or, when missing, from questions in Indonesian with a proposed answer
in brackets (Enter takes it), each checked against the registries with the
closest valid name offered. The entry is printed, or with ``--write``
appended to the registry as text (comments and layout kept), after the whole
registry has passed its validator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pelita.core.registries import RegistryError, load_gazetteer, load_opd
from pelita.core.registries.paths import display_path
from pelita.importer.errors import ChannelConfigError, ImporterConfigError
from pelita.importer.fetching.netpolicy import Resolver
from pelita.importer.model import Channel
from pelita.importer.registry.channels import load_channels, read_registry_file
from pelita.importer.settings import ImporterConfig, load_config

from . import fields as f
from .entry import item_indent, render_entry, write_entry
from .guess import Guess
from .probe import HOW_DISCOVERED, HOW_HTML, ProbeError, SiteProbe, run_probe
from .questions import Ask, ChannelAddError, Say, collect_fields


def _placeholder(raw: Mapping[str, Any]) -> bool:
    """An entry waiting for its real address: none, disabled, or unverified."""
    note = str(raw.get("note") or "").strip().lower()
    return (
        not raw.get("url")
        or raw.get("enabled") is False
        or note.startswith("unverified")
    )


def _registries(config: ImporterConfig) -> tuple[f.AddRegistries, list[Channel]]:
    try:
        gazetteer = load_gazetteer(
            Path(config.registry_files["wilayah"]),
            Path(config.registry_files["wilayah_aliases"]),
        )
        opds = load_opd(Path(config.registry_files["opd"]))
        raws = read_registry_file(config.channels_file)
        channels = load_channels(
            config.channels_file, config.registry_files, config.categories
        )
    except (RegistryError, ChannelConfigError) as exc:
        raise ChannelAddError(f"Registri rusak, perbaiki dulu:\n{exc}") from exc
    ids = frozenset(str(raw.get("id")) for raw in raws)
    waiting = frozenset(str(raw.get("id")) for raw in raws if _placeholder(raw))
    reg = f.AddRegistries(gazetteer, opds, config.categories, ids, waiting)
    return reg, list(channels)


def _explain(probe: SiteProbe, say: Say) -> None:
    if probe.how == HOW_DISCOVERED:
        say(f"Umpan (feed) ditemukan: {probe.feed_url} ({probe.entries} tulisan).")
    elif probe.how == HOW_HTML:
        say(
            "Situs ini tidak punya umpan (feed); kanal dibaca dari halamannya "
            "(format: html) dengan pemilih CSS tebakan:"
        )
        for guess in probe.guesses:
            say(_guess_line(guess))
        if probe.missing:
            say(f"  Belum tertebak: {', '.join(probe.missing)}; isi sendiri.")
    else:
        say(f"Alamat ini sebuah umpan (feed) dengan {probe.entries} tulisan.")


def _guess_line(guess: Guess) -> str:
    """One guess as the admin reads it: the selector or why none, and the page."""
    if guess.selector:
        found = f"  {guess.field}: {guess.selector!r} di {guess.page}"
        return found + (f" — {guess.example}" if guess.example else "")
    why = guess.note or "tidak tertebak"
    example = f" ({guess.example})" if guess.example else ""
    return f"  {guess.field}: - di {guess.page}: {why}{example}"


def _note(probe: SiteProbe, today: dt.date) -> str:
    if probe.how == HOW_DISCOVERED:
        return f"feed found from {probe.url} by invoke channel-add, {today}"
    if probe.how == HOW_HTML:
        return (
            f"no feed; html selectors guessed by invoke channel-add, {today}: "
            "check with invoke import-feeds --only <id> --dry-run"
        )
    return ""


def _probe(
    settings: Mapping[str, Any],
    url: str,
    resolver: Resolver | None,
    subdomains: bool = False,
) -> tuple[ImporterConfig, f.AddRegistries, SiteProbe]:
    try:
        config = load_config(settings)
    except ImporterConfigError as exc:
        raise ChannelAddError(str(exc)) from exc
    reg, known = _registries(config)
    try:
        return config, reg, run_probe(url, config, known, resolver, subdomains)
    except ProbeError as exc:
        raise ChannelAddError(str(exc)) from exc


def _entry(config: ImporterConfig, probe: SiteProbe, fields: dict[str, str]) -> str:
    fields["url"] = probe.feed_url or probe.url
    note = _note(probe, dt.datetime.now(dt.UTC).date())
    fields["note"] = note.replace("<id>", fields["id"])
    text = config.channels_file.read_text(encoding="utf-8")
    return render_entry(fields, probe.html, item_indent(text))


def run_channel_add(
    settings: Mapping[str, Any],
    url: str,
    given: Mapping[str, str | None],
    *,
    yes: bool = False,
    write: bool = False,
    ask: Ask = input,
    say: Say = print,
    resolver: Resolver | None = None,
    subdomains: bool = False,
) -> str:
    """Probe ``url``, collect the fields, print (or append) the entry; return it.

    With ``subdomains``, an HTML channel follows article links to the site's
    other subdomains (a portal's ``indeks.`` listing ``nasional.`` articles).
    """
    config, reg, probe = _probe(settings, url, resolver, subdomains)
    _explain(probe, say)
    site = (probe.site_name, urlsplit(probe.url).hostname or "")
    fields = collect_fields(
        given, reg, interactive=not yes, ask=ask, say=say, site=site
    )
    entry = _entry(config, probe, fields)
    say("")
    say(entry.rstrip("\n"))
    if probe.how == HOW_HTML and probe.html is None:
        raise ChannelAddError(
            "Pemilih CSS untuk " + ", ".join(probe.missing) + " tidak tertebak; "
            "tulis entri ini sendiri di "
            f"{display_path(Path(config.channels_file), Path.cwd())} "
            "(lihat docs/importing.md, blok html:)."
        )
    replaces = fields["id"] if fields["id"] in reg.placeholders else None
    if replaces:
        say(
            f"Kanal {replaces!r} sudah ada di registri tanpa alamat yang pasti; "
            "entri di atas menggantikannya."
        )
    _save(
        config, entry, channel_id=fields["id"], replaces=replaces, write=write, say=say
    )
    return entry


def _save(
    config: ImporterConfig,
    entry: str,
    *,
    channel_id: str,
    replaces: str | None,
    write: bool,
    say: Say,
) -> None:
    """Validate the registry with the entry added; with ``write``, save it."""
    try:
        write_entry(
            config.channels_file,
            entry,
            {"registry_files": config.registry_files, "categories": config.categories},
            replaces=replaces,
            dry_run=not write,
        )
    except ChannelConfigError as exc:
        raise ChannelAddError(f"Entri tidak valid, tidak ditulis:\n{exc}") from exc
    if write:
        where = "menggantikan entri lamanya" if replaces else "di akhir berkas"
        say(f"Ditulis ke {config.channels_file.name}, {where}.")
    else:
        say(
            f"Entri valid. Salin ke {config.channels_file.name}, atau ulangi "
            "dengan --write untuk menuliskannya."
        )
    say(f"Coba kanalnya: invoke import-feeds --only {channel_id} --dry-run")
