import pytest

from pelita.core.settings import (
    BY_NAME,
    SETTINGS,
    Option,
    PluginSettingsError,
    Setting,
    merge_settings,
    plugin_enabled,
)
from pelita.core.settings.docs import setting_section

IMAGES = Setting(
    "IMAGES",
    "tests",
    "A test setting.",
    (
        Option("widths", [320, 640], "widths"),
        Option("max_width", 1600, "widest"),
        Option("label", "x", "a label"),
    ),
)
NESTED = Setting(
    "DEPLOY",
    "tests",
    "A nested test setting.",
    (
        Option("target", "rsync", "where"),
        Option(
            "s3",
            None,
            "the S3 target",
            (
                Option("bucket", "", "the bucket"),
                Option(
                    "cache_control",
                    None,
                    "headers",
                    (Option("html", "max-age=300", "pages"),),
                ),
            ),
        ),
    ),
)


def test_given_keys_override_defaults_and_defaults_stay_untouched():
    merged = merge_settings({"IMAGES": {"max_width": 1200}}, IMAGES)
    assert merged == {"widths": [320, 640], "max_width": 1200, "label": "x"}
    merged["widths"].append(960)
    assert IMAGES.defaults()["widths"] == [320, 640]
    assert IMAGES.option("widths").default == [320, 640]


def test_missing_setting_gives_the_defaults():
    assert merge_settings({}, IMAGES) == IMAGES.defaults()


def test_unknown_key_names_the_setting_the_key_and_the_closest_one():
    with pytest.raises(PluginSettingsError) as error:
        merge_settings({"IMAGES": {"max_widht": 10}}, IMAGES)
    message = str(error.value)
    assert "IMAGES" in message
    assert "'max_widht'" in message
    assert "did you mean 'max_width'?" in message
    assert "label, max_width, widths" in message


def test_a_value_that_is_not_a_dict_is_refused():
    with pytest.raises(PluginSettingsError, match="expected a dict"):
        merge_settings({"IMAGES": ["widths"]}, IMAGES)


def test_a_nested_dict_is_merged_key_by_key():
    given = {"DEPLOY": {"s3": {"cache_control": {"html": "no-cache"}}}}
    merged = merge_settings(given, NESTED)
    assert merged == {
        "target": "rsync",
        "s3": {"bucket": "", "cache_control": {"html": "no-cache"}},
    }


def test_an_unknown_key_inside_a_nested_dict_names_its_path():
    given = {"DEPLOY": {"s3": {"cache_control": {"htm": "x"}}}}
    with pytest.raises(PluginSettingsError) as error:
        merge_settings(given, NESTED)
    message = str(error.value)
    assert "DEPLOY['s3']['cache_control']: unknown key 'htm'" in message
    assert "did you mean 'html'?" in message


def test_every_setting_is_declared_once_with_a_doc_for_every_option():
    names = [setting.name for setting in SETTINGS]
    assert len(names) == len(set(names)) == len(BY_NAME)

    def undocumented(options, prefix):
        for option in options:
            if not option.doc.strip():
                yield f"{prefix}{option.key}"
            yield from undocumented(option.options, f"{prefix}{option.key}.")

    missing = [
        key
        for setting in SETTINGS
        for key in undocumented(setting.options, f"{setting.name}.")
    ]
    assert missing == []
    assert all(setting.doc.strip() for setting in SETTINGS)


def test_the_manual_shows_every_option_with_its_default():
    section = setting_section(NESTED)
    assert section.startswith("### `DEPLOY`")
    assert "| `target` | `'rsync'` | where |" in section
    assert "| `s3.cache_control.html` | `'max-age=300'` | pages |" in section


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
