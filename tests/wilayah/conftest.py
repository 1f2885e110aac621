"""Fixtures for the wilayah tests: the real gazetteer and rules, compiled once."""

from __future__ import annotations

from pathlib import Path

import pytest

from pelita.core.registries import load_gazetteer, registry_paths
from pelita.core.wilayah import build_tagger, load_rules

REPO = Path(__file__).resolve().parents[2]
PATHS = registry_paths(base=REPO)


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer(PATHS["wilayah"], PATHS["wilayah_aliases"])


@pytest.fixture(scope="session")
def tagger(gazetteer):
    return build_tagger(gazetteer, load_rules(PATHS["wilayah_tagger"], gazetteer))


def kecamatan_names(matches) -> list[str]:
    """Distinct kecamatan of matches, in order of first mention."""
    return list(dict.fromkeys(m.kecamatan.nama for m in matches))


def kelurahan_names(matches) -> list[str]:
    return list(dict.fromkeys(m.kelurahan.nama for m in matches if m.kelurahan))
