"""The channel registry: the shipped ones load; mistakes are named precisely."""

from pathlib import Path

import pytest
from importer_testkit import CATEGORIES, REPO, make_settings

from pelita.core.registries import load_gazetteer, load_opd, registry_paths
from pelita.importer.errors import ChannelConfigError
from pelita.importer.registry.channels import load_channels

FILES = registry_paths({}, REPO)


def load(path: Path, local: bool = False):
    return load_channels(path, FILES, tuple(CATEGORIES), local)


def registry(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "channels.yml"
    path.write_text("channels:\n" + body, encoding="utf-8")
    return path


def error_of(tmp_path: Path, body: str, local: bool = False) -> str:
    with pytest.raises(ChannelConfigError) as info:
        load(registry(tmp_path, body), local)
    return str(info.value)


GOOD = """\
  - id: kec-tembalang
    name: Kecamatan Tembalang
    kind: kecamatan
    url: https://tembalang.example.go.id/feed/
    kecamatan: tembalang
"""


def test_images_are_downloaded_unless_the_channel_says_remote(tmp_path):
    (channel,) = load(registry(tmp_path, GOOD))
    assert channel.images == "download"
    (channel,) = load(registry(tmp_path, GOOD + "    images: remote\n"))
    assert channel.images == "remote"


def test_names_are_normalized_to_the_registries(tmp_path):
    (channel,) = load(registry(tmp_path, GOOD))
    assert channel.kecamatan == "Tembalang"


def test_production_registry_covers_every_opd_kecamatan_and_kelurahan():
    channels = load(REPO / "data" / "channels.yml")
    gazetteer = load_gazetteer(FILES["wilayah"], FILES["wilayah_aliases"])
    opds = load_opd(FILES["opd"])
    assert {c.opd for c in channels if c.opd} == {o.id for o in opds.items}
    assert {c.kecamatan for c in channels if c.kind == "kecamatan"} == {
        k.nama for k in gazetteer.kecamatan
    }
    assert {(c.kecamatan, c.kelurahan) for c in channels if c.kind == "kelurahan"} == {
        (k.kecamatan, k.nama) for k in gazetteer.kelurahan
    }
    for channel in channels:
        assert channel.enabled == bool(channel.url)
        assert channel.note, channel.id
        if channel.enabled:
            assert channel.url.startswith("https://")
            assert "unverified" in channel.note


def test_demo_registry_loads_with_local_feeds():
    channels = load(REPO / "data" / "channels.demo.yml", local=True)
    assert channels
    assert all(c.is_local for c in channels)


def test_demo_registry_is_refused_without_local_feeds():
    with pytest.raises(ChannelConfigError, match="local_feeds"):
        load(REPO / "data" / "channels.demo.yml", local=False)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            "kind: kecamatn",
            [
                "line 2" if False else "field 'kind'",
                "'kecamatn'",
                "allowed: opd, kecamatan, kelurahan, media",
                "closest: kecamatan",
            ],
        ),
        (
            "kecamatan: Tembalangg",
            ["field 'kecamatan'", "'Tembalangg'", "closest: Tembalang"],
        ),
        ("category: Prestas", ["field 'category'", "closest: Prestasi"]),
        ("opd: diskominfoo", ["field 'opd'", "closest: diskominfo"]),
        ("url: file:///etc/passwd", ["field 'url'", "file://"]),
        ("url: ftp://x.example/feed", ["field 'url'", "http(s)"]),
        ("url: feeds/local.xml", ["field 'url'", "IMPORTER['local_feeds']"]),
        ("colour: red", ["field 'colour'", "unknown field", "allowed: id, name"]),
        ("enabled: maybe", ["field 'enabled'", "true or false"]),
        ("name: 123", ["field 'name'", "not text"]),
        ("tags: {a: b}", ["field 'tags'", "list of topics"]),
        (
            "images: remot",
            [
                "field 'images'",
                "'remot'",
                "allowed: download, remote",
                "closest: remote",
            ],
        ),
    ],
)
def test_mistakes_are_named(tmp_path, change, expected):
    key = change.split(":", 1)[0]
    lines = [line for line in GOOD.splitlines() if not line.strip().startswith(key)]
    message = error_of(tmp_path, "\n".join([*lines, f"    {change}"]) + "\n")
    assert str(tmp_path / "channels.yml") + ":2:" in message
    assert "channel 'kec-tembalang'" in message
    for part in expected:
        assert part in message


