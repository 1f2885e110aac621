"""admin/server.mjs, what `invoke admin` runs: one loopback origin, a clean checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

from pelita.tools.webeditor.bundle import ADMIN_DIR

from .conftest import READY, _make_repo


def _server(site: Path, repo: Path, *extra: str) -> subprocess.Popen:
    node = shutil.which("node")
    assert node, "make test puts Node on PATH"
    return subprocess.Popen(
        [node, str(ADMIN_DIR / "server.mjs"), "--site", str(site), "--repo",
         str(repo), "--port", "0", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def _site(root: Path) -> Path:
    site = root / "site"
    (site / "admin").mkdir(parents=True)
    (site / "admin" / "index.html").write_text("<!doctype html><title>x</title>")
    return site


def test_a_checkout_with_uncommitted_changes_is_refused(tmp_path: Path):
    repo = tmp_path / "repo"
    _make_repo(repo)
    post = next((repo / "content" / "posts").rglob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\nTulisan belum disimpan.\n")
    process = _server(_site(tmp_path), repo)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 2
    assert "uncommitted changes" in output
    assert post.name in output


def test_without_a_built_editor_it_says_to_build_first(tmp_path: Path):
    repo = tmp_path / "repo"
    _make_repo(repo)
    process = _server(tmp_path / "nothing", repo)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 2
    assert "build the site first (invoke build)" in output


def test_the_site_and_the_backend_share_one_loopback_origin(tmp_path: Path):
    repo = tmp_path / "repo"
    _make_repo(repo)
    process = _server(_site(tmp_path), repo)
    try:
        line = process.stdout.readline() if process.stdout else ""
        found = READY.search(line)
        assert found, line
        origin = found.group(1)
        assert origin.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{origin}/admin/", timeout=10) as page:
            assert page.status == 200
        request = urllib.request.Request(
            f"{origin}/api/v1", data=json.dumps({"action": "info"}).encode(),
            headers={"Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as answer:
            info = json.load(answer)
        assert info["type"] == "local_git"
        assert "editorial_workflow" in info["publish_modes"]
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()
