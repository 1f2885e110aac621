"""The registries the build reads: they load, and the channel files parse.

Every registry file the build reads (the gazetteer and its aliases, the
tagger's rules, the kecamatan boundaries when the city has them, the OPD list,
the achievements classifier's rules) is loaded with the build's own loaders,
from the paths the settings give, so the check passes only where the build
can, and its messages name the city's real files. Channel registries are read
by the one strict reader the importer and the pages use
(:mod:`pelita.core.registries.channels`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pelita.core.prestasi import PrestasiError, place_sets
from pelita.core.prestasi import load_rules as load_prestasi_rules
from pelita.core.registries import (
    Gazetteer,
    OpdRegistry,
    RegistryError,
    load_gazetteer,
    load_opd,
    registry_paths,
)
from pelita.core.registries.channels import ChannelProblem, registry_for
from pelita.core.settings import (
    IMPORTER,
    PRESTASI,
    PluginSettingsError,
    merge_settings,
)
from pelita.core.wilayah import WilayahError
from pelita.core.wilayah import load_rules as load_tagger_rules
from pelita.core.wilayah.svgmap import city_map

from .config import CheckConfig
from .contacts import Contacts, load_contacts
from .corpus import display_path
from .model import Problem, Severity
from .yamlfile import YamlFileError

_LOCATED = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<detail>.*)$", re.DOTALL)


def _registry_problem(exc: Exception, fallback: Path, root: Path) -> Problem:
    match = _LOCATED.match(str(exc))
    if match:
        path, line, detail = Path(match["path"]), int(match["line"]), match["detail"]
    else:
        path, line, detail = fallback, None, str(exc).replace(f"{fallback}: ", "")
    return Problem(
        display_path(path, root),
        line,
        Severity.ERROR,
        "registri",
        detail,
        "perbaiki baris ini; semua pemeriksaan wilayah/OPD bergantung pada berkas ini",
    )


def load_registries(
    settings: dict[str, Any], root: Path, config: CheckConfig
) -> tuple[Gazetteer | None, OpdRegistry | None, Contacts, list[Problem]]:
    """Load gazetteer, OPD list and contacts, with a problem for each failure."""
    problems: list[Problem] = []
    gazetteer = opd = None
    contacts = Contacts()
    try:
        paths = registry_paths(settings, root)
    except RegistryError as exc:
        return (
            None,
            None,
            contacts,
            [_registry_problem(exc, root / "pelicanconf.py", root)],
        )
    try:
        gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
    except RegistryError as exc:
        problems.append(_registry_problem(exc, paths["wilayah"], root))
    try:
        opd = load_opd(paths["opd"])
    except RegistryError as exc:
        problems.append(_registry_problem(exc, paths["opd"], root))
    else:
        problems += _contact_problems(opd, paths["opd"], root)
    if gazetteer is not None:
        problems += _rules_problems(settings, paths, gazetteer, root)
    if "boundaries" in paths:  # optional: a city may have no map yet
        try:
            city_map(paths["boundaries"])
        except WilayahError as exc:
            problems.append(_registry_problem(exc, paths["boundaries"], root))
    try:
        contacts = load_contacts(root / config.contacts_file)
    except YamlFileError as exc:
        problems.append(_yaml_problem(exc, root))
    return gazetteer, opd, contacts, problems


def _contact_problems(opd: OpdRegistry, path: Path, root: Path) -> list[Problem]:
    """Each OPD contact value the pages leave out (phone, e-mail, web site)."""
    return [
        Problem(
            display_path(path, root),
            found.line,
            Severity.ERROR,
            "registri",
            f"Kolom {found.problem.field} OPD {found.opd_id} berisi "
            f"{found.problem.value!r}: {found.problem.message}",
            f"{found.problem.suggestion}; atau kosongkan kolomnya",
        )
        for found in opd.problems
    ]


def _rules_problems(
    settings: dict[str, Any], paths: dict[str, Path], gazetteer: Gazetteer, root: Path
) -> list[Problem]:
    """The tagger's and the classifier's rules, read as the build reads them."""
    problems = []
    try:
        load_tagger_rules(paths["wilayah_tagger"], gazetteer)
    except (RegistryError, WilayahError) as exc:
        problems.append(_registry_problem(exc, paths["wilayah_tagger"], root))
    try:
        rules = root / merge_settings(settings, PRESTASI)["rules_file"]
    except PluginSettingsError as exc:
        return [*problems, _registry_problem(exc, root / "pelicanconf.py", root)]
    try:
        load_prestasi_rules(rules, place_sets(gazetteer))
    except PrestasiError as exc:
        problems.append(_registry_problem(exc, rules, root))
    return problems


def _yaml_problem(exc: YamlFileError, root: Path) -> Problem:
    return Problem(
        display_path(exc.path, root),
        exc.line,
        Severity.ERROR,
        "registri",
        exc.detail,
        "periksa indentasi (spasi, bukan tab), titik dua, dan tanda kutip",
    )


def check_channel_files(
    root: Path, config: CheckConfig, settings: dict[str, Any] | None = None
) -> Iterator[Problem]:
    """Each channel registry that exists, read by the build's own strict reader.

    The registry the importer reads is checked as the importer will (feed
    files only when ``IMPORTER['local_feeds']``); any other file (the demo's)
    may name feed files next to it. Every problem of every channel is listed.
    """
    settings = settings or {}
    try:
        files = registry_paths(settings, root)
        importer = merge_settings(settings, IMPORTER)
    except (RegistryError, PluginSettingsError):
        return  # load_registries reports the setting
    own = (root / str(importer["channels_file"])).resolve()
    for name in config.channel_files:
        path = root / name
        if not path.exists():
            continue
        local = bool(importer["local_feeds"]) or path.resolve() != own
        try:
            registry = registry_for(
                path,
                files,
                tuple(settings.get("CATEGORIES") or ()),
                local_feeds=local,
            )
        except RegistryError as exc:
            yield _registry_problem(exc, path, root)
            continue
        yield from (_channel_problem(p, root) for p in registry.problems)


def _channel_problem(problem: ChannelProblem, root: Path) -> Problem:
    who = f"kanal {problem.channel!r}: " if problem.channel else ""
    return Problem(
        display_path(problem.path, root),
        problem.line,
        Severity.ERROR,
        "registri",
        f"{who}field {problem.field!r}: {problem.message}",
        "perbaiki kanal ini; kanal yang salah tidak diimpor dan tidak "
        "ditampilkan di halaman mana pun",
    )
