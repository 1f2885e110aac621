from pathlib import Path

from pelican.readers import MarkdownReader, Readers
from pelican.settings import DEFAULT_CONFIG, read_settings

from pelita.build.buildspeed.markdown_reader import (
    ReusingMarkdownReader,
    use_reusing_reader,
)

REPO = Path(__file__).resolve().parents[2]

DOCUMENTS = {
    "footnotes.md": (
        "Title: Catatan kaki\nDate: 2024-03-21 09:00\n"
        'Summary: Ringkasan: dengan titik dua dan "kutipan".\n\n'
        'Kalimat pertama[^1] dan "kutipan" -- serta... HTML.\n\n'
        "*[HTML]: HyperText Markup Language\n\n[^1]: Catatan pertama.\n"
    ),
    "table.md": (
        "Title: Tabel\nDate: 2024-03-22\nTags: a, b\n\n"
        "| Kolom | Nilai |\n|---|---|\n| satu | 1 |\n\n"
        "Kalimat[^1] tanpa singkatan HTML.\n\n[^1]: Catatan kedua.\n"
    ),
    "plain.md": "Title: Polos\nDate: 2024-03-23\n\nHanya satu paragraf.\n",
}


def _settings() -> dict:
    settings = read_settings(str(REPO / "pelicanconf.py"))
    return {**DEFAULT_CONFIG, **settings}


def test_reusing_reader_gives_pelicans_html_and_metadata_file_after_file(tmp_path):
    for name, text in DOCUMENTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    reusing = ReusingMarkdownReader(_settings())
    for _ in range(2):  # a second round: no footnote or abbreviation leaks over
        for name in DOCUMENTS:
            expected = MarkdownReader(_settings()).read(str(tmp_path / name))
            assert reusing.read(str(tmp_path / name)) == expected
    assert "Ringkasan: dengan titik dua" in str(
        reusing.read(str(tmp_path / "footnotes.md"))[1]["summary"]
    )


def test_readers_use_the_reusing_reader_for_markdown_only():
    readers = Readers(_settings())
    use_reusing_reader(readers)
    assert readers.reader_classes["md"] is ReusingMarkdownReader
    assert readers.reader_classes["markdown"] is ReusingMarkdownReader
