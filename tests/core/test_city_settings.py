"""The city block: one CITY_PROFILE stands for every city-specific setting."""

from pathlib import Path

import pytest
from pelican.settings import read_settings

from pelita.core.settings.city import CitySettingsError, city_settings

REPO = Path(__file__).resolve().parents[2]
ASSISTANT = {"name": "Sapa", "whatsapp": "6281234567890", "phone_display": "0812"}


def test_a_name_alone_gives_a_whole_neutral_city():
    derived = city_settings({"CITY_PROFILE": {"name": " Kota  Salatiga "}})
    assert derived["CITY"] == "Kota Salatiga"
    assert derived["SITENAME"] == "Pelita Salatiga"
    assert derived["AUTHOR"] == "Pemerintah Kota Salatiga"
    assert derived["SITESUBTITLE"] == (
        "Kabar dan prestasi Kota Salatiga dari semua kanal resmi"
    )
    assert derived["VIRTUAL_ASSISTANT"] is None
    assert derived["REPOSITORY_URL"] == ""
    assert derived["SHAREKIT"] == {"hashtags": []}
    assert derived["REGISTRIES"] == {
        "wilayah": "data/wilayah.csv",
        "wilayah_aliases": "data/wilayah-alias.csv",
        "wilayah_tagger": "data/wilayah-tagger.yml",
        "boundaries": "data/kecamatan.geojson",
        "opd": "data/opd.csv",
    }


def test_a_kabupaten_keeps_its_own_word_out_of_the_site_name():
    derived = city_settings({"CITY_PROFILE": {"name": "Kabupaten Kendal"}})
    assert derived["SITENAME"] == "Pelita Kendal"


def test_registries_are_merged_key_by_key_and_boundaries_may_be_none():
    profile = {"name": "Kota Kecil", "registries": {"boundaries": None}}
    registries = city_settings({"CITY_PROFILE": profile})["REGISTRIES"]
    assert registries["boundaries"] is None
    assert registries["opd"] == "data/opd.csv"


def test_the_hashtags_join_the_other_share_kit_options():
    settings = {
        "CITY_PROFILE": {"name": "Kota Kecil", "hashtags": ["KecilHebat"]},
        "SHAREKIT": {"days": 14},
    }
    assert city_settings(settings)["SHAREKIT"] == {
        "days": 14,
        "hashtags": ["KecilHebat"],
    }


def test_hashtags_set_twice_are_refused():
    settings = {"CITY_PROFILE": {"name": "Kota Kecil"}, "SHAREKIT": {"hashtags": []}}
    with pytest.raises(CitySettingsError, match=r"CITY_PROFILE\['hashtags'\]"):
        city_settings(settings)


@pytest.mark.parametrize("name", [None, "", "  ", 7])
def test_a_city_without_a_name_is_refused(name):
    with pytest.raises(CitySettingsError, match=r"CITY_PROFILE\['name'\] = .*Kota"):
        city_settings({"CITY_PROFILE": {"name": name}})


def test_a_misspelt_key_names_the_closest_one():
    with pytest.raises(CitySettingsError, match="did you mean 'hashtags'"):
        city_settings({"CITY_PROFILE": {"name": "Kota Kecil", "hastags": []}})
    with pytest.raises(CitySettingsError, match=r"\['registries'\].*'opd'"):
        city_settings(
            {"CITY_PROFILE": {"name": "Kota Kecil", "registries": {"odp": ""}}}
        )


@pytest.mark.parametrize(
    ("assistant", "expected"),
    [
        ("Sapa", "expected a dict"),
        ({**ASSISTANT, "jam": "24 jam"}, "unknown key 'jam'"),
        ({"name": "Sapa", "whatsapp": "6281234567890"}, "no 'phone_display'"),
        ({**ASSISTANT, "whatsapp": "+62 812-3456"}, "international digits"),
        ({**ASSISTANT, "services": "PBB"}, "list of service names"),
    ],
)
def test_a_wrong_assistant_is_named(assistant, expected):
    profile = {"name": "Kota Kecil", "assistant": assistant}
    with pytest.raises(CitySettingsError, match=expected):
        city_settings({"CITY_PROFILE": profile})


def test_an_assistant_gets_every_key_the_templates_read():
    profile = {"name": "Kota Kecil", "assistant": ASSISTANT}
    assistant = city_settings({"CITY_PROFILE": profile})["VIRTUAL_ASSISTANT"]
    assert assistant == {
        **ASSISTANT,
        "full_name": "Sapa",
        "hours": "",
        "services": [],
    }


def test_the_repository_settings_are_the_city_block_s():
    """pelicanconf.py derives every city setting from its one block."""
    settings = read_settings(str(REPO / "pelicanconf.py"))
    assert settings["CITY"] == settings["CITY_PROFILE"]["name"]
    assert settings["SHAREKIT"]["hashtags"] == settings["CITY_PROFILE"]["hashtags"]
    assert settings["REGISTRIES"] == settings["CITY_PROFILE"]["registries"]
    assert (
        settings["VIRTUAL_ASSISTANT"]["name"]
        == (settings["CITY_PROFILE"]["assistant"]["name"])
    )
