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
