"""GitHub Pages deploys with ghp-import into a real local bare repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from pelita.tools.deploy.config import load_deploy_config
from pelita.tools.deploy.errors import DeployConfigError, DeployError
from pelita.tools.deploy.ghpages import GhPagesTarget
from pelita.tools.deploy.pin import new_pin


def git(cwd: Path, *args: str, env: dict | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, env=env
    )
    return result.stdout.strip()


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A project clone whose ``origin`` is a bare repository, and no git identity."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "PATH": os.environ["PATH"],
        "GIT_CONFIG_NOSYSTEM": "1",
        "LANG": "C.UTF-8",
    }
    remote = tmp_path / "pages.git"
    repo = tmp_path / "project"
    git(tmp_path, "init", "--quiet", "--bare", str(remote), env=env)
    git(tmp_path, "init", "--quiet", "-b", "main", str(repo), env=env)
    git(repo, "remote", "add", "origin", str(remote), env=env)
    return repo, remote, env


def pages_target(repo: Path, env: dict[str, str], **extra) -> GhPagesTarget:
    config = load_deploy_config({"ghpages": extra}, environ={}).ghpages
    return GhPagesTarget(config, repo, env)


def tree(remote: Path, ref: str = "gh-pages") -> set[str]:
    return set(git(remote, "ls-tree", "-r", "--name-only", ref).splitlines())


def show(remote: Path, path: str, ref: str = "gh-pages") -> str:
    return git(remote, "show", f"{ref}:{path}")


def test_publish_commits_output_on_top_of_the_published_history(project, make_output):
    repo, remote, env = project
    target = pages_target(repo, env, cname="kabar.example.go.id")
    first = target.publish(make_output(), "aaaa1111", dry_run=False)
    gone = {"berita/dua/index.html": None}
    target.publish(make_output(gone), "bbbb2222", dry_run=False)
    files = tree(remote)
    assert "index.html" in files
    assert ".nojekyll" in files
    assert show(remote, "CNAME") == "kabar.example.go.id"
    assert "berita/dua/index.html" not in files
    log = git(remote, "log", "--format=%s|%an", "gh-pages").splitlines()
    assert log == [
        "Publish site from bbbb2222|Pelita deploy",
        "Publish site from aaaa1111|Pelita deploy",
    ]
    assert "is now" in first.summary


def test_rollback_publishes_the_previous_version_without_force(project, make_output):
    repo, remote, env = project
    target = pages_target(repo, env)
    for version in ("v1", "v2", "v3"):
        target.publish(make_output({"index.html": version}), version, dry_run=False)
    tips = [git(remote, "rev-parse", "gh-pages")]
    assert target.rollback(None, dry_run=True).dry_run
    assert show(remote, "index.html") == "v3"
    target.rollback(None, dry_run=False)
    assert show(remote, "index.html") == "v2"
    tips.append(git(remote, "rev-parse", "gh-pages"))
    target.rollback(None, dry_run=False)
    assert show(remote, "index.html") == "v1"
    # Each rollback is a new commit on top: the history is never rewritten.
    assert git(remote, "rev-parse", "gh-pages~1") == tips[1]
    assert git(remote, "rev-parse", "gh-pages~2") == tips[0]
    with pytest.raises(DeployError, match="first published version"):
        target.rollback(None, dry_run=False)


def test_dry_run_pushes_nothing(project, make_output):
    repo, remote, env = project
    outcome = pages_target(repo, env).publish(make_output(), "cccc", dry_run=True)
    assert "would commit 7 files to origin/gh-pages as the branch's first commit" in (
        outcome.summary
    )
    assert git(remote, "branch", "--list") == ""


def test_an_unknown_remote_is_a_config_error_with_a_suggestion(project, make_output):
    repo, _remote, env = project
    target = pages_target(repo, env, remote="orign")
    with pytest.raises(DeployConfigError, match="did you mean 'origin'"):
        target.publish(make_output(), "dddd", dry_run=False)


def test_a_rejected_push_is_an_error(project, make_output, tmp_path: Path):
    repo, remote, env = project
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'protected branch' >&2\nexit 1\n")
    hook.chmod(0o755)
    with pytest.raises(DeployError, match="protected branch"):
        pages_target(repo, env).publish(make_output(), "eeee", dry_run=False)


def test_a_publish_uploads_only_the_files_whose_bytes_changed(
    project, make_output, site_files
):
    repo, remote, env = project
    target = pages_target(repo, env)
    first = target.publish(make_output(), "aaaa", dry_run=False)
    # Git stores equal bytes once: the distinct contents, and the empty .nojekyll.
    assert first.uploaded == len(set(site_files.values())) + 1
    before = git(remote, "rev-parse", "gh-pages")
    again = target.publish(make_output({"index.html": "<p>baru</p>"}), "bbbb",
                           dry_run=False)  # fmt: skip
    assert (again.uploaded, again.uploaded_bytes) == (1, len("<p>baru</p>"))
    # What the push sent: the objects new to the remote, one blob among them.
    sent = git(remote, "rev-list", "--objects", "gh-pages", f"^{before}").splitlines()
    kinds = [git(remote, "cat-file", "-t", line.split()[0]) for line in sent]
    assert kinds.count("blob") == 1
    names = [line.split(" ", 1)[1] for line in sent if " " in line]
    assert "index.html" in names


def test_a_rollback_pins_until_someone_deploys_on_purpose(project, make_output):
    repo, remote, env = project
    target = pages_target(repo, env)
    for version in ("v1", "v2"):
        target.publish(make_output({"index.html": version}), version, dry_run=False)
    v1 = git(remote, "rev-parse", "gh-pages~1")
    pin = new_pin("", "salah", environ={"GITHUB_ACTOR": "admin"})
    rolled = target.rollback(None, dry_run=False, pin=pin)
    assert rolled.pinned is not None
    assert rolled.pinned.release == v1
    assert target.read_pin() == rolled.pinned
    tip = git(remote, "rev-parse", "gh-pages")
    for dry_run in (True, False):
        held = target.publish(make_output({"index.html": "v3"}), "v3",
                              dry_run=dry_run)  # fmt: skip
        assert held.skipped
        assert held.pinned == rolled.pinned
    assert git(remote, "rev-parse", "gh-pages") == tip
    assert show(remote, "index.html") == "v1"
    forced = target.publish(make_output({"index.html": "v3"}), "v3", dry_run=False,
                            force=True)  # fmt: skip
    assert "lifted the pin" in forced.details[0]
    assert show(remote, "index.html") == "v3"
    assert target.read_pin() is None


def test_pin_and_unpin_keep_what_is_served(project, make_output):
    repo, remote, env = project
    target = pages_target(repo, env)
    for version in ("v1", "v2"):
        target.publish(make_output({"index.html": version}), version, dry_run=False)
    target.rollback(None, dry_run=False)  # an unpinned rollback
    assert target.read_pin() is None
    pinned = target.set_pin(new_pin("", environ={"GITHUB_ACTOR": "a"}))
    served = git(remote, "rev-parse", "gh-pages~3")  # pin, rollback, v2, v1
    assert pinned.pinned is not None
    assert pinned.pinned.release == served  # v1, what the rollback serves
    assert show(remote, "index.html") == "v1"
    assert target.publish(make_output(), "v3", dry_run=False).skipped
    assert "unpinned (it was pinned" in target.set_pin(None).summary
    assert target.read_pin() is None
    assert show(remote, "index.html") == "v1"
    # The pin and unpin commits still know they serve v1: nothing is older.
    with pytest.raises(DeployError, match="first published version"):
        target.rollback(None, dry_run=False)
