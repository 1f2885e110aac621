"""Publish over SSH with rsync into releases, then switch ``current`` atomically.

On the server, under ``DEPLOY['rsync']['path']``::

    releases/20250908T170001Z-1a2b3c4d/   one folder per deploy
    releases/.partial-<name>/             an upload in progress
    current -> releases/<name>            what the web server serves
    pin.json                              a rollback that stays (see pin.py)
    .deploy.lock, .deploy.lock.owner      one deploy at a time (see lock.py)

Each upload goes to a new ``.partial-`` folder, hard-linking files that did
not change from the current release (``--link-dest``, compared by checksum),
so a nightly deploy sends and stores only what changed. Only a complete
upload is renamed into ``releases/`` and made ``current`` by renaming a new
symlink over the old one, which is atomic: a visitor gets the old site or the
new one, never half of each, and an interrupted upload leaves the old release
serving. The newest ``keep_releases`` releases stay for ``invoke rollback``.

Every deploy, rollback and pin holds the server's deploy lock from the first
look to the switch, so no deploy cleans up (or switches over) another one's
upload in progress. The outcome counts the files whose bytes were sent
(``rsync --stats``); every other file is a hard link to the live release.
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .base import Outcome, pinned_outcome
from .config import RsyncConfig
from .errors import DeployError
from .lock import ServerLock, lock_owner
from .pin import Pin
from .release import new_release_name
from .rsync_server import (
    ACTIVATE_SCRIPT,
    LOOK_SCRIPT,
    PIN_SCRIPT,
    SWITCH_SCRIPT,
    ServerState,
    read_state,
    releases_to_prune,
    rollback_target,
)
from .ssh import SshSession

logger = logging.getLogger(__name__)


class RsyncTarget:
    """Releases on a server reached over SSH."""

    name = "rsync"

    def __init__(self, config: RsyncConfig, environ: Mapping[str, str] | None = None):
        self.config = config
        self.environ = os.environ if environ is None else environ
        self.base = config.path.rstrip("/")
        SshSession(config, self.environ)  # validate the settings up front

    def publish(
        self, output: Path, revision: str, *, dry_run: bool, force: bool = False
    ) -> Outcome:
        """Upload ``output`` as a new release and make it current (unless pinned)."""
        with SshSession(self.config, self.environ) as ssh:
            if dry_run:
                state = self.look(ssh, clean=False)
                if state.pin and not force:
                    return pinned_outcome(self.name, state.pin)
                name = new_release_name(state.releases, revision)
                prune = releases_to_prune(
                    [*state.releases, name], self.config.keep_releases, keep=name
                )
                return self._dry_run(ssh, output, state, name, prune)
            with self._lock(ssh, f"deploy of {revision}") as lock:
                state = self.look(ssh, clean=True)
                if state.pin and not force:
                    return pinned_outcome(self.name, state.pin)
                name = new_release_name(state.releases, revision)
                prune = releases_to_prune(
                    [*state.releases, name], self.config.keep_releases, keep=name
                )
                sent = self._upload(ssh, output, state, name)
                lock.ensure_held()
                ssh.run_script(ACTIVATE_SCRIPT, self.base, name, *prune)
        where = f"{ssh.destination}:{self.base}"
        logger.info("deploy: rsync: %s/current is now release %s", where, name)
        details = [f"pruned release {old}" for old in prune]
        if state.pin:
            details.append(f"lifted the pin: the site was {state.pin.describe()}")
        return Outcome(
            self.name,
            f"release {name} is live at {where}/current; {sent.files} files "
            f"uploaded ({sent.size} bytes), {sent.unchanged} unchanged files "
            "linked from the previous release",
            details=tuple(details),
            uploaded=sent.files,
            uploaded_bytes=sent.size,
            unchanged=sent.unchanged,
        )

    def rollback(
        self, to: str | None, *, dry_run: bool, pin: Pin | None = None
    ) -> Outcome:
        """Point ``current`` at the release before it (or at ``to``), pinned."""
        with SshSession(self.config, self.environ) as ssh:
            if dry_run:
                state = self.look(ssh, clean=False)
                target = rollback_target(state, to)
            else:
                with self._lock(ssh, "rollback"):
                    state = self.look(ssh, clean=False)
                    target = rollback_target(state, to)
                    stored = replace(pin, release=target).to_json() if pin else ""
                    ssh.run_script(SWITCH_SCRIPT, self.base, target, stored)
        logger.info("deploy: rsync: current %s -> %s", state.current, target)
        verb = "would switch" if dry_run else "switched"
        pinned = " and pin it" if pin and dry_run else " and pinned it" if pin else ""
        return Outcome(
            self.name,
            f"{verb} current from {state.current} to {target}{pinned}",
            dry_run,
            pinned=replace(pin, release=target) if pin else None,
        )

    def read_pin(self) -> Pin | None:
        """The pin in ``<path>/pin.json``, or None."""
        with SshSession(self.config, self.environ) as ssh:
            return self.look(ssh, clean=False).pin

    def set_pin(self, pin: Pin | None) -> Outcome:
        """Pin the release being served (``pin.release`` is set to it), or unpin."""
        with (
            SshSession(self.config, self.environ) as ssh,
            self._lock(ssh, "pin" if pin else "unpin"),
        ):
            state = self.look(ssh, clean=False)
            if pin is not None:
                if state.current is None:
                    raise DeployError(
                        "deploy: pin: nothing is deployed on the server yet"
                    )
                pin = replace(pin, release=state.current)
            ssh.run_script(PIN_SCRIPT, self.base, pin.to_json() if pin else "")
        if pin:
            return Outcome(self.name, f"the site is {pin.describe()}", pinned=pin)
        was = f" (it was {state.pin.describe()})" if state.pin else " (none was set)"
        return Outcome(self.name, f"unpinned{was}")

    def _lock(self, ssh: SshSession, what: str) -> ServerLock:
        owner = lock_owner(what, self.environ)
        return ServerLock(ssh, self.base, owner, self.config.lock_wait)

    def look(self, ssh: SshSession, *, clean: bool) -> ServerState:
        """Read the server's releases (and drop stale partial uploads if ``clean``)."""
        text = ssh.run_script(LOOK_SCRIPT, self.base, "clean" if clean else "look")
        return read_state(text)

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
    ) -> Sent:
        command = [*self._rsync_command(ssh), "--stats"]
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
        return parse_stats(result.stdout)

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


