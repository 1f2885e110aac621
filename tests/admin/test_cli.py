"""``invoke check`` as admins and CI run it: exit codes and output forms."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CHECK_LIMITS, REPO, make_site

LINE = re.compile(
    r"^(?P<path>[^:\s]+\.md):(?P<line>\d+): (?P<level>kesalahan|peringatan): "
    r"(?P<message>.+) — (?P<suggestion>.+) \[(?P<code>[a-z-]+)\]$"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A runnable project: the fixture site plus tasks.py and settings."""
    root = make_site(tmp_path_factory.mktemp("cli"))
    shutil.copy(REPO / "tasks.py", root)
    settings = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    settings += f"\nCHECK = {CHECK_LIMITS!r}\n"
    (root / "pelicanconf.py").write_text(settings, encoding="utf-8")
    return root


def invoke(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "invoke", "check", *args],
        cwd=project, capture_output=True, text=True, timeout=120, check=False,
        env=environment,
    )  # fmt: skip


def test_errors_exit_one_with_file_line_messages(project):
    done = invoke(project, "--path", "content/posts/rusak/kecamatan.md")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    match = LINE.match(lines[0])
    assert match, lines[0]
    assert match.group("path") == "content/posts/rusak/kecamatan.md"
    assert (match.group("line"), match.group("level")) == ("6", "kesalahan")
    assert match.group("message") == 'Kecamatan "Tembalng" tidak dikenal'
    assert match.group("suggestion") == 'maksud Anda "Tembalang"?'
    assert "1 kesalahan dan 0 peringatan" in lines[-1]


def test_warnings_pass_unless_strict(project):
    path = "content/posts/rusak/opd-id.md"
    assert invoke(project, "--path", path).returncode == 0
    assert invoke(project, "--path", path, "--strict").returncode == 1


def test_good_posts_pass(project):
    done = invoke(project, "--path", "content/posts/baik")
    assert done.returncode == 0, done.stdout
    assert "Semua beres: 7 tulisan diperiksa" in done.stdout


def test_whole_tree_reports_every_problem_in_one_run(project):
    done = invoke(project, "--format", "json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    broken = {Path(p["path"]).stem for p in report["problems"]}
    expected = {p.stem for p in (project / "content/posts/rusak").glob("*.md")}
    assert broken == expected | {"bentrok"}
    assert report["ok"] is False
    assert report["errors"] + report["warnings"] == len(report["problems"])


def test_github_annotations_point_at_the_line(project):
    done = invoke(
        project, "--path", "content/posts/rusak/opd.md", GITHUB_ACTIONS="true"
    )
    first = done.stdout.splitlines()[0]
    assert first.startswith(
        "::error file=content/posts/rusak/opd.md,line=6,title=OPD tidak dikenal::"
    )
    assert 'maksud Anda "diskominfo"?' in first


def test_missing_path_is_an_error(project):
    done = invoke(project, "--path", "content/posts/tidak-ada.md")
    assert done.returncode == 1
    assert (
        "content/posts/tidak-ada.md: kesalahan: Berkas atau folder ini tidak ada"
        in done.stdout
    )
