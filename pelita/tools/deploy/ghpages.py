"""Publish to GitHub Pages: output/ becomes a commit on the ``gh-pages`` branch.

ghp-import writes the commit. Before it runs, the remote branch is fetched so
the new commit sits on top of the published history and the push is a plain
fast-forward: no force push, so every earlier version stays in the branch and
``invoke rollback`` can bring one back (as a new commit, again without force).
"""

from __future__ import annotations

import functools
import logging
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from pelita.core.registries import closest

from .base import Outcome
from .config import GhPagesConfig
from .errors import DeployConfigError, DeployError

logger = logging.getLogger(__name__)

ROLLBACK_TRAILER = "Rolled-back-to:"
_BOT = ("Pelita deploy", "pelita-deploy@users.noreply.github.com")


class GhPagesTarget:
    """A branch of a git remote, served by GitHub Pages."""

    name = "ghpages"

    def __init__(
        self,
        config: GhPagesConfig,
        repository: Path,
        environ: Mapping[str, str] | None = None,
    ):
        self.config = config
        self.repository = Path(repository)
        self.environ = dict(os.environ if environ is None else environ)
        if not re.fullmatch(r"[A-Za-z0-9._/-]+", config.branch):
            raise DeployConfigError(
                f"deploy: DEPLOY['ghpages']['branch'] is {config.branch!r}; "
                "expected a branch name such as 'gh-pages'"
            )

    def publish(self, output: Path, revision: str, *, dry_run: bool) -> Outcome:
        """Commit ``output`` on the pages branch and push it."""
        self._check_remote()
        before = self._fetch()
        where = f"{self.config.remote}/{self.config.branch}"
        if dry_run:
            count = sum(len(files) for _root, _dirs, files in os.walk(output))
            base = (
                f"on top of {before[:8]}" if before else "as the branch's first commit"
            )
            return Outcome(
                self.name, f"would commit {count} files to {where} {base}", True
            )
        command = [sys.executable, "-m", "ghp_import", "--push"]
        command += ["--remote", self.config.remote, "--branch", self.config.branch]
        command += ["--message", self.config.message.format(sha=revision)]
        if self.config.nojekyll:
            command.append("--no-jekyll")
        if self.config.cname:
            command += ["--cname", self.config.cname]
        self._git_run([*command, str(output)], "ghp-import")
        after = self._fetch()
        if not after or after == before:
            raise DeployError(
                f"deploy: ghpages: {where} did not change after ghp-import; "
                "the commit was not made or not pushed (see the messages above)"
            )
        logger.info("deploy: ghpages: %s is now %s", where, after[:8])
        return Outcome(self.name, f"{where} is now {after[:8]} (from {revision})")

    def rollback(self, to: str | None, *, dry_run: bool) -> Outcome:
        """Publish the previous version (or commit ``to``) as a new commit."""
        self._check_remote()
        tip = self._fetch()
        if not tip:
            raise DeployError("deploy: rollback: the pages branch does not exist yet")
        target = to or self._previous(tip)
        target_sha = self._git(["rev-parse", "--verify", f"{target}^{{commit}}"])
        where = f"{self.config.remote}/{self.config.branch}"
        if dry_run:
            return Outcome(self.name, f"would publish {target_sha[:8]} again", True)
        tree = self._git(["rev-parse", f"{target_sha}^{{tree}}"])
        message = f"Roll back to {target_sha[:8]}\n\n{ROLLBACK_TRAILER} {target_sha}\n"
        commit = self._git(["commit-tree", tree, "-p", tip, "-m", message])
        refspec = f"{commit}:refs/heads/{self.config.branch}"
        self._git(["push", self.config.remote, refspec])
        self._git(["update-ref", f"refs/heads/{self.config.branch}", commit])
        logger.info("deploy: ghpages: rolled %s back to %s", where, target_sha[:8])
        return Outcome(self.name, f"{where} serves {target_sha[:8]} again")

    def _previous(self, tip: str) -> str:
        """The version before the one being served (skipping earlier rollbacks)."""
        served = tip
        message = self._git(["log", "-1", "--format=%B", tip])
        for line in message.splitlines():
            if line.startswith(ROLLBACK_TRAILER):
                served = line.removeprefix(ROLLBACK_TRAILER).strip()
        parents = self._git(["rev-list", "--parents", "-n", "1", served]).split()
        if len(parents) < 2:
            raise DeployError(
                f"deploy: rollback: {served[:8]} is the first published version; "
                "there is nothing older to go back to"
            )
        return parents[1]

    def _check_remote(self) -> None:
        remotes = self._git(["remote"]).split()
        if self.config.remote not in remotes:
            hint = closest(self.config.remote, remotes, limit=1)
            raise DeployConfigError(
                f"deploy: DEPLOY['ghpages']['remote'] is {self.config.remote!r}, "
                f"not a git remote of {self.repository} (remotes: "
                f"{', '.join(remotes) or 'none'})"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
            )

    def _fetch(self) -> str:
        """Fetch the pages branch; return its commit ('' when it does not exist)."""
        branch, remote = self.config.branch, self.config.remote
        found = self._git(["ls-remote", "--heads", remote, f"refs/heads/{branch}"])
        if not found:
            return ""
        self._git(
            [
                "fetch",
                "--quiet",
                remote,
                f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}",
            ]
        )
        return self._git(["rev-parse", f"refs/remotes/{remote}/{branch}"])

    @functools.cached_property
    def _environment(self) -> dict[str, str]:
        """The environment for git, with a committer when git has none."""
        env = dict(self.environ)
        for key, role, value in (
            ("user.name", "NAME", _BOT[0]),
            ("user.email", "EMAIL", _BOT[1]),
        ):
            if f"GIT_COMMITTER_{role}" not in env and not self._config_value(key):
                env[f"GIT_COMMITTER_{role}"] = value
                env.setdefault(f"GIT_AUTHOR_{role}", value)
        return env

    def _config_value(self, key: str) -> str:
        result = subprocess.run(
            ["git", "config", key], cwd=self.repository, capture_output=True,
            text=True, check=False, env=self.environ,
        )  # fmt: skip
        return result.stdout.strip()

    def _git(self, args: list[str]) -> str:
        return self._git_run(["git", *args], f"git {args[0]}").strip()

    def _git_run(self, command: list[str], what: str) -> str:
        result = subprocess.run(
            command, cwd=self.repository, capture_output=True, text=True,
            check=False, env=self._environment,
        )  # fmt: skip
        if result.returncode != 0:
            raise DeployError(
                f"deploy: ghpages: {what} failed with status {result.returncode}: "
                f"{(result.stderr or result.stdout).strip()[-2000:]}"
            )
        return result.stdout
