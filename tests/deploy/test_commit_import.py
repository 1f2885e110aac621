"""scripts/import-patch and scripts/commit-import against a real bare remote.

The import job (no write token) turns what the importer wrote into a patch;
the commit job applies it, commits and pushes; a rebase that conflicts is
aborted and the import kept on a side branch.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .git_http import git_http_server

REPO = Path(__file__).resolve().parents[2]
COMMIT = REPO / "scripts" / "commit-import"
SITE = REPO / ".github" / "workflows" / "site.yml"
# A credential helper for the test's own clone (commit-import brings its own).
HELPER = '!f() { echo username=x-access-token; echo "password=$PELITA_PUSH_TOKEN"; }; f'

PATCH = REPO / "scripts" / "import-patch"
POST = "content/imported/dinkes/2025/a.md"


def run(cwd: Path, *args: str, env: dict[str, str], code: int = 0) -> str:
    result = subprocess.run(
        list(args), cwd=cwd, capture_output=True, text=True, check=False, env=env
    )
    assert result.returncode == code, result.stdout + result.stderr
    return (result.stdout + result.stderr).strip()


@dataclass
class Clones:
    """A bare origin with one commit on main, an admin's clone and the bot's."""

    tmp: Path
    origin: Path
    admin: Path
    nightly: Path
    env: dict[str, str]

    def clone(self, name: str) -> Path:
        path = self.tmp / name
        run(self.tmp, "git", "clone", "-q", str(self.origin), str(path), env=self.env)
        return path

    def log(self, ref: str = "main") -> list[str]:
        return run(
            self.origin, "git", "log", "--format=%an|%s", ref, env=self.env
        ).splitlines()

    def files(self, ref: str = "main") -> list[str]:
        listing = run(
            self.origin, "git", "ls-tree", "-r", "--name-only", ref, env=self.env
        )
        return listing.splitlines()

    def admin_commits(self, name: str, text: str, message: str) -> None:
        write(self.admin, name, text)
        run(self.admin, "git", "add", "--all", env=self.env)
        run(self.admin, "git", "commit", "-q", "-m", message, env=self.env)
        run(self.admin, "git", "push", "-q", "origin", "main", env=self.env)


@pytest.fixture
def clones(tmp_path: Path) -> Clones:
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
    run(seed, "git", "checkout", "-q", "-b", "main", env=env)
    write(seed, "README.md", "Pelita\n")
    write(seed, POST, "Title: Lama\n\nIsi lama\n")
    write(seed, "data/import-state.json", '{"at": 1}\n')
    run(seed, "git", "add", "--all", env=env)
    run(seed, "git", "commit", "-q", "-m", "start", env=env)
    run(seed, "git", "push", "-q", "origin", "main", env=env)
    found = Clones(tmp_path, origin, seed, tmp_path / "nightly", env)
    found.clone("nightly")
    return found


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_post(root: Path, name: str, text: str = "Title: x\n\nIsi\n") -> None:
    write(root, f"content/imported/dinkes/2025/{name}", text)


def outputs(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


# --- scripts/commit-import on the working tree --------------------------------


def test_nothing_changed_means_no_commit(clones: Clones):
    output = run(clones.nightly, str(COMMIT), "main", env=clones.env)
    assert "no new or changed posts" in output
    write(clones.nightly, "data/import-state.json", '{"at": 2}\n')
    run(clones.nightly, str(COMMIT), "main", env=clones.env)
    output = run(clones.nightly, str(COMMIT), "main", env=clones.env)
    assert "no new or changed posts" in output
    assert len(clones.log()) == 2


def test_new_posts_are_committed_by_the_bot_and_pushed(clones: Clones):
    write_post(clones.nightly, "b.md")
    write_post(clones.nightly, "c.md")
    write(clones.nightly, "stray.txt", "not part of the import")
    run(clones.nightly, str(COMMIT), "main", env=clones.env)
    newest = clones.log()[0]
    assert newest.startswith("github-actions[bot]|Import ")
    assert newest.endswith(" UTC: 2 new, 0 updated files")
    assert "content/imported/dinkes/2025/b.md" in clones.files()
    assert "stray.txt" not in clones.files()


def test_a_push_race_is_rebased_and_retried(clones: Clones):
    clones.admin_commits("content/posts/admin.md", "Title: admin\n\nIsi\n", "Admin")
    write_post(clones.nightly, "d.md")
    output = run(clones.nightly, str(COMMIT), "main", env=clones.env)
    assert "push 1/5 was rejected" in output
    subjects = [line.split("|", 1)[1] for line in clones.log()]
    assert subjects[1] == "Admin"
    assert subjects[0].startswith("Import ")


def test_a_conflicting_rebase_is_aborted_and_the_import_kept_apart(clones: Clones):
    clones.admin_commits(POST, "Title: Lama\n\nDiperbaiki admin\n", "Admin's fix")
    write(clones.nightly, POST, "Title: Lama\n\nIsi baru dari umpan\n")
    write_post(clones.nightly, "e.md")
    summary = clones.tmp / "summary.md"
    env = {
        **clones.env,
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "kota/pelita",
    }
    output = run(clones.nightly, str(COMMIT), "main", env=env, code=3)

    assert f"conflict in {POST}" in output
    assert f"::error::The import conflicts with main in {POST}" in output
    # The rebase is aborted: no markers, nothing half-applied, no rebase state.
    status = run(clones.nightly, "git", "status", "--porcelain", env=clones.env)
    assert status == ""
    text = (clones.nightly / POST).read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    assert text == "Title: Lama\n\nIsi baru dari umpan\n"
    assert not (clones.nightly / ".git" / "rebase-merge").exists()
    # main keeps the admin's edit; the import waits on a side branch.
    assert clones.log()[0] == "Admin|Admin's fix"
    branches = run(clones.origin, "git", "branch", "--list", "pelita-import/*",
                   env=clones.env)  # fmt: skip
    side = branches.strip().lstrip("* ")
    assert side.startswith("pelita-import/")
    assert clones.log(side)[0].startswith("github-actions[bot]|Import ")
    assert "content/imported/dinkes/2025/e.md" in clones.files(side)
    written = summary.read_text(encoding="utf-8")
    assert f"- `{POST}`" in written
    assert f"`{side}`" in written
    assert f"https://github.com/kota/pelita/compare/main...{side}?expand=1" in written


# --- scripts/import-patch, then commit-import --patch in another clone --------


def import_patch(clones: Clones, *flags: str) -> tuple[Path, dict[str, str]]:
    patch = clones.tmp / "out" / "import.patch"
    github_output = clones.tmp / "github-output"
    github_output.unlink(missing_ok=True)
    env = {**clones.env, "GITHUB_OUTPUT": str(github_output)}
    run(clones.nightly, str(PATCH), *flags, str(patch), env=env)
    return patch, outputs(github_output)


def test_an_hourly_run_with_only_a_new_state_is_nothing_new(clones: Clones):
    write(clones.nightly, "data/import-state.json", '{"at": 2}\n')
    patch, found = import_patch(clones)
    assert found == {"changed": "false", "posts_new": "0", "posts_changed": "0"}
    assert patch.read_bytes() == b""
    # The commit job, if it ran anyway, would do nothing with an empty patch.
    committer = clones.clone("committer")
    output = run(committer, str(COMMIT), "--patch", str(patch), "main", env=clones.env)
    assert "nothing was imported" in output
    assert len(clones.log()) == 1
    # The nightly run commits the day's state even when no post is new.
    patch, found = import_patch(clones, "--with-state")
    assert found["changed"] == "true"
    assert b"data/import-state.json" in patch.read_bytes()


def test_the_patch_carries_posts_images_deletions_and_state(clones: Clones):
    write_post(clones.nightly, "baru.md")
    write(clones.nightly, POST, "Title: Lama\n\nDiperbarui\n")
    image = clones.nightly / "content/images/imported/ab12.webp"
    image.parent.mkdir(parents=True)
    image.write_bytes(bytes(range(256)) * 8)
    write(clones.nightly, "data/import-state.json", '{"at": 3}\n')
    write(clones.nightly, "theme/not-the-import.html", "<p>stray</p>")
    # Nothing of this is staged in the bot's own index.
    patch, found = import_patch(clones)
    assert found == {"changed": "true", "posts_new": "2", "posts_changed": "1"}
    assert run(clones.nightly, "git", "diff", "--cached", "--name-only",
               env=clones.env) == ""  # fmt: skip

    committer = clones.clone("committer")
    run(committer, str(COMMIT), "--patch", str(patch), "main", env=clones.env)
    assert clones.log()[0].endswith(": 2 new, 1 updated files")
    files = clones.files()
    assert "content/imported/dinkes/2025/baru.md" in files
    assert "theme/not-the-import.html" not in files
    shown = subprocess.run(
        ["git", "show", "main:content/images/imported/ab12.webp"],
        cwd=clones.origin, capture_output=True, check=True, env=clones.env,
    ).stdout  # fmt: skip
    assert shown == image.read_bytes()


def hostile_patch(clones: Clones, change: str) -> Path:
    """A patch made in a scratch clone by ``change`` (a shell snippet)."""
    scratch = clones.clone(f"hostile-{abs(hash(change))}")
    write_post(scratch, "legit.md")  # a good part, which must not land either
    run(scratch, "bash", "-c", change, env=clones.env)
    run(scratch, "git", "add", "--all", env=clones.env)
    patch = clones.tmp / f"hostile-{abs(hash(change))}.patch"
    diff = run(scratch, "git", "diff", "--cached", "--binary", "--full-index",
               "-M", "HEAD", env=clones.env)  # fmt: skip
    patch.write_text(diff + "\n", encoding="utf-8")
    return patch


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("mkdir -p .github/workflows && echo x > .github/workflows/evil.yml",
         "touches '.github/workflows/evil.yml'"),
        ("echo x > tasks.py", "touches 'tasks.py'"),
        ("mkdir -p content/posts && echo x > content/posts/palsu.md",
         "touches 'content/posts/palsu.md'"),
        ("ln -s ../../../.git/config content/imported/dinkes/2025/link.md",
         "create mode 120000"),
        ("echo '#!/bin/sh' > content/imported/x.md && chmod +x content/imported/x.md",
         "create mode 100755"),
        (f"chmod +x {POST}", "mode change 100644 => 100755"),
        (f"git mv {POST} content/imported/dinkes/2025/b.md",
         "'rename content/imported/dinkes/2025/{a.md => b.md}"),
    ],
)  # fmt: skip
def test_a_hostile_patch_is_refused_whole(clones: Clones, change: str, message: str):
    patch = hostile_patch(clones, change)
    committer = clones.clone("committer")
    output = run(committer, str(COMMIT), "--patch", str(patch), "main",
                 env=clones.env, code=1)  # fmt: skip
    assert message in output
    assert len(clones.log()) == 1
    assert "content/imported/dinkes/2025/legit.md" not in clones.files()
    assert run(committer, "git", "status", "--porcelain", env=clones.env) == ""


# --- the token, offered from the environment only ----------------------------


def test_the_push_token_comes_from_the_environment_and_stays_off_the_disk(
    clones: Clones,
):
    token = "ghs_test_token_0123456789"
    with git_http_server(clones.tmp, token) as (url, seen):
        env = {**clones.env, "GIT_TERMINAL_PROMPT": "0"}
        cloning = {**env, "PELITA_PUSH_TOKEN": token, "GIT_CONFIG_COUNT": "1",
                   "GIT_CONFIG_KEY_0": "credential.helper",
                   "GIT_CONFIG_VALUE_0": HELPER}  # fmt: skip
        without, committer = clones.tmp / "no-token", clones.tmp / "token"
        for clone in (without, committer):
            run(clones.tmp, "git", "clone", "-q", f"{url}/origin.git", str(clone),
                env=cloning)  # fmt: skip
            write_post(clone, "http.md")
        # Without the token git has nothing to offer: nothing is pushed.
        output = run(without, str(COMMIT), "main", env=env, code=1)
        assert "could not fetch main from origin" in output
        assert len(clones.log()) == 1
        output = run(committer, str(COMMIT), "main",
                     env={**env, "PELITA_PUSH_TOKEN": token})  # fmt: skip
        assert "pushed" in output
    assert "content/imported/dinkes/2025/http.md" in clones.files()
    assert any(header.startswith("Basic ") for header in seen)
    config = (committer / ".git" / "config").read_text(encoding="utf-8")
    assert token not in config
    assert "extraheader" not in config


def test_the_deploy_jobs_credential_helper_pushes_with_the_token(clones: Clones):
    """The helper site.yml hands git through GIT_CONFIG_* for the ghpages push."""
    step = next(
        s for s in yaml.safe_load(SITE.read_text(encoding="utf-8"))["jobs"]["deploy"]
        ["steps"] if "invoke deploy" in s.get("run", "")
    )  # fmt: skip
    names = {key: step["env"][key] for key in step["env"] if key.startswith("GIT_")}
    token = "ghs_deploy_token_42"
    with git_http_server(clones.tmp, token) as (url, _seen):
        clone = clones.tmp / "deploy-clone"
        env = {**clones.env, **names, "PELITA_PUSH_TOKEN": token,
               "GIT_TERMINAL_PROMPT": "0"}  # fmt: skip
        run(clones.tmp, "git", "clone", "-q", f"{url}/origin.git", str(clone), env=env)
        write_post(clone, "pages.md")
        run(clone, "git", "add", "-A", env=env)
        run(clone, "git", "commit", "-q", "-m", "pages", env=env)
        run(clone, "git", "push", "-q", "origin", "HEAD:refs/heads/gh-pages", env=env)
        wrong = {**env, "PELITA_PUSH_TOKEN": "not-the-token"}
        run(clone, "git", "push", "-q", "origin", "HEAD:refs/heads/other", env=wrong,
            code=128)  # fmt: skip
    assert "content/imported/dinkes/2025/pages.md" in clones.files("gh-pages")
    assert token not in (clone / ".git" / "config").read_text(encoding="utf-8")