def test_kelurahan_must_belong_to_its_kecamatan(tmp_path):
    message = error_of(
        tmp_path,
        """\
  - id: kel-x
    name: X
    kind: kelurahan
    url: https://x.example/feed/
    kecamatan: Tembalang
    kelurahan: Pleburan
""",
    )
    assert "'Pleburan' is not a kelurahan in Kecamatan Tembalang" in message


def test_ambiguous_kelurahan_asks_for_its_kecamatan(tmp_path):
    message = error_of(
        tmp_path,
        """\
  - id: kel-x
    name: X
    kind: media
    url: https://x.example/feed/
    kelurahan: Purwosari
""",
    )
    assert "several kecamatan (Mijen, Semarang Utara)" in message


def test_kind_requires_places(tmp_path):
    message = error_of(
        tmp_path,
        "  - {id: kel-x, name: X, kind: kelurahan, url: 'https://x.example/'}\n",
    )
    assert "field 'kecamatan': missing" in message
    assert "field 'kelurahan': missing" in message


def test_every_problem_is_reported_at_once(tmp_path):
    message = error_of(
        tmp_path,
        """\
  - {id: Bad_Id, name: A, kind: media, url: 'https://a.example/'}
  - {id: b, name: B, kind: media, url: 'https://a.example/'}
  - {id: b, name: C, kind: media}
""",
    )
    assert "3 error(s)" in message
    where = str(tmp_path / "channels.yml")
    assert (
        f"{where}:2: channel 'Bad_Id': field 'id': 'Bad_Id' must be a slug" in message
    )
    assert "also the url of channel" not in message  # Bad_Id is already invalid
    assert f"{where}:4: channel 'b': field 'url': missing" in message
    assert (
        f"{where}:4: channel 'b': field 'id': used twice (first on line 3)" in message
    )


def test_duplicate_urls_are_refused(tmp_path):
    message = error_of(
        tmp_path,
        """\
  - {id: a, name: A, kind: media, url: 'https://a.example/feed/'}
  - {id: b, name: B, kind: media, url: 'https://A.example/feed'}
""",
    )
    assert "also the url of channel 'a'" in message


@pytest.mark.parametrize(
    "url", ["../secrets.xml", "/etc/passwd", "feeds/../../x.xml", "C:/x.xml"]
)
def test_local_feed_paths_stay_inside_the_registry_folder(tmp_path, url):
    message = error_of(
        tmp_path, f"  - {{id: a, name: A, kind: media, url: '{url}'}}\n", local=True
    )
    assert "relative path inside" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("channels: 3\n", "expected a mapping with a 'channels:' list"),
        ("channels:\n  - just text\n", "channel number 1 is 'just text'"),
        ("channels: [\n", "not valid YAML"),
    ],
)
def test_broken_files(tmp_path, text, expected):
    path = tmp_path / "channels.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChannelConfigError, match=expected.replace("(", r"\(")):
        load(path)


def test_missing_file(tmp_path):
    with pytest.raises(ChannelConfigError, match="file not found"):
        load(tmp_path / "nope.yml")


def test_settings_reject_unknown_importer_keys(tmp_path):
    from pelita.importer.errors import ImporterConfigError
    from pelita.importer.settings import load_config

    settings = make_settings(tmp_path, concurency=3)
    with pytest.raises(
        ImporterConfigError,
        match=r"IMPORTER: unknown key 'concurency'; did you mean 'concurrency'\? "
        r"Allowed keys: allow_networks, ",
    ):
        load_config(settings)
