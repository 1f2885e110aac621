"""HTML to Markdown: structure survives, text that looks like markup stays text."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from importer_testkit import live_markup, render_markdown

from pelita.importer.feeds.convert import html_to_markdown
from pelita.importer.feeds.mdtext import escape_markdown


def test_preformatted_text_keeps_its_lines_inside_nested_tags():
    html = "<pre><code>baris satu\n<b>baris</b> dua\n\n  baris tiga</code></pre>"
    rendered = render_markdown(html_to_markdown(html))
    assert "baris satu\nbaris dua\n\n  baris tiga" in rendered


def test_a_blank_line_between_tags_inside_preformatted_text_stays():
    # Outside <pre> the converter merges the newlines where two tags meet.
    html = "<pre><code><b>langkah 1\n</b><i>\nlangkah 2</i></code></pre>"
    assert html_to_markdown(html) == "```\nlangkah 1\n\nlangkah 2\n```\n"


def test_blocks_outside_preformatted_text_collapse_their_blank_lines():
    html = "<blockquote><p>Satu</p>\n\n\n<p>Dua</p></blockquote><ul><li>Tiga</li></ul>"
    assert html_to_markdown(html) == "> Satu\n>\n> Dua\n\n- Tiga\n"


@pytest.mark.parametrize(
    "text",
    [
        "Warga Tembalang menerima bantuan sembako",
        "Pukul 08.00 WIB di Balai Kota",
        "Rp10.000 per orang",
    ],
)
def test_text_without_markup_characters_is_written_as_it_is(text):
    assert escape_markdown(text) == text
    assert render_markdown(escape_markdown(text)) == f"<p>{text}</p>"


@pytest.mark.parametrize(
    "text",
    [
        "# bukan judul",
        "1. bukan daftar",
        "- bukan butir",
        "[klik](javascript:alert(1))",
        "*tebal* dan _miring_",
        "a | b",
        "<script>alert(1)</script>",
        "Juara 1) lomba",
        "==",
    ],
)
def test_text_that_looks_like_markup_renders_as_the_same_text(text):
    rendered = render_markdown(escape_markdown(text))
    page = BeautifulSoup(rendered, "html.parser")
    assert [tag.name for tag in page.find_all(True)] == ["p"]
    assert page.get_text() == text
    assert not live_markup(rendered)


def test_a_gallery_table_keeps_its_photos_and_captions_in_order():
    html = (
        "<table><tr><td><img src='https://x.example/a.jpg' alt='Kerja bakti'><br>"
        "Warga membersihkan saluran</td><td><p><img src='https://x.example/b.jpg' "
        "alt='Lurah'></p><p>Lurah menyapa warga</p></td></tr></table>"
    )
    markdown = html_to_markdown(html)
    assert markdown.index("![Kerja bakti](https://x.example/a.jpg)") < markdown.index(
        "Warga membersihkan saluran"
    )
    assert markdown.index("Warga membersihkan saluran") < markdown.index(
        "![Lurah](https://x.example/b.jpg)"
    )
    rendered = render_markdown(markdown)
    assert rendered.count("<img") == 2
    assert "<table" not in rendered


def test_a_data_table_stays_a_table():
    html = (
        "<table><tr><th>Kelurahan</th><th>Peserta</th></tr>"
        "<tr><td>Tandang</td><td>120</td></tr></table>"
    )
    assert html_to_markdown(html) == (
        "| Kelurahan | Peserta |\n| --- | --- |\n| Tandang | 120 |\n"
    )


def test_a_layout_table_inside_a_layout_table_keeps_every_photo():
    inner = (
        "<table><tr><td><img src='https://x.example/c.jpg' alt='c'></td></tr></table>"
    )
    html = f"<table><tr><td><p>Teks</p>{inner}</td></tr></table>"
    assert "![c](https://x.example/c.jpg)" in html_to_markdown(html)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>Warga RW 05 bergotong royong<br>membersihkan saluran air dan<br>"
            "memangkas rumput.</p>",
            "Warga RW 05 bergotong royong membersihkan saluran air dan memangkas "
            "rumput.\n",
        ),
        (
            "<p>Baris satu\nbaris dua yang\nterputus.</p>",
            "Baris satu baris dua yang terputus.\n",
        ),
        (
            "<p>Kegiatan selesai pukul 10.00.<br>Lurah: Budi<br>Sekretaris: Ani</p>",
            "Kegiatan selesai pukul 10.00.  \nLurah: Budi  \nSekretaris: Ani\n",
        ),
        (
            "<p>Alamat: <b>Jalan Pemuda</b><br>Telepon 024 123</p>",
            "Alamat: **Jalan Pemuda**  \nTelepon 024 123\n",
        ),
    ],
)
def test_hard_wrapped_lines_are_joined_and_real_breaks_kept(html, expected):
    assert html_to_markdown(html) == expected
