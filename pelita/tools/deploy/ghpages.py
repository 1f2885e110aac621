"""Publish to GitHub Pages: output/ becomes a commit on the ``gh-pages`` branch.

ghp-import writes the commit. Before it runs, the remote branch is fetched so
the new commit sits on top of the published history and the push is a plain
fast-forward: no force push, so every earlier version stays in the branch and
``invoke rollback`` can bring one back (as a new commit, again without force).

A pin lives in the newest commit's message (a ``Pelita-Pin:`` line with the
pin as JSON): a rollback or ``invoke pin`` commit carries it, any later
publish (only with ``force``) or ``invoke unpin`` commit does not. Commits
that serve an older version again name it in a ``Rolled-back-to:`` line.
Git sends only objects the remote lacks, so a publish uploads the files
whose bytes changed (counted from ``git rev-list`` of the new commits).
"""

from __future__ import annotations

import functools
import logging
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from pelita.core.registries import closest

from .base import Outcome, pinned_outcome
from .config import GhPagesConfig
from .errors import DeployConfigError, DeployError
from .pin import Pin, parse_pin

logger = logging.getLogger(__name__)

ROLLBACK_TRAILER = "Rolled-back-to:"
PIN_TRAILER = "Pelita-Pin:"
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

    def publish(
        self, output: Path, revision: str, *, dry_run: bool, force: bool = False
    ) -> Outcome:
        """Commit ``output`` on the pages branch and push it (unless pinned)."""
        self._check_remote()
        before = self._fetch()
        pin = self._pin_of(before) if before else None
        if pin and not force:
            return pinned_outcome(self.name, pin)
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
        files, size = self._new_blobs(before, after)
        details = (f"lifted the pin: the site was {pin.describe()}",) if pin else ()
        return Outcome(
            self.name,
            f"{where} is now {after[:8]} (from {revision}); {files} files uploaded "
            f"({size} bytes)",
            details=details,
            uploaded=files,
            uploaded_bytes=size,
        )

    def rollback(
        self, to: str | None, *, dry_run: bool, pin: Pin | None = None
    ) -> Outcome:
        """Publish the previous version (or commit ``to``) as a new commit, pinned."""
        self._check_remote()
        tip = self._fetch()
        if not tip:
            raise DeployError("deploy: rollback: the pages branch does not exist yet")
        target = to or self._previous(tip)
        target_sha = self._git(["rev-parse", "--verify", f"{target}^{{commit}}"])
        where = f"{self.config.remote}/{self.config.branch}"
        pin = replace(pin, release=target_sha) if pin else None
        if dry_run:
            return Outcome(
                self.name, f"would publish {target_sha[:8]} again", True, pinned=pin
            )
        self._commit_on_top(tip, target_sha, f"Roll back to {target_sha[:8]}", pin)
        logger.info("deploy: ghpages: rolled %s back to %s", where, target_sha[:8])
        pinned = ", pinned" if pin else ""
        return Outcome(
            self.name, f"{where} serves {target_sha[:8]} again{pinned}", pinned=pin
        )

    def read_pin(self) -> Pin | None:
        """The pin in the pages branch's newest commit, or None."""
        self._check_remote()
        tip = self._fetch()
        return self._pin_of(tip) if tip else None

    def set_pin(self, pin: Pin | None) -> Outcome:
        """Pin the version being served (a commit with the pin), or unpin."""
        self._check_remote()
        tip = self._fetch()
        if not tip:
            raise DeployError("deploy: pin: the pages branch does not exist yet")
        served = self._served(tip)
        was = self._pin_of(tip)
        if pin is not None:
            pin = replace(pin, release=served)
            self._commit_on_top(tip, served, f"Pin the site at {served[:8]}", pin)
            return Outcome(self.name, f"the site is {pin.describe()}", pinned=pin)
        if was is None:
            return Outcome(self.name, "unpinned (none was set)")
        self._commit_on_top(tip, served, f"Unpin the site at {served[:8]}", None)
        return Outcome(self.name, f"unpinned (it was {was.describe()})")

    def _commit_on_top(
        self, tip: str, serves: str, subject: str, pin: Pin | None
    ) -> None:
        """Push a commit on ``tip`` whose tree is that of ``serves``."""
        tree = self._git(["rev-parse", f"{serves}^{{tree}}"])
        message = f"{subject}\n\n{ROLLBACK_TRAILER} {serves}\n"
        if pin is not None:
            message += f"{PIN_TRAILER} {pin.to_json()}\n"
        commit = self._git(["commit-tree", tree, "-p", tip, "-m", message])
        self._git(
            ["push", self.config.remote, f"{commit}:refs/heads/{self.config.branch}"]
        )
        self._git(["update-ref", f"refs/heads/{self.config.branch}", commit])

    def _trailers(self, commit: str, key: str) -> list[str]:
        message = self._git(["log", "-1", "--format=%B", commit])
        return [
            line.removeprefix(key).strip()
            for line in message.splitlines()
            if line.startswith(key)
        ]

    def _pin_of(self, commit: str) -> Pin | None:
        found = self._trailers(commit, PIN_TRAILER)
        return parse_pin(found[-1]) if found else None

    def _served(self, tip: str) -> str:
        """The version ``tip`` serves (itself, or what it rolled back to)."""
        found = self._trailers(tip, ROLLBACK_TRAILER)
        return found[-1] if found else tip

    def _new_blobs(self, before: str, after: str) -> tuple[int, int]:
        """Files (blobs) and bytes in ``after`` that ``before`` did not have."""
        listing = ["rev-list", "--objects", "--no-object-names", after]
        if before:
            listing.append(f"^{before}")
        objects = self._git(listing)
        if not objects:
            return 0, 0
        result = subprocess.run(
            ["git", "cat-file", "--batch-check=%(objecttype) %(objectsize)"],
            input=objects + "\n", cwd=self.repository, capture_output=True,
            text=True, check=True, env=self._environment,
        )  # fmt: skip
        sizes = [
            int(size)
            for kind, size in (line.split() for line in result.stdout.splitlines())
            if kind == "blob"
        ]
        return len(sizes), sum(sizes)

    def _previous(self, tip: str) -> str:
        """The version before the one being served (skipping earlier rollbacks)."""
        served = self._served(tip)
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
