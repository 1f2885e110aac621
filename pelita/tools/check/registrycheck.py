"""The registries the build reads: they load, and the channel files parse.

Every registry file the build reads (the gazetteer and its aliases, the
tagger's rules, the kecamatan boundaries when the city has them, the OPD list,
the achievements classifier's rules) is loaded with the build's own loaders,
from the paths the settings give, so the check passes only where the build
can, and its messages name the city's real files. Channel registries get a
YAML syntax check and unique, well-formed ids; the full channel schema is the
importer's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

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
from pelita.core.settings import PRESTASI, PluginSettingsError, merge_settings
from pelita.core.wilayah import WilayahError
from pelita.core.wilayah import load_rules as load_tagger_rules
from pelita.core.wilayah.svgmap import city_map

from .config import CheckConfig
from .contacts import Contacts, load_contacts
from .corpus import display_path
from .model import Problem, Severity
from .yamlfile import YamlFileError, load_yaml

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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


def check_channel_files(root: Path, config: CheckConfig) -> Iterator[Problem]:
    """YAML syntax and channel ids of each channel registry that exists."""
    for name in config.channel_files:
        path = root / name
        if not path.exists():
            continue
        try:
            data = load_yaml(path)
        except YamlFileError as exc:
            yield _yaml_problem(exc, root)
            continue
        yield from _channels(path, data, root)


def _channels(path: Path, data: Any, root: Path) -> Iterator[Problem]:
    shown = display_path(path, root)
    channels = data.get("channels") if isinstance(data, dict) else None
    if not isinstance(channels, list):
        yield Problem(
            shown,
            1,
            Severity.ERROR,
            "registri",
            "Berkas kanal harus berisi daftar di bawah kunci channels:",
            "lihat contoh di data/channels.demo.yml",
        )
        return
    lines = _id_lines(path)
    seen: set[str] = set()
    for index, channel in enumerate(channels):
        cid = str(channel.get("id", "")) if isinstance(channel, dict) else ""
        line = lines[index] if index < len(lines) else None
        if not _ID.match(cid):
            yield Problem(
                shown,
                line,
                Severity.ERROR,
                "registri",
                f"Kanal ke-{index + 1} berid {cid!r}: id harus huruf kecil, angka "
                "dan tanda hubung",
                'misalnya "id: kec-tembalang"',
            )
        elif cid in seen:
            yield Problem(
                shown,
                line,
                Severity.ERROR,
                "registri",
                f'Id kanal "{cid}" dipakai dua kali',
                "beri id lain pada salah satunya",
            )
        seen.add(cid)


def _id_lines(path: Path) -> list[int]:
    """The line of each channel's id (or of the channel), in order."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    channels = _child(root, "channels")
    if not isinstance(channels, yaml.SequenceNode):
        return []
    lines = []
    for node in channels.value:
        found = _child(node, "id")
        lines.append((found or node).start_mark.line + 1)
    return lines


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if getattr(key_node, "value", None) == key:
            return value_node
    return None
