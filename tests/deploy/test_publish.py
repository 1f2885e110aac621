"""invoke publish and invoke deploy as the workflows run them, over real SSH.

The project's own content (without the demo import) is checked, built for
production, gated and deployed to an sshd on 127.0.0.1; the job summary is
written to a file as GitHub's ``$GITHUB_STEP_SUMMARY`` would be.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from pelita.core.heldback import HELD_BACK_EXIT
from pelita.tools.deploy.cli import run_deploy, run_pin, run_publish, run_unpin
from pelita.tools.deploy.project import load_project

REPO = Path(__file__).resolve().parents[2]
SITEURL = "https://pelita.example"


def copy_project(root: Path) -> Path:
    """The project's settings, theme, data and content (no demo import) in ``root``.

    A copy, so that its build caches (``.cache/``) are its own.
    """
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(REPO / name, root / name)
    for name in ("theme", "data"):
        shutil.copytree(REPO / name, root / name)
    shutil.copytree(
        REPO / "content",
        root / "content",
        ignore=lambda folder, _names: (
            ["demo", "demo-posts"] if folder.endswith("content") else []
        ),
    )
    return root


@pytest.fixture
def published(tmp_path: Path, ssh_server, monkeypatch: pytest.MonkeyPatch):
    """A copy of the project whose rsync target is the sshd."""
    monkeypatch.setenv("SITEURL", SITEURL)
    root = copy_project(tmp_path)
    server = tmp_path / "srv"
    environ = {
        **ssh_server.environ(server),
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTOR": "admin-kominfo",
    }
    project = load_project(root, environ=environ)
    return project, environ, server, tmp_path / "summary.md"


def test_publish_deploys_reports_and_respects_a_pin(published, capsys):
    """One build, then what the workflows do with it (a second, cached build)."""
    project, environ, server, summary = published
    pushed = int(time.time()) - 90
    code = run_publish(
        project.root, "publishconf.py", summary=str(summary), pushed_at=str(pushed),
        environ=environ,
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert (server / "current" / "index.html").is_file()
    assert (server / "current" / "pagefind" / "pagefind.js").is_file()
    text = summary.read_text(encoding="utf-8")
    # The check ran first, before the build; every step passed.
    steps = [line.split("|")[1].strip() for line in text.splitlines()
             if line.startswith("| ") and "passed" in line]  # fmt: skip
    assert steps[:3] == ["check", "settings", "build"]
    assert "The site passed the gate." in text
    files = sum(len(names) for _r, _d, names in os.walk(project.output))
    assert f"Files uploaded: **{files}**" in text
    took = re.search(r"Push to live: \*\*(?:(\d+) min )?(\d+) s\*\*", text)
    assert took, text
    assert int(took[1] or 0) * 60 + int(took[2]) >= 90

    # Held-back posts are listed, and the run ends red although it deployed.
    held = project.state_dir.parent / "held-back.json"
    held.write_text(json.dumps([{
        "file": "content/posts/2025/salah.md", "line": 6, "field": "Kecamatan",
        "value": "Tembalanq", "message": "tidak dikenal; maksudnya 'Tembalang'?",
    }]), encoding="utf-8")  # fmt: skip
    code = run_deploy(
        project.root, "publishconf.py", passed_only=True, summary=str(summary),
        environ=environ,
    )  # fmt: skip
    assert code == HELD_BACK_EXIT  # deployed, and told apart from a failure
    assert "1 post(s) were held back" in capsys.readouterr().err
    text = summary.read_text(encoding="utf-8")
    assert "### Posts held back (1)" in text
    assert "- `content/posts/2025/salah.md:6` — Kecamatan: 'Tembalanq'" in text
    assert "Files uploaded: **0**" in text  # nothing changed since the last one
    held.unlink()
    second = os.readlink(server / "current")

    # A pin: the next publish builds nothing and deploys nothing, and says so.
    assert run_pin(project.root, "publishconf.py", reason="cek dulu",
                   environ=environ) == 0  # fmt: skip
    assert "pinned to " + second.split("/")[-1] in capsys.readouterr().out
    (project.content / "posts" / "baru.md").write_text(
        "Title: Baru\nDate: 2025-09-09 10:00\nCategory: Berita\nSlug: baru\n\nIsi.\n",
        encoding="utf-8",
    )
    gate_record = project.state_dir / "gate.json"
    before = gate_record.stat().st_mtime_ns
    code = run_publish(
        project.root, "publishconf.py", summary=str(summary), environ=environ
    )
    said = capsys.readouterr().out
    assert code == 0
    assert "::warning title=Not deployed: the site is pinned::" in said
    assert "cek dulu" in said
    assert gate_record.stat().st_mtime_ns == before  # nothing was built
    assert os.readlink(server / "current") == second
    text = summary.read_text(encoding="utf-8")
    assert "**Not deployed: the site is pinned**" in text
    assert "by admin-kominfo" in text

    # Deploying on purpose publishes the new post and lifts the pin.
    code = run_publish(project.root, "publishconf.py", force=True, environ=environ)
    assert code == 0
    assert os.readlink(server / "current") != second
    assert list((server / "current").rglob("baru/index.html"))
    assert not (server / "pin.json").exists()
    assert run_unpin(project.root, "publishconf.py", environ=environ) == 0
    assert "unpinned (none was set)" in capsys.readouterr().out


def test_deploy_passed_only_never_builds(published, capsys, make_output):
    project, environ, server, summary = published
    code = run_deploy(
        project.root, "publishconf.py", passed_only=True, summary=str(summary),
        environ=environ,
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert "has not passed the gate" in err
    assert "invoke publish --no-deploy" in err
    # The project's output/, whatever folder the command was started from.
    assert project.output == project.root / "output"
    assert not project.output.exists()  # nothing was built
    assert not server.exists()
    assert "The deploy failed; the site is as it was." in summary.read_text()
