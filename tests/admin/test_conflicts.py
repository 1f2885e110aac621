"""invoke check refuses git conflict markers in every file the build reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pelita.tools.check import run_check
from pelita.tools.check.conflicts import marker_lines

from .conftest import NOW, REPO, repo_settings

GOOD = """Title: Jadwal Pelayanan
Date: 2025-05-10 09:00
Category: Berita
Slug: {slug}
Summary: Ringkasan pendek untuk menguji pemeriksa tulisan.

{body}
"""
CONFLICT = "<<<<<<< HEAD\nPukul 08.00.\n=======\nPukul 07.30.\n>>>>>>> 1a2b3c4\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    return tmp_path


def write(root: Path, name: str, text: str) -> str:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return name


def conflicts(root: Path, paths: list[str] | None = None) -> dict[str, tuple]:
    result = run_check(repo_settings(), paths, root=root, now=NOW)
    return {
        problem.path: (problem.line, problem.severity.value, problem.message)
        for problem in result.problems
        if problem.code == "konflik-git"
    }


def test_an_imported_post_with_markers_is_an_error_not_a_warning(site: Path):
    name = write(site, "content/imported/dinkes/2025/jadwal.md",
                 GOOD.format(slug="jadwal", body=CONFLICT))  # fmt: skip
    line, severity, message = conflicts(site)[name]
    assert (line, severity) == (7, "kesalahan")
    assert "baris 7, 9, 11" in message


def test_registries_pages_and_other_text_files_are_searched(site: Path):
    registry = (REPO / "data" / "channels.yml").read_text(encoding="utf-8")
    write(site, "data/channels.yml", registry + "<<<<<<< ours\n=======\n>>>>>>> x\n")
    write(site, "data/import-state.json", "{\n<<<<<<< HEAD\n}\n")
    write(site, "content/pages/kontak.md", GOOD.format(slug="kontak", body=CONFLICT))
    write(site, "content/extra/catatan.txt", "a\r\n=======\r\nb\r\n")
    found = conflicts(site)
    lines = registry.count("\n")
    assert found["data/channels.yml"][0] == lines + 1
    assert found["data/import-state.json"][0] == 2
    assert found["content/pages/kontak.md"][0] == 7
    assert found["content/extra/catatan.txt"][0] == 2


def test_clean_files_and_look_alikes_pass(site: Path):
    body = "Judul\n\n<<<<<<<< delapan\n  =======\n======= teks\na <<<<<<< b\n# Judul"
    write(site, "content/posts/baik.md", GOOD.format(slug="baik", body=body))
    assert conflicts(site) == {}


def test_only_the_files_asked_for_are_reported(site: Path):
    write(site, "content/posts/a.md", GOOD.format(slug="a", body=CONFLICT))
    write(site, "content/posts/b.md", GOOD.format(slug="b", body=CONFLICT))
    assert set(conflicts(site, ["content/posts/b.md"])) == {"content/posts/b.md"}


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (b"<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> main\n", [1, 3, 5]),
        (b"<<<<<<<\nx\n||||||| base\nz\n=======\ny\n>>>>>>>\n", [1, 3, 5, 7]),
        (b"x\r\n=======\r\n", [2]),
        (b"<<<<<<<<\n========\n>>>>>>>>\n", []),
        (b"a <<<<<<< b\n =======\n=======x\n", []),
    ],
)
def test_marker_lines(text: bytes, lines: list[int]):
    assert marker_lines(text) == lines
