"""scripts/commit-import against a real remote: commit only changes, retry pushes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "commit-import"


def run(cwd: Path, *args: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        list(args), cwd=cwd, capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Path, Path, Path, dict[str, str]]:
    """A bare origin with one commit on main, and two clones of it."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": os.environ["PATH"],
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Admin",
        "GIT_AUTHOR_EMAIL": "admin@example.go.id",
        "GIT_COMMITTER_NAME": "Admin",
        "GIT_COMMITTER_EMAIL": "admin@example.go.id",
        "PELITA_PUSH_BACKOFF": "0",
    }
    origin = tmp_path / "origin.git"
    run(tmp_path, "git", "init", "-q", "--bare", "-b", "main", str(origin), env=env)
    seed = tmp_path / "seed"
    run(tmp_path, "git", "clone", "-q", str(origin), str(seed), env=env)
    (seed / "README.md").write_text("Pelita\n")
    run(seed, "git", "checkout", "-q", "-b", "main", env=env)
    run(seed, "git", "add", "README.md", env=env)
    run(seed, "git", "commit", "-q", "-m", "start", env=env)
    run(seed, "git", "push", "-q", "origin", "main", env=env)
    nightly = tmp_path / "nightly"
    run(tmp_path, "git", "clone", "-q", str(origin), str(nightly), env=env)
    return origin, seed, nightly, env


def write_post(root: Path, name: str, text: str = "Title: x\n\nIsi\n") -> None:
    path = root / "content" / "imported" / "dinkes" / "2025" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def log(origin: Path, env: dict[str, str]) -> list[str]:
    return run(origin, "git", "log", "--format=%an|%s", "main", env=env).splitlines()


def test_nothing_changed_means_no_commit(clones):
    origin, _seed, nightly, env = clones
    output = run(nightly, str(SCRIPT), "main", env=env)
    assert "nothing was imported" in output
    (nightly / "data").mkdir()
    (nightly / "data" / "import-state.json").write_text("{}\n")
    run(nightly, str(SCRIPT), "main", env=env)
    output = run(nightly, str(SCRIPT), "main", env=env)
    assert "no new or changed posts" in output
    assert len(log(origin, env)) == 2


def test_new_posts_are_committed_by_the_bot_and_pushed(clones):
    origin, _seed, nightly, env = clones
    write_post(nightly, "a.md")
    write_post(nightly, "b.md")
    (nightly / "stray.txt").write_text("not part of the import")
    run(nightly, str(SCRIPT), "main", env=env)
    newest = log(origin, env)[0]
    assert newest.startswith("github-actions[bot]|Nightly import ")
    assert newest.endswith(": 2 new, 0 updated files")
    files = run(origin, "git", "ls-tree", "-r", "--name-only", "main", env=env)
    assert "content/imported/dinkes/2025/a.md" in files.splitlines()
    assert "stray.txt" not in files


def test_a_push_race_is_rebased_and_retried(clones):
    origin, seed, nightly, env = clones
    (seed / "content" / "posts").mkdir(parents=True)
    (seed / "content" / "posts" / "admin.md").write_text("Title: admin\n\nIsi\n")
    run(seed, "git", "add", "content", env=env)
    run(seed, "git", "commit", "-q", "-m", "An admin's post", env=env)
    run(seed, "git", "push", "-q", "origin", "main", env=env)
    write_post(nightly, "c.md")
    output = run(nightly, str(SCRIPT), "main", env=env)
    assert "push 1/5 was rejected" in output
    subjects = [line.split("|", 1)[1] for line in log(origin, env)]
    assert subjects[1] == "An admin's post"
    assert subjects[0].startswith("Nightly import")
