import pytest

from pelita.core.settings import PluginSettingsError, merge_settings, plugin_enabled

DEFAULTS = {"widths": [320, 640], "max_width": 1600, "label": "x"}


def test_given_keys_override_defaults_and_defaults_stay_untouched():
    merged = merge_settings({"IMAGES": {"max_width": 1200}}, "IMAGES", DEFAULTS)
    assert merged == {"widths": [320, 640], "max_width": 1200, "label": "x"}
    merged["widths"].append(960)
    assert DEFAULTS["widths"] == [320, 640]


def test_missing_setting_gives_the_defaults():
    assert merge_settings({}, "IMAGES", DEFAULTS) == DEFAULTS


def test_unknown_key_names_the_setting_the_key_and_the_closest_one():
    with pytest.raises(PluginSettingsError) as error:
        merge_settings({"IMAGES": {"max_widht": 10}}, "IMAGES", DEFAULTS)
    message = str(error.value)
    assert "IMAGES" in message
    assert "'max_widht'" in message
    assert "did you mean 'max_width'?" in message
    assert "label, max_width, widths" in message


def test_a_value_that_is_not_a_dict_is_refused():
    with pytest.raises(PluginSettingsError, match="expected a dict"):
        merge_settings({"IMAGES": ["widths"]}, "IMAGES", DEFAULTS)


def test_a_plugin_is_enabled_only_when_listed():
    settings = {
        "PLUGINS": [
            "pelita.build.imported",
            "pelican.plugins.sitemap",
            "pelita.build.stories",
        ]
    }
    assert plugin_enabled(settings, "stories")
    assert plugin_enabled(settings, "sitemap")
    assert not plugin_enabled(settings, "kanal")
    assert not plugin_enabled({}, "stories")
