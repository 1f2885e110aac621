"""SSH for the rsync target: one place that builds the ``ssh`` command line.

Secrets come only from the environment: ``PELITA_DEPLOY_SSH_KEY`` (the key
itself, as a CI secret holds it) and ``PELITA_DEPLOY_KNOWN_HOSTS`` (the
server's host key lines) are written to a private temporary folder for the
length of one deploy. Host keys are always checked (``BatchMode`` never asks,
``StrictHostKeyChecking`` never accepts an unknown key on its own).
"""

from __future__ import annotations

import logging
import os
import re
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType

from .config import RsyncConfig
from .errors import DeployConfigError, DeployError

logger = logging.getLogger(__name__)

_SAFE_PATH = re.compile(r"^[A-Za-z0-9._/+@=-]+$")


class SshSession:
    """The ssh options and destination of one deploy; a context manager."""

    def __init__(self, config: RsyncConfig, environ: Mapping[str, str] | None = None):
        self.config = config
        self.environ = os.environ if environ is None else environ
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._control = ""
        self.identity_file = config.identity_file
        self.known_hosts_file = config.known_hosts_file
        _validate(config)

    def __enter__(self) -> SshSession:
        self._tmp = tempfile.TemporaryDirectory(prefix="pelita-ssh-")
        folder = Path(self._tmp.name)
        folder.chmod(0o700)
        # One connection for every command of this deploy (ssh multiplexing).
        self._control = str(folder / "cm-%C")
        key = self.environ.get("PELITA_DEPLOY_SSH_KEY", "")
        known = self.environ.get("PELITA_DEPLOY_KNOWN_HOSTS", "")
        if key:
            self.identity_file = str(_write_private(folder / "id", key))
        if known:
            self.known_hosts_file = str(_write_private(folder / "known", known))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._control:
            subprocess.run(
                [*self.ssh_command(), "-O", "exit", self.destination],
                capture_output=True,
                check=False,
                timeout=self.config.timeout,
            )
        if self._tmp is not None:
            self._tmp.cleanup()

    @property
    def destination(self) -> str:
        """``user@host`` (or just ``host``)."""
        user = self.config.user
        return f"{user}@{self.config.host}" if user else self.config.host

    def ssh_command(self) -> list[str]:
        """``ssh`` and its options, without the destination."""
        timeout = self.config.timeout
        command = ["ssh", "-p", str(self.config.port), "-o", "BatchMode=yes"]
        command += ["-o", f"ConnectTimeout={timeout}", "-o", "ServerAliveInterval=15"]
        command += ["-o", "ServerAliveCountMax=4"]
        if self.identity_file:
            command += ["-i", self.identity_file, "-o", "IdentitiesOnly=yes"]
        if self.known_hosts_file:
            command += ["-o", f"UserKnownHostsFile={self.known_hosts_file}"]
            command += ["-o", "StrictHostKeyChecking=yes"]
        if self._control:
            command += [
                "-o",
                "ControlMaster=auto",
                "-o",
                f"ControlPath={self._control}",
            ]
            command += ["-o", "ControlPersist=120"]
        for option in self.config.ssh_options:
            command += ["-o", option]
        return command

    def run_script(self, script: str, *args: str) -> str:
        """Run a POSIX shell ``script`` on the server with ``args``; return stdout."""
        remote = "sh -s -- " + shlex.join(args)
        command = [*self.ssh_command(), self.destination, remote]
        result = subprocess.run(
            command,
            input=script,
            capture_output=True,
            text=True,
            check=False,
            timeout=self.config.timeout * 5,
        )
        if result.returncode != 0:
            raise DeployError(
                f"deploy: the command on {self.destination} failed with status "
                f"{result.returncode}: {result.stderr.strip() or result.stdout.strip()}"
            )
        return result.stdout


def _write_private(path: Path, text: str) -> Path:
    text = text.replace("\r\n", "\n").strip() + "\n"  # secrets often lose the last \n
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def _validate(config: RsyncConfig) -> None:
    if not config.host:
        raise DeployConfigError(
            "deploy: DEPLOY['rsync']['host'] is empty; set it in publishconf.py "
            "or as PELITA_DEPLOY_RSYNC_HOST"
        )
    if not config.path:
        raise DeployConfigError(
            "deploy: DEPLOY['rsync']['path'] is empty; set the folder on the "
            "server (PELITA_DEPLOY_RSYNC_PATH), e.g. /var/www/pelita"
        )
    if not _SAFE_PATH.match(config.path) or config.path.rstrip("/") in {"", "."}:
        raise DeployConfigError(
            f"deploy: DEPLOY['rsync']['path'] is {config.path!r}; use a plain "
            "folder path (letters, digits, . _ - / only, no ~ or spaces), "
            "e.g. /var/www/pelita"
        )
    if config.keep_releases < 2:
        raise DeployConfigError(
            f"deploy: DEPLOY['rsync']['keep_releases'] is {config.keep_releases}; "
            "keep at least 2 so that `invoke rollback` has a release to go back to"
        )