@dataclass(frozen=True)
class Sent:
    """What one upload sent: files whose bytes changed, their size, the rest."""

    files: int
    size: int
    unchanged: int


_STAT = re.compile(r"^(?P<label>[A-Za-z ]+): (?P<number>[\d.,]+)", re.MULTILINE)
_REGULAR = re.compile(r"^Number of files: [\d.,]+ \(reg: (?P<number>[\d.,]+)", re.M)


def _number(text: str) -> int:
    """A number as rsync prints it, with its thousands separators (1,234)."""
    return int(re.sub(r"[.,]", "", text))


def parse_stats(text: str) -> Sent:
    """Read ``rsync --stats``: regular files in the release, and those sent."""
    numbers = {
        found["label"]: _number(found["number"]) for found in _STAT.finditer(text)
    }
    if "Number of regular files transferred" not in numbers:
        raise DeployError(f"deploy: rsync: no statistics in its output: {text[-500:]}")
    sent = numbers["Number of regular files transferred"]
    regular = _REGULAR.search(text)
    total = _number(regular["number"]) if regular else sent
    return Sent(sent, numbers.get("Total transferred file size", 0), total - sent)


def count_itemized(text: str) -> dict[str, int]:
    """Count new, changed and deleted files in ``rsync --itemize-changes`` output."""
    counts = {"new": 0, "changed": 0, "deleted": 0}
    for line in text.splitlines():
        if line.startswith("*deleting") and not line.endswith("/"):
            counts["deleted"] += 1
        elif line.startswith(("<f", ">f")):
            counts["new" if line[2:11] == "+++++++++" else "changed"] += 1
    return counts
