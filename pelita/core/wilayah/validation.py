"""Check a post's ``Kecamatan``/``Kelurahan`` metadata against the gazetteer.

Pure functions, shared by the build (which fails on a problem) and by
``invoke check``: ``resolve_metadata`` turns the raw values into official
areas plus a list of problems; ``check_post_file`` does the same for a
Markdown file on disk and reports ``file:line: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pelita.core.registries import Gazetteer, Kecamatan, Kelurahan

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True)
class WilayahProblem:
    """One bad value: which field, what was written, what would be right."""

    field: str  # "Kecamatan" | "Kelurahan"
    value: str
    reason: str
    suggestions: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The problem in one line, with the closest valid names."""
        hint = f"; closest: {', '.join(self.suggestions)}" if self.suggestions else ""
        return f"{self.field} {self.value!r}: {self.reason}{hint}"


@dataclass(frozen=True)
class ResolvedWilayah:
    """Official areas named by the metadata, and what was wrong with it."""

    kecamatan: tuple[Kecamatan, ...]
    kelurahan: tuple[Kelurahan, ...]
    problems: tuple[WilayahProblem, ...]
    none: bool = False  # "Kecamatan: -": the post is about no area (city-wide)


# Written as the kecamatan, these say "no kecamatan": nothing is inferred.
NONE_VALUES = frozenset({"-", "tidak ada"})


def split_values(value: str | None) -> list[str]:
    """Metadata may name several areas: "Tembalang, Banyumanik"."""
    return [item.strip() for item in re.split(r"[,;]", value or "") if item.strip()]


def _kecamatan(name: str, gazetteer: Gazetteer) -> Kecamatan | WilayahProblem:
    found = gazetteer.find_kecamatan(name)
    if found:
        return found
    as_kelurahan = gazetteer.find_kelurahan(name)
    if as_kelurahan:
        homes = ", ".join(dict.fromkeys(k.kecamatan for k in as_kelurahan))
        return WilayahProblem(
            "Kecamatan",
            name,
            f"is a kelurahan (in {homes}); write it under Kelurahan",
            tuple(dict.fromkeys(k.kecamatan for k in as_kelurahan)),
        )
    return WilayahProblem(
        "Kecamatan",
        name,
        "is not a kecamatan of the city",
        tuple(gazetteer.suggest_kecamatan(name)),
    )


def _kelurahan(
    name: str, stated: tuple[Kecamatan, ...], gazetteer: Gazetteer
) -> Kelurahan | WilayahProblem:
    found = gazetteer.find_kelurahan(name)
    if not found:
        pool = stated[0].nama if len(stated) == 1 else None
        return WilayahProblem(
            "Kelurahan",
            name,
            f"is not a kelurahan of {'Kecamatan ' + pool if pool else 'the city'}",
            tuple(gazetteer.suggest_kelurahan(name, pool)),
        )
    if stated:
        inside = [k for k in found if k.kecamatan in {s.nama for s in stated}]
        if not inside:
            homes = ", ".join(k.kecamatan for k in found)
            nearby = [
                s for kec in stated for s in gazetteer.suggest_kelurahan(name, kec.nama)
            ]
            return WilayahProblem(
                "Kelurahan",
                name,
                f"is in Kecamatan {homes}, not in {', '.join(s.nama for s in stated)}",
                tuple(dict.fromkeys([*nearby, *(k.kecamatan for k in found)])),
            )
        found = tuple(inside)
    if len(found) > 1:
        homes = ", ".join(k.kecamatan for k in found)
        return WilayahProblem(
            "Kelurahan",
            name,
            f"names {len(found)} kelurahan (in {homes}); add Kecamatan to say which",
            tuple(k.kecamatan for k in found),
        )
    return found[0]


def resolve_metadata(
    kecamatan: str | None, kelurahan: str | None, gazetteer: Gazetteer
) -> ResolvedWilayah:
    """Resolve raw metadata values; a kelurahan implies its kecamatan."""
    if (kecamatan or "").strip().casefold() in NONE_VALUES:
        problems = [
            WilayahProblem("Kelurahan", name, "is given with Kecamatan: - (no area)")
            for name in split_values(kelurahan)
        ]
        return ResolvedWilayah((), (), tuple(problems), none=True)
    problems: list[WilayahProblem] = []
    kecs: list[Kecamatan] = []
    for name in split_values(kecamatan):
        result = _kecamatan(name, gazetteer)
        (problems if isinstance(result, WilayahProblem) else kecs).append(result)
    kels: list[Kelurahan] = []
    for name in split_values(kelurahan):
        result = _kelurahan(name, tuple(kecs), gazetteer)
        (problems if isinstance(result, WilayahProblem) else kels).append(result)
    for kel in kels:
        home = gazetteer.find_kecamatan(kel.kecamatan)
        if home is not None and home not in kecs:
            kecs.append(home)
    return ResolvedWilayah(
        tuple(dict.fromkeys(kecs)), tuple(dict.fromkeys(kels)), tuple(problems)
    )


def read_header(path: Path) -> dict[str, tuple[str, int]]:
    """Metadata of a Markdown post: lower-case key -> (value, line number).

    Reads "Key: value" lines up to the first blank line, as Pelican's
    Markdown reader does; later repeats of a key do not replace the first.
    """
    header: dict[str, tuple[str, int]] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                break
            found = _HEADER_LINE.match(line.rstrip("\n"))
            if found:
                header.setdefault(
                    found["key"].lower(), (found["value"].strip(), number)
                )
    return header


def locate(path: Path, field: str) -> int | None:
    """The line on which ``field`` is set in the post's header, if any."""
    try:
        entry = read_header(path).get(field.lower())
    except (OSError, UnicodeDecodeError):
        return None
    return entry[1] if entry else None


def format_problem(path: Path | str, problem: WilayahProblem) -> str:
    """``file:line: message``, the line found by reading the file's header."""
    line = locate(Path(path), problem.field)
    return f"{path}:{line}: {problem.message}" if line else f"{path}: {problem.message}"


def check_post_file(path: Path, gazetteer: Gazetteer) -> list[str]:
    """Problems with one post's kecamatan/kelurahan, as ``file:line: message``."""
    header = read_header(path)
    resolved = resolve_metadata(
        header.get("kecamatan", ("", 0))[0],
        header.get("kelurahan", ("", 0))[0],
        gazetteer,
    )
    return [format_problem(path, problem) for problem in resolved.problems]
