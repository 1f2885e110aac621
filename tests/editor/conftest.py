"""The web editor in Chromium against its local backend, one per session.

The backend is ``admin/server.mjs`` (what ``invoke admin`` runs) over a git
repository made in a temporary folder from this checkout's ``content/`` and
``data/``: posts are written there through the forms, never into the
checkout. The editor's files come from ``write_editor``, as a build writes
them; the site's stylesheets beside them serve the preview.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican.settings import read_settings
from playwright.sync_api import expect

from pelita.core.themeassets import collect_assets
from pelita.tools.webeditor import write_editor
from pelita.tools.webeditor.bundle import ADMIN_DIR
from tests.conftest import REPO

PHONE = {"width": 360, "height": 640}
# How long a step of the editor (a click, a check) may take.
TIMEOUT = 20_000
# Small, so a generated photo can be "too big"; the GPS test photo is below it.
PHOTO_MAX_BYTES = 3_000_000
READY = re.compile(r"Ruang Redaksi: (http://127\.0\.0\.1:\d+)/admin/")


@dataclass(frozen=True)
class Editor:
    """A running editor: its URL, the repository it commits to, the settings."""

    url: str
    repo: Path
    settings: dict

    def git(self, *args: str) -> str:
        """Run git in the backend's repository."""
        return subprocess.run(
            ["git", *args], cwd=self.repo, capture_output=True, text=True, check=True
        ).stdout


def _make_repo(repo: Path) -> None:
    shutil.copytree(REPO / "content", repo / "content", ignore=_no_demo_import)
    # The demo's hand-written posts and photos, as a city's own.
    shutil.copytree(
        REPO / "demo" / "posts", repo / "content" / "posts", dirs_exist_ok=True
    )
    shutil.copytree(
        REPO / "demo" / "images", repo / "content" / "images", dirs_exist_ok=True
    )
    shutil.copytree(REPO / "data", repo / "data")
    for command in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "config", "user.email", "redaksi@example.id"],
        ["git", "config", "user.name", "Redaksi"],
        ["git", "add", "."],
        ["git", "commit", "-q", "-m", "Isi awal"],
    ):
        subprocess.run(command, cwd=repo, check=True, capture_output=True)


def _no_demo_import(directory: str, names: list[str]) -> list[str]:
    return ["demo", "demo-posts"] if Path(directory).name == "content" else []


@pytest.fixture(autouse=True)
def patient_expect() -> Iterator[None]:
    """Playwright's checks wait as long as the driver's steps (not 5 s).

    Every step of the editor's flows re-renders a large React form; on a
    loaded two-core machine a check that is about to pass can take longer
    than Playwright's default. Restored after each test, for other suites.
    """
    expect.set_options(timeout=TIMEOUT)
    yield
    expect.set_options(timeout=5_000)


@pytest.fixture(scope="session")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    """The editor and its local git backend on one loopback origin."""
    if not (ADMIN_DIR / "node_modules" / "decap-cms").is_dir():
        pytest.fail("admin/node_modules is missing: run 'make test' (it runs npm ci)")
    root = tmp_path_factory.mktemp("editor")
    repo, site = root / "repo", root / "site"
    _make_repo(repo)
    settings = read_settings(
        str(REPO / "pelicanconf.py"),
        override={"EDITOR": {"photo_max_bytes": PHOTO_MAX_BYTES}},
    )
    assert write_editor(site, settings, REPO) is not None
    # The theme's files as a build publishes them (fingerprinted names).
    for asset in collect_assets(REPO / "theme" / "static").values():
        target = site / "theme" / asset.published
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.data)
    node = shutil.which("node") or str(Path(REPO / ".venv" / "bin" / "node"))
    process = subprocess.Popen(
        [node, str(ADMIN_DIR / "server.mjs"), "--site", str(site), "--repo",
         str(repo), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        line = process.stdout.readline() if process.stdout else ""
        found = READY.search(line)
        if not found:
            pytest.fail(f"admin/server.mjs did not start: {line}")
        yield Editor(found.group(1), repo, settings)
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()
