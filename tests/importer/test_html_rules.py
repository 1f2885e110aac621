"""The registry's ``format: html`` channels: their ``html:`` block is checked."""

from pathlib import Path

import pytest
from importer_testkit import CATEGORIES, REPO

from pelita.core.registries import registry_paths
from pelita.importer.errors import ChannelConfigError
from pelita.importer.model import HtmlRules
from pelita.importer.registry.channels import load_channels

FILES = registry_paths({}, REPO)
HTML_CHANNEL = """\
channels:
  - id: kel-tlogosari-kulon
    name: Kelurahan Tlogosari Kulon
    kind: kelurahan
    url: https://tlogosarikulon.example.go.id/berita/
    kecamatan: Pedurungan
    kelurahan: Tlogosari Kulon
    format: html
    html:
      items: ".daftar-berita .judul a"
      next: "a.selanjutnya"
      title: "h1.judul-berita"
      date: ".tanggal"
      body: ".isi-berita"
      image: ".foto-utama img"
      remove: [".bagikan", ".baca-juga"]
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "channels.yml"
    path.write_text(text, encoding="utf-8")
    return load_channels(path, FILES, tuple(CATEGORIES))


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ChannelConfigError) as info:
        load(tmp_path, text)
    return str(info.value)


def test_an_html_channel_loads_with_its_selectors(tmp_path):
    (channel,) = load(tmp_path, HTML_CHANNEL)
    assert channel.format == "html"
    assert channel.html == HtmlRules(
        items=".daftar-berita .judul a",
        body=".isi-berita",
        next="a.selanjutnya",
        max_pages=3,
        title="h1.judul-berita",
        date=".tanggal",
        image=".foto-utama img",
        remove=(".bagikan", ".baca-juga"),
    )


def test_a_feed_channel_is_a_feed_by_default(tmp_path):
    lines = HTML_CHANNEL.split("    format: html", maxsplit=1)[0]
    (channel,) = load(tmp_path, lines)
    assert (channel.format, channel.html) == ("feed", None)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("body: \".isi-berita\"", "body: \"div..isi\""),
         ["field 'html.body'", "'div..isi'", "not a CSS selector", "class selector"]),
        (("      items: \".daftar-berita .judul a\"\n", ""),
         ["field 'html.items'", "missing"]),
        (("image:", "imgae:"),
         ["field 'html.imgae'", "unknown key", "closest: image"]),
        (("format: html", "format: htm"),
         ["field 'format'", "'htm'", "allowed: feed, html", "closest: html"]),
        (("next: \"a.selanjutnya\"", "max_pages: 4"),
         ["field 'html.max_pages'", "needs 'next:'"]),
        (("remove: [\".bagikan\", \".baca-juga\"]", "remove: [3]"),
         ["field 'html.remove'", "3 must be a CSS selector"]),
        (("date: \".tanggal\"", "date: \":contains(x)\""),
         ["field 'html.date'", "':contains(x)'", "-soup-contains"]),
        (("remove: [", "subdomains: ya\n      remove: ["),
         ["field 'html.subdomains'", "'ya' must be true or false"]),
    ],
)  # fmt: skip
def test_mistakes_in_the_html_block_are_named(tmp_path, change, expected):
    old, new = change
    assert old in HTML_CHANNEL
    message = error_of(tmp_path, HTML_CHANNEL.replace(old, new))
    assert "channel 'kel-tlogosari-kulon'" in message
    for part in expected:
        assert part in message


def test_the_block_is_named_by_its_own_line(tmp_path):
    message = error_of(tmp_path, HTML_CHANNEL.replace('"h1.judul-berita"', '"h1["'))
    assert f"{tmp_path / 'channels.yml'}:10:" in message


def test_format_html_needs_a_block_and_a_block_needs_format_html(tmp_path):
    without_block = HTML_CHANNEL.split("    html:", maxsplit=1)[0]
    assert "needs an 'html:' block" in error_of(tmp_path, without_block)
    without_format = HTML_CHANNEL.replace("    format: html\n", "")
    assert "needs 'format: html'" in error_of(tmp_path, without_format)


def test_an_html_value_that_is_not_a_block_is_named(tmp_path):
    text = HTML_CHANNEL.split("    html:", maxsplit=1)[0] + '    html: ".isi"\n'
    message = error_of(tmp_path, text)
    assert "field 'html'" in message
    assert "'.isi' is not a block of keys" in message
    assert "at least 'items'" in message


def test_max_pages_is_bounded(tmp_path):
    text = HTML_CHANNEL.replace("      title:", "      max_pages: 500\n      title:")
    assert "from 1 to 50" in error_of(tmp_path, text)


def test_subdomains_is_off_unless_the_block_says_true(tmp_path):
    (plain,) = load(tmp_path, HTML_CHANNEL)
    assert plain.html.subdomains is False
    text = HTML_CHANNEL.replace("remove: [", "subdomains: true\n      remove: [")
    (following,) = load(tmp_path, text)
    assert following.html.subdomains is True
