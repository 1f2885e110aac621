"""The one channel registry reader: strict, located errors, views, file-time cache."""

import os
from pathlib import Path

import pytest

from pelita.core.registries import (
    RegistryError,
    load_channel_registry,
    registry_paths,
    site_channels,
)
from pelita.core.registries.channels import registry_for

REPO = Path(__file__).resolve().parents[2]
PATHS = registry_paths(base=REPO)

BODY = """\
channels:
  - id: kec-mijen
    name: Kecamatan Mijen
    kind: kecamatan
    url: https://mijen.example.go.id/feed/
    kecamatan: mijen
    opd: kec-mijen
  - id: kel-purwosari
    name: Kelurahan Purwosari
    kind: kelurahan
    url: https://purwosari.example.go.id/berita/rss.xml
    website: https://purwosari.example.go.id/
    kecamatan: Mijen
    kelurahan: Purwosari
  - id: kec-tembalang
    name: Kecamatan Tembalang
    kind: kecamatan
    kecamatan: Tembalang
    opd: kec-tembalang
    enabled: false
    website: https://tembalang.example.go.id/
  - id: yt
    name: Video
    kind: media
    url: https://www.youtube.com/feeds/videos.xml?channel_id=UC123
  - id: portal
    name: Portal
    kind: opd
    url: https://portal.example.go.id/index.php/berita
    format: html
    html: {items: "h2 a", body: ".isi"}
"""


def write(tmp_path: Path, text: str, name: str = "channels.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(path: Path, **options):
    return registry_for(path, PATHS, **options)


def test_views_pages_need(tmp_path):
    registry = load(write(tmp_path, BODY))
    assert not registry.problems
    ids = [c.id for c in registry.channels]
    assert ids == ["kec-mijen", "kel-purwosari", "kec-tembalang", "yt", "portal"]
    assert [c.id for c in registry.disabled] == ["kec-tembalang"]
    assert "kec-tembalang" not in [c.id for c in registry.enabled]
    by_kec = registry.by_kecamatan()
    assert [c.id for c in by_kec["33.74.14"]] == ["kec-mijen", "kel-purwosari"]
    assert [c.id for c in by_kec["33.74.10"]] == ["kec-tembalang"]
    assert [c.id for c in registry.by_kelurahan()["33.74.14.1005"]] == ["kel-purwosari"]
    assert set(registry.by_opd()) == {"kec-mijen", "kec-tembalang"}
    # Spellings become the registries' official names.
    assert registry.get("kec-mijen").kecamatan == "Mijen"
    assert registry.names()["yt"] == "Video"


def test_homepage_is_the_declared_site_else_the_feeds(tmp_path):
    registry = load(write(tmp_path, BODY))
    homepage = {c.id: c.homepage for c in registry.channels}
    assert homepage == {
        "kec-mijen": "https://mijen.example.go.id/",
        "kel-purwosari": "https://purwosari.example.go.id/",
        "kec-tembalang": "https://tembalang.example.go.id/",
        "yt": "https://www.youtube.com/channel/UC123",
        "portal": "https://portal.example.go.id/index.php/berita",
    }


def test_a_feed_file_has_no_homepage(tmp_path):
    body = "channels:\n  - {id: a, name: A, kind: media, url: feeds/a.xml}\n"
    (channel,) = load(write(tmp_path, body), local_feeds=True).channels
    assert channel.homepage is None


def test_a_bad_channel_is_held_back_and_named_the_rest_stay(tmp_path):
    body = BODY + (
        "  - id: kel-x\n"
        "    name: X\n"
        "    kind: kecamatan\n"
        "    url: https://x.example/feed/\n"
        "    kecamatan: Tembalangg\n"
        "    homepage: https://x.example/\n"
    )
    path = write(tmp_path, body)
    registry = load(path)
    assert len(registry.channels) == 5
    messages = [str(p) for p in registry.problems]
    line = body.splitlines().index("  - id: kel-x") + 1
    assert (
        f"{path}:{line}: channel 'kel-x': field 'homepage': unknown field"
        in (messages[0])
    )
    assert "did you mean 'website'?" in messages[0]
    assert (
        "'Tembalangg' is not a kecamatan of the city; closest: Tembalang"
        in (messages[1])
    )
    with pytest.raises(RegistryError, match="2 error"):
        registry.raise_if_any()


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("website: ftp://x.example/", "field 'website': 'ftp://x.example/' is not"),
        ("website: javascript:alert(1)", "is not an http(s) address"),
        ("kind: kecamatn", "closest: kecamatan"),
        ("opd: diskominfoo", "closest: diskominfo"),
        ("format: htm", "closest: html"),
    ],
)
def test_each_field_is_checked(tmp_path, entry, expected):
    body = "channels:\n  - {id: a, name: A, kind: media, url: 'https://a.example/'}\n"
    body = body.replace("}", ", " + entry.replace(": ", ": '", 1) + "'}")
    if entry.startswith("kind"):
        body = body.replace("kind: media, ", "")
    registry = load(write(tmp_path, body))
    assert registry.channels == ()
    assert any(expected in str(p) for p in registry.problems), registry.problems


def test_two_channels_with_one_id_are_both_held_back(tmp_path):
    body = (
        "channels:\n"
        "  - {id: a, name: A, kind: media, url: 'https://a.example/'}\n"
        "  - {id: a, name: B, kind: media, url: 'https://b.example/'}\n"
        "  - {id: c, name: C, kind: media, url: 'https://c.example/'}\n"
    )
    registry = load(write(tmp_path, body))
    assert [c.id for c in registry.channels] == ["c"]
    assert "used twice (first on line 2)" in str(registry.problems[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("channels: 3\n", ":1: expected a mapping with a 'channels:' list"),
        ("channels:\n  - just text\n", "channel number 1 is 'just text'"),
        ("channels:\n  - {id: a\n", ":3: not valid YAML"),
    ],
)
def test_an_unusable_file_is_an_error_with_its_place(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as info:
        load(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


def test_cached_until_the_file_changes(tmp_path):
    path = write(tmp_path, BODY)
    first = load(path)
    assert load(path) is first
    path.write_text(BODY.replace("Kecamatan Mijen", "Kec. Mijen"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    second = load(path)
    assert second is not first
    assert second.get("kec-mijen").name == "Kec. Mijen"
    # Other options are other results, not a stale one.
    assert load(path, local_feeds=True) is not second


def test_site_channels_reads_the_importer_setting(tmp_path, caplog):
    write(tmp_path, BODY + "  - {id: Bad, name: B, kind: media}\n", "kanal.yml")
    settings = {
        "IMPORTER": {"channels_file": "kanal.yml"},
        "REGISTRIES": {k: str(v) for k, v in PATHS.items()},
    }
    registry = site_channels(settings, tmp_path, who="test")
    assert len(registry.channels) == 5
    assert "test: 2 mistake(s) in " in caplog.text  # its id, its missing url
    assert "First: " in caplog.text and "field 'id'" in caplog.text
    absent = site_channels({"IMPORTER": {"channels_file": "none.yml"}}, tmp_path)
    assert absent.channels == ()


@pytest.mark.parametrize(
    ("name", "local"), [("channels.yml", False), ("channels.demo.yml", True)]
)
def test_the_shipped_registries_have_no_problem(name, local):
    registry = load_channel_registry(
        REPO / "data" / name,
        PATHS["wilayah"],
        PATHS["wilayah_aliases"],
        PATHS["opd"],
        local_feeds=local,
    )
    assert registry.problems == ()
    assert registry.channels
