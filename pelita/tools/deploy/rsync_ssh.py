"""Publish over SSH with rsync into releases, then switch ``current`` atomically.

On the server, under ``DEPLOY['rsync']['path']``::

    releases/20250908T170001Z-1a2b3c4d/   one folder per deploy
    releases/.partial-<name>/             an upload in progress
    current -> releases/<name>            what the web server serves

Each upload goes to a new ``.partial-`` folder, hard-linking files that did
not change from the current release (``--link-dest``, compared by checksum),
so a nightly deploy sends and stores only what changed. Only a complete
upload is renamed into ``releases/`` and made ``current`` by renaming a new
symlink over the old one, which is atomic: a visitor gets the old site or the
new one, never half of each, and an interrupted upload leaves the old release
serving. The newest ``keep_releases`` releases stay for ``invoke rollback``.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pelita.core.registries import closest

from .base import Outcome
from .config import RsyncConfig
from .errors import DeployError
from .release import is_release_name, new_release_name
from .ssh import SshSession

logger = logging.getLogger(__name__)

LOOK_SCRIPT = r"""
set -eu
if [ "$2" != clean ] && [ ! -d "$1" ]; then exit 0; fi
mkdir -p "$1/releases"
cd "$1"
if [ -e current ] && [ ! -L current ]; then
  echo "$1/current exists and is not a symlink; move it aside once" >&2
  exit 3
