import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from pelita.build.buildspeed.fingerprint import FileHashes, site_fingerprint, stable


class Opaque:
    """An object whose repr would carry its memory address."""


@dataclass
class Award:
    name: str
    year: int


def _article(path: Path, title: str) -> Article:
    settings = dict(DEFAULT_CONFIG)
    return Article(
        "<p>isi</p>",
        metadata={"title": title, "date": dt.datetime(2024, 3, 21, 9, 0)},
        settings=settings,
        source_path=str(path),
    )


def test_equal_values_give_equal_text_in_any_order():
    hashes = FileHashes()
    one = {"b": {3, 1, 2}, "a": [Award("Adipura", 2024), None, 1.5]}
    two = {"a": [Award("Adipura", 2024), None, 1.5], "b": {2, 3, 1}}
    assert stable(one, hashes) == stable(two, hashes)
    assert stable(one, hashes) != stable({**one, "b": {1, 2}}, hashes)


def test_no_memory_address_reaches_the_text():
    hashes = FileHashes()
    assert stable([Opaque()], hashes) == stable([Opaque()], hashes)
    assert "0x" not in stable({"f": print, "o": Opaque()}, hashes)


def test_another_post_is_named_by_what_a_card_of_it_shows(tmp_path):
    photo = tmp_path / "images" / "foto.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"first photo")
    related = _article(tmp_path / "lain.md", "Lain")
    related.settings["PATH"] = str(tmp_path)
    related.metadata["image"] = "images/foto.jpg"
    before = stable({"related": [related]}, FileHashes())
    related._content = "<p>isi yang diubah</p>"
    after_edit = stable({"related": [related]}, FileHashes())
    assert after_edit != before
    photo.write_bytes(b"another photo")
    assert stable({"related": [related]}, FileHashes()) != after_edit


def test_the_site_fingerprint_follows_settings_and_files(tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "base.html").write_text("<html>", encoding="utf-8")
    first = site_fingerprint({"SITENAME": "A"}, [theme], FileHashes())
    assert first == site_fingerprint({"SITENAME": "A"}, [theme], FileHashes())
    assert first != site_fingerprint({"SITENAME": "B"}, [theme], FileHashes())
    (theme / "base.html").write_text("<html lang=id>", encoding="utf-8")
    assert first != site_fingerprint({"SITENAME": "A"}, [theme], FileHashes())
