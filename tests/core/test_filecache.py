import os
import shutil
from pathlib import Path

import pytest

from pelita.core.registries import RegistryError, load_gazetteer, load_opd

REPO = Path(__file__).resolve().parents[2]


def _touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_an_edited_opd_list_is_read_again_an_unchanged_one_is_not(tmp_path):
    path = tmp_path / "opd.csv"
    shutil.copyfile(REPO / "data" / "opd.csv", path)
    first = load_opd(path)
    assert load_opd(path) is first
    text = path.read_text("utf-8")
    row = text.splitlines()[1]
    new_row = "dinbaru" + row[row.index(",") :]
    path.write_text(text.rstrip("\n") + "\n" + new_row + "\n", "utf-8")
    _touch_later(path)
    second = load_opd(path)
    assert second is not first
    assert second.find("dinbaru") is not None
    assert first.find("dinbaru") is None


def test_an_edited_alias_file_reloads_the_gazetteer(tmp_path):
    wilayah = tmp_path / "wilayah.csv"
    aliases = tmp_path / "alias.csv"
    shutil.copyfile(REPO / "data" / "wilayah.csv", wilayah)
    shutil.copyfile(REPO / "data" / "wilayah-alias.csv", aliases)
    before = load_gazetteer(wilayah, aliases)
    assert load_gazetteer(wilayah, aliases) is before
    assert before.find_kelurahan("Meteseh Baru") == ()
    (meteseh,) = before.find_kelurahan("Meteseh")
    with aliases.open("a", encoding="utf-8") as handle:
        handle.write(f"{meteseh.kode},Meteseh Baru,uji\n")
    _touch_later(aliases)
    after = load_gazetteer(wilayah, aliases)
    assert after is not before
    assert [k.kode for k in after.find_kelurahan("Meteseh Baru")] == [meteseh.kode]


def test_a_broken_file_is_not_cached(tmp_path):
    path = tmp_path / "opd.csv"
    path.write_text("bukan,csv,opd\n", "utf-8")
    with pytest.raises(RegistryError):
        load_opd(path)
    shutil.copyfile(REPO / "data" / "opd.csv", path)
    _touch_later(path)
    assert load_opd(path).find("diskominfo") is not None


def test_a_misspelt_buildspeed_key_names_the_closest_one():
    from pelita.build.buildspeed.settings import buildspeed_settings
    from pelita.core.settings import PluginSettingsError

    with pytest.raises(PluginSettingsError, match="did you mean 'page_cache'"):
        buildspeed_settings({"BUILDSPEED": {"page_cahce": True}})
    with pytest.raises(PluginSettingsError, match="expected a dict"):
        buildspeed_settings({"BUILDSPEED": True})
    assert buildspeed_settings({"BUILDSPEED": {"page_cache": True}}) == {
        "page_cache": True
    }