fi
if [ "$2" = clean ]; then rm -rf releases/.partial-*; fi
if [ -L current ]; then printf 'current %s\n' "$(readlink current)"; fi
for entry in releases/*; do
  if [ -d "$entry" ]; then printf 'release %s\n' "${entry#releases/}"; fi
done
"""

ACTIVATE_SCRIPT = r"""
set -eu
cd "$1"
name=$2
shift 2
mv "releases/.partial-$name" "releases/$name"
ln -sfn "releases/$name" ".current-$$"
mv -T ".current-$$" current
for old in "$@"; do rm -rf "releases/$old"; done
"""

SWITCH_SCRIPT = r"""
set -eu
cd "$1"
if [ ! -d "releases/$2" ]; then echo "no release $2 in $1/releases" >&2; exit 4; fi
ln -sfn "releases/$2" ".current-$$"
mv -T ".current-$$" current
"""


@dataclass(frozen=True)
class ServerState:
    """The releases on the server and the one ``current`` points to."""

    current: str | None
    releases: tuple[str, ...]


class RsyncTarget:
    """Releases on a server reached over SSH."""

    name = "rsync"

    def __init__(self, config: RsyncConfig, environ: Mapping[str, str] | None = None):
        self.config = config
        self.environ = os.environ if environ is None else environ
        self.base = config.path.rstrip("/")
        SshSession(config, self.environ)  # validate the settings up front

    def publish(self, output: Path, revision: str, *, dry_run: bool) -> Outcome:
        """Upload ``output`` as a new release and make it current."""
        with SshSession(self.config, self.environ) as ssh:
            state = self.look(ssh, clean=not dry_run)
            name = new_release_name(state.releases, revision)
            prune = releases_to_prune(
                [*state.releases, name], self.config.keep_releases, keep=name
            )
            if dry_run:
                return self._dry_run(ssh, output, state, name, prune)
            self._upload(ssh, output, state, name)
            ssh.run_script(ACTIVATE_SCRIPT, self.base, name, *prune)
        where = f"{ssh.destination}:{self.base}"
        logger.info("deploy: rsync: %s/current is now release %s", where, name)
        return Outcome(
            self.name,
            f"release {name} is live at {where}/current",
            details=tuple(f"pruned release {old}" for old in prune),
        )

    def rollback(self, to: str | None, *, dry_run: bool) -> Outcome:
        """Point ``current`` at the release before it (or at ``to``)."""
        with SshSession(self.config, self.environ) as ssh:
            state = self.look(ssh, clean=False)
            target = rollback_target(state, to)
            if not dry_run:
                ssh.run_script(SWITCH_SCRIPT, self.base, target)
        logger.info("deploy: rsync: current %s -> %s", state.current, target)
        verb = "would switch" if dry_run else "switched"
        return Outcome(
            self.name, f"{verb} current from {state.current} to {target}", dry_run
        )

    def look(self, ssh: SshSession, *, clean: bool) -> ServerState:
        """Read the server's releases (and drop stale partial uploads if ``clean``)."""
        text = ssh.run_script(LOOK_SCRIPT, self.base, "clean" if clean else "look")
        current, releases = None, []
        for line in text.splitlines():
            kind, _, value = line.partition(" ")
            if kind == "current":
                current = value.removeprefix("releases/").strip("/") or None
            elif kind == "release" and is_release_name(value):
                releases.append(value)
        return ServerState(current, tuple(sorted(releases)))

    def _rsync_command(self, ssh: SshSession) -> list[str]:
        command = ["rsync", "-rlc", "--chmod=D755,F644", "--delete"]
        command += [
            f"--timeout={self.config.timeout}",
            "-e",
            shlex.join(ssh.ssh_command()),
        ]
        if self.config.rsync_path:
            command.append(f"--rsync-path={self.config.rsync_path}")
        return command + list(self.config.rsync_options)

    def _upload(
        self, ssh: SshSession, output: Path, state: ServerState, name: str
    ) -> None:
        command = self._rsync_command(ssh)
        if state.current in state.releases:
            command.append(f"--link-dest=../{state.current}")
        destination = f"{ssh.destination}:{self.base}/releases/.partial-{name}/"
        command += [f"{output}/", destination]
        logger.info("deploy: rsync: uploading release %s to %s", name, destination)
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise DeployError(
                f"deploy: rsync: the upload of release {name} failed with status "
                f"{result.returncode}; {self.base}/current still serves "
                f"{state.current or 'nothing (first deploy)'}. rsync said: "
                f"{result.stderr.strip()[-2000:]}"
            )

    def _dry_run(
        self,
        ssh: SshSession,
        output: Path,
        state: ServerState,
        name: str,
        prune: list[str],
    ) -> Outcome:
        if state.current is None:
            count = sum(len(files) for _root, _dirs, files in os.walk(output))
            changes = {"new": count, "changed": 0, "deleted": 0}
        else:
            command = [*self._rsync_command(ssh), "--dry-run", "--itemize-changes"]
            command += [f"{output}/", f"{ssh.destination}:{self.base}/current/"]
            result = subprocess.run(
                command, capture_output=True, text=True, check=False
            )
            if result.returncode != 0:
                raise DeployError(
                    f"deploy: rsync: dry run failed: {result.stderr.strip()[-2000:]}"
                )
            changes = count_itemized(result.stdout)
        summary = (
            f"would upload release {name} to {ssh.destination}:{self.base} "
            f"({changes['new']} new, {changes['changed']} changed, "
            f"{changes['deleted']} deleted files against "
            f"{state.current or 'an empty server'})"
        )
        details = tuple(f"would prune release {old}" for old in prune)
        return Outcome(self.name, summary, dry_run=True, details=details)


def count_itemized(text: str) -> dict[str, int]:
    """Count new, changed and deleted files in ``rsync --itemize-changes`` output."""
    counts = {"new": 0, "changed": 0, "deleted": 0}
    for line in text.splitlines():
        if line.startswith("*deleting") and not line.endswith("/"):
            counts["deleted"] += 1
        elif line.startswith(("<f", ">f")):
            counts["new" if line[2:11] == "+++++++++" else "changed"] += 1
    return counts


def releases_to_prune(releases: list[str], count: int, *, keep: str) -> list[str]:
    """The releases beyond the newest ``count``, never ``keep``."""
    ordered = sorted(set(releases))
    return [name for name in ordered[: max(0, len(ordered) - count)] if name != keep]


def rollback_target(state: ServerState, to: str | None) -> str:
    """The release a rollback switches to, or a clear error."""
    if to:
        if to not in state.releases:
            hint = closest(to, state.releases, limit=1)
            raise DeployError(
                f"deploy: rollback: there is no release {to!r} on the server"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
                + f" (releases: {', '.join(state.releases) or 'none'})"
            )
        return to
    if state.current is None or state.current not in state.releases:
        raise DeployError("deploy: rollback: nothing is deployed on the server yet")
    index = state.releases.index(state.current)
    if index == 0:
        raise DeployError(
            f"deploy: rollback: {state.current} is the oldest release kept; "
            "there is nothing older to go back to"
        )
    return state.releases[index - 1]
