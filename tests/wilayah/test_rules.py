"""The tagger's rules file: validated against the gazetteer, errors that say why."""

from pathlib import Path

import pytest
import yaml

from pelita.core.registries import RegistryError
from pelita.core.wilayah import load_rules

from .conftest import PATHS


def write_rules(tmp_path: Path, **changes) -> Path:
    data = yaml.safe_load(PATHS["wilayah_tagger"].read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "rules.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_rules_load(gazetteer):
    rules = load_rules(PATHS["wilayah_tagger"], gazetteer)
    assert "tugu" in rules.ambiguous
    assert {p.kecamatan.nama for p in rules.places if p.name == "Lawang Sewu"} == {
        "Semarang Tengah"
    }


def test_an_ambiguous_name_must_be_in_the_gazetteer(tmp_path, gazetteer):
    path = write_rules(tmp_path, ambiguous=[{"name": "Tembalan", "why": "typo"}])
    with pytest.raises(
        RegistryError, match=r"rules\.yml: ambiguous: 'Tembalan'.*closest: Tembalang"
    ):
        load_rules(path, gazetteer)


def test_a_place_needs_a_kecamatan_code(tmp_path, gazetteer):
    path = write_rules(
        tmp_path, places=[{"name": "Lawang Sewu", "kode": "33.74.01.1007"}]
    )
    with pytest.raises(
        RegistryError,
        match=r"'Lawang Sewu' has kode '33\.74\.01\.1007'.*not a kecamatan code",
    ):
        load_rules(path, gazetteer)


def test_an_outside_place_may_not_be_a_city_name(tmp_path, gazetteer):
    path = write_rules(tmp_path, outside=["Ungaran", "Mijen"])
    with pytest.raises(
        RegistryError, match=r"outside: 'Mijen' is also a name.*ambiguous"
    ):
        load_rules(path, gazetteer)


def test_unknown_keys_are_rejected(tmp_path, gazetteer):
    path = write_rules(tmp_path, ambigous=["Tugu"])
    with pytest.raises(
        RegistryError, match=r"unknown key\(s\) ambigous; allowed: .*ambiguous"
    ):
        load_rules(path, gazetteer)


def test_broken_yaml_names_the_file(tmp_path, gazetteer):
    path = tmp_path / "rules.yml"
    path.write_text("qualifiers: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"rules\.yml: not valid YAML"):
        load_rules(path, gazetteer)


def test_an_edited_file_is_read_again(tmp_path, gazetteer):
    path = write_rules(tmp_path, ambiguous=[])
    assert load_rules(path, gazetteer).ambiguous == frozenset()
    path = write_rules(tmp_path, ambiguous=["Candi"])
    assert load_rules(path, gazetteer).ambiguous == {"candi"}
