from pathlib import Path

import pytest

from pelita.core.registries import (
    RegistryError,
    closest,
    load_gazetteer,
    load_opd,
    normalize_name,
    registry_paths,
)

REPO = Path(__file__).resolve().parents[2]
PATHS = registry_paths(base=REPO)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(PATHS["wilayah"], PATHS["wilayah_aliases"])


def test_counts_match_kemendagri_2025(gazetteer):
    assert len(gazetteer.kecamatan) == 16
    assert len(gazetteer.kelurahan) == 177


@pytest.mark.parametrize(
    ("spelling", "official"),
    [
        ("Gunung Pati", "Gunungpati"),
        ("KEC. GAJAH MUNGKUR", "Gajahmungkur"),
        ("kecamatan  semarang tengah", "Semarang Tengah"),
        ("BANYUMANIK", "Banyumanik"),
    ],
)
def test_kecamatan_spellings(gazetteer, spelling, official):
    assert gazetteer.find_kecamatan(spelling).nama == official


@pytest.mark.parametrize(
    ("spelling", "official"),
    [
        ("Pendrikan Kidul", "Pindrikan Kidul"),
        ("Mugassari", "Mugasari"),
        ("Beringin", "Bringin"),
        ("Wonotinggal", "Wonotingal"),
        ("Tanjungmas", "Tanjung Mas"),
        ("Tawang Mas", "Tawangmas"),
    ],
)
def test_kelurahan_aliases(gazetteer, spelling, official):
    (found,) = gazetteer.find_kelurahan(spelling)
    assert found.nama == official


def test_shared_kelurahan_names_stay_ambiguous_until_narrowed(gazetteer):
    assert {k.kecamatan for k in gazetteer.find_kelurahan("Purwosari")} == {
        "Semarang Utara",
        "Mijen",
    }
    (tugu,) = gazetteer.find_kelurahan("Mangunharjo", kecamatan="Tugu")
    assert tugu.kode == "33.74.16.1007"
    assert tugu.kecamatan_slug == "tugu"


def test_suggestions_for_typos(gazetteer):
    assert gazetteer.suggest_kecamatan("Tembalng")[0] == "Tembalang"
    assert gazetteer.suggest_kelurahan("Metesih")[0] == "Meteseh"


def test_opd_found_by_id_abbreviation_or_name():
    registry = load_opd(PATHS["opd"])
    assert registry.find("diskominfo").singkatan == "Diskominfo"
    assert registry.find("Dinas Kesehatan").id == "dinkes"
    assert registry.find("Satpol PP").id == "satpol-pp"
    assert registry.suggest("dinkess")[0] == "dinkes"


def test_bad_gazetteer_row_names_file_line_and_closest(tmp_path):
    bad = tmp_path / "wilayah.csv"
    bad.write_text(
        "kode,tingkat,nama,kecamatan\n"
        "33.74.10,kecamatan,Tembalang,Tembalang\n"
        "33.74.10.1001,kelurahan,Meteseh,Tembalng\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match=r"wilayah\.csv:3: .*'Tembalng'.*Tembalang"):
        load_gazetteer(bad)


def test_unknown_registry_setting_is_rejected():
    with pytest.raises(
        RegistryError, match=r"did you mean 'opd'\? Allowed keys: boundaries, opd"
    ):
        registry_paths({"REGISTRIES": {"opds": "x.csv"}})


def test_normalize_and_closest():
    assert normalize_name("Kel. Tanjung  Mas") == "tanjungmas"
    assert closest("Pedurngan", ["Pedurungan", "Genuk"]) == ["Pedurungan"]
