"""Metadata headers survive hostile titles, and Pelican reads back what was meant."""

import datetime as dt
import html
import re

import pytest
from importer_testkit import fixture_bytes, make_settings, posts, write_registry
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from pelita.core.htmlsafety import plain_text
from pelita.importer.cli import run_import
from pelita.importer.writing.metadata import (
    document_hash,
    parse_header,
    render_document,
    seal,
)

TITLES = {
    "colon": "Wali Kota: Semarang Siap Juara",
    "newline": "Baris satu\nTitle: disusupkan\nDate: 1999-01-01",
    "hash": "# Bukan judul Markdown #1",
    "spaces": "     Diawali spasi",
    "long": "Panjang " * 400,
    "emoji": "\U0001f389\U0001f3c6\U0001f1ee\U0001f1e9",
    "rtl": "\u202eRTL override gnp.exe \u200fmark",
    "script": "<script>alert('judul')</script>Judul <b>tebal</b>",
    "entities": "AT&amp;T &quot;kutip&quot; &lt;b&gt;",
    "separator": "Satu\u2028Dua\u2029Tiga\x0bEmpat\x1cLima",
    "traversal": "../../../etc/passwd",
    "reserved": "CON",
    "digits": "2024",
    "dup-a": "Judul Sama",
    "dup-b": "Judul Sama",
    "quote-attr": '" onmouseover="alert(1)',
    "windows": 'a<b>c:d"e/f\\g|h?i*j',
}
EXPECTED_KEYS = {
    "title", "date", "slug", "category", "summary", "channel", "source",
    "import_id", "import_hash",
}  # fmt: skip


@pytest.fixture(scope="module")
def imported(tmp_path_factory, request):
    """The hostile-titles feed imported once over HTTP."""
    from feedserver import FeedServer, Response

    root = tmp_path_factory.mktemp("titles")
    server = FeedServer().start()
    request.addfinalizer(server.stop)
    url = server.add("/feed", Response(fixture_bytes("hostile-titles.xml")))
    write_registry(root, [{"id": "judul", "url": url}])
    assert run_import(make_settings(root)) == 0
    return root


def pelican_read(path):
    settings = dict(DEFAULT_CONFIG)
    settings["MARKDOWN"] = {
        "extension_configs": {
            "markdown.extensions.extra": {},
            "markdown.extensions.meta": {},
            "markdown.extensions.smarty": {},
        },
        "output_format": "html5",
    }
    return MarkdownReader(settings).read(str(path))


def by_guid(root):
    found = {}
    for path in posts(root):
        header = parse_header(path.read_text("utf-8").splitlines())
        guid = header["source"].rsplit("/", 1)[-1]
        found[guid] = path
    return found


def test_every_hostile_title_gives_one_post(imported):
    assert set(by_guid(imported)) == set(TITLES) | {"empty"}


@pytest.mark.parametrize("guid", sorted(TITLES))
def test_pelican_reads_the_title_meant(imported, guid):
    path = by_guid(imported)[guid]
    _, meta = pelican_read(path)
    assert set(meta) == EXPECTED_KEYS
    expected = plain_text(html.unescape(TITLES[guid]), 200)
    if not expected:
        expected = "Isi berita " + guid + "."
    assert html.unescape(meta["title"]) == expected
    assert "<" not in html.unescape(meta["title"])
    assert meta["date"] == dt.datetime(
        2024, 10, 4, 10, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )


def test_empty_title_is_taken_from_the_text(imported):
    _, meta = pelican_read(by_guid(imported)["empty"])
    assert meta["title"] == "Isi berita empty."


def test_file_names_are_safe_and_slugs_unique(imported):
    paths = posts(imported)
    slugs = [parse_header(p.read_text("utf-8").splitlines())["slug"] for p in paths]
    assert len(set(slugs)) == len(slugs)
    for path, slug in zip(paths, slugs, strict=True):
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
        assert path.name == f"{slug}.md"
        assert len(path.name) <= 100
        assert path.parent.parent.name == "judul"
        assert not slug.isdigit()
        assert slug not in ("con", "prn", "aux", "nul")


def test_same_titles_get_a_suffix(imported):
    found = by_guid(imported)
    names = {found["dup-a"].stem, found["dup-b"].stem}
    assert names == {"judul-sama", "judul-sama-2"}


def test_emoji_only_title_gets_a_fallback_slug(imported):
    assert re.fullmatch(r"judul-[0-9a-f]{8}", by_guid(imported)["emoji"].stem)


def test_import_hash_detects_any_change():
    text = render_document([("Title", "A"), ("Slug", "a")], "Isi\n")
    sealed, digest = seal(text)
    assert document_hash(sealed) == digest
    assert document_hash(sealed.replace("Isi", "Isi!")) != digest
    assert parse_header(sealed.splitlines())["import_hash"] == digest
