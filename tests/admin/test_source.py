"""The checker reads headers exactly as Python-Markdown's meta extension does."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from pelita.tools.check.source import parse_source, prose_lines

HEADERS = {
    "plain": "Title: A\nDate: 2025-01-02\n\nBody",
    "continued": "Title: A\nSummary: one\n    two\nTags: x\n\nBody",
    "repeated": "Title: A\nRalat: 2025-01-03 — x\nRalat: 2025-01-04 — y\n\nB",
    "stray": "Title: A\nKecamatan Tembalang\nOPD: dinkes\n\nBody",
    "no blank line": "Title: A\nIsi langsung tanpa baris kosong.",
    "crlf and bom": "\ufeffTitle: A\r\nDate: 2025-01-02\r\n\r\nBody",
    "yaml fence": "---\nTitle: A\n---\nBody",
    "tab": "Title:\tA\n\tlanjut\n\nBody",
    "no header": "# Judul\n\nBody",
}


def markdown_meta(text: str) -> dict[str, list[str]]:
    md = markdown.Markdown(extensions=["meta"])
    md.convert(text.removeprefix("\ufeff"))
    return md.Meta


def checker_meta(path: Path) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for entry in parse_source(path, path.name, "admin", False).header:
        meta.setdefault(entry.key, []).append(entry.value.strip())
    return meta


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_matches_markdown_meta(tmp_path, name):
    path = tmp_path / "post.md"
    path.write_bytes(HEADERS[name].encode("utf-8"))
    assert checker_meta(path) == markdown_meta(HEADERS[name])


def test_lines_are_numbered_from_the_file(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(HEADERS["stray"], encoding="utf-8")
    source = parse_source(path, "post.md", "admin", False)
    assert source.stray_line == (2, "Kecamatan Tembalang")
    assert source.body_lines()[0] == (2, "Kecamatan Tembalang")
    assert source.body_lines()[-1] == (5, "Body")


def test_code_is_not_prose(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        "Title: A\n\nteks `<script>` teks\n```\n<iframe>\n```\n~~~~\nx\n~~~~\nakhir\n",
        encoding="utf-8",
    )
    lines = prose_lines(parse_source(path, "post.md", "admin", False))
    assert [number for number, text in lines if text] == [3, 10]
    assert "<script>" not in lines[0][1]
