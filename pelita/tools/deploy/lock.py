"""The deploy lock on the rsync server: one deploy, rollback or pin at a time.

GitHub's concurrency group keeps the workflows from deploying at once, but a
deploy from a laptop, or a run of an older workflow, is not in that group.
So the server holds its own lock, ``<path>/.deploy.lock``, taken with
``flock`` by a shell on the server that lives as long as one SSH session.
Whatever happens to the deploy (it ends, fails, is killed with its CI job, or
its network drops), the session closes and the lock is free again: there is
no stale lock to clear by hand. While the lock is held, the folder
``releases/.partial-*`` of an earlier, interrupted upload is stale for sure,
and only then is it cleaned up; another deploy's upload in progress never is.

The session runs on its own SSH connection (not the shared control master),
so that the lock lives and dies with this process. ``.deploy.lock.owner``
says who holds it (release, host, CI run), for the message of a deploy that
waits. A lock held longer than :data:`MAX_HOLD_SECONDS` is let go on the
server, in case a connection hangs instead of closing.
"""

from __future__ import annotations

import logging
import os
import shlex
import socket
import subprocess
import tempfile
from collections.abc import Mapping
from types import TracebackType

from .errors import DeployError
from .ssh import SshSession

logger = logging.getLogger(__name__)

MAX_HOLD_SECONDS = 7200
EXIT_BUSY = 75  # EX_TEMPFAIL: another deploy kept the lock for too long
EXIT_NO_FLOCK = 69  # EX_UNAVAILABLE

LOCK_SCRIPT = r"""
set -eu
mkdir -p "$1"
cd "$1"
if ! command -v flock >/dev/null 2>&1; then
  echo "flock is not installed on the server (Debian and Ubuntu: util-linux)" >&2
  exit 69
fi
exec 9>>.deploy.lock
if ! flock -n 9; then
  printf 'busy %s\n' "$(head -c 300 .deploy.lock.owner 2>/dev/null | tr -d '\n')"
  flock -w "$2" 9 || exit 75
fi
printf '%s\n' "$4" > .deploy.lock.owner
echo locked
# Hold the lock until the deploy closes this session's input (or dies).
if command -v timeout >/dev/null 2>&1; then timeout "$3" cat >/dev/null || true
else cat >/dev/null; fi
"""


def lock_owner(what: str, environ: Mapping[str, str] | None = None) -> str:
    """Who takes the lock, for the message of a deploy that has to wait."""
    environ = os.environ if environ is None else environ
    where = socket.gethostname()
    run = environ.get("GITHUB_RUN_ID")
    if run:
        repository = environ.get("GITHUB_REPOSITORY", "")
        where = f"GitHub Actions run {run} of {repository}".strip()
    return f"{what} from {where} (pid {os.getpid()})"


class ServerLock:
    """``with ServerLock(ssh, base, owner, wait):`` holds ``<base>/.deploy.lock``."""

    def __init__(self, ssh: SshSession, base: str, owner: str, wait_seconds: int):
        self.ssh = ssh
        self.base = base
        self.owner = owner
        self.wait_seconds = wait_seconds
        self._process: subprocess.Popen[str] | None = None
        # ssh's messages (read only on failure); closed in __exit__.
        self._errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115

    @property
    def where(self) -> str:
        """``user@host:path``, for messages."""
        return f"{self.ssh.destination}:{self.base}"

    def __enter__(self) -> ServerLock:
        arguments = [self.base, str(self.wait_seconds), str(MAX_HOLD_SECONDS)]
        remote = f"sh -c {shlex.quote(LOCK_SCRIPT)} pelita-lock "
        remote += shlex.join([*arguments, self.owner])
        command = [*self.ssh.ssh_command(), "-o", "ControlMaster=no"]
        command += ["-o", "ControlPath=none", self.ssh.destination, remote]
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            text=True,
        )
        assert self._process.stdout is not None
        for line in self._process.stdout:
            kind, _, detail = line.strip().partition(" ")
            if kind == "locked":
                logger.info("deploy: holding the deploy lock on %s", self.where)
                return self
            if kind == "busy":
                logger.warning(
                    "deploy: another deploy holds the lock on %s (%s); waiting up "
                    "to %d s",
                    self.where,
                    detail or "owner unknown",
                    self.wait_seconds,
                )
        raise self._failure()

    def _failure(self) -> DeployError:
        assert self._process is not None
        code = self._process.wait(timeout=30)
        self._errors.seek(0)
        said = self._errors.read().strip()[-2000:]
        self.__exit__(None, None, None)
        if code == EXIT_BUSY:
            return DeployError(
                f"deploy: another deploy kept the deploy lock on {self.where} for "
                f"more than {self.wait_seconds} s, so nothing was changed. Try "
                "again when it is done (DEPLOY['rsync']['lock_wait'] sets the wait)"
            )
        return DeployError(
            f"deploy: taking the deploy lock on {self.where} failed with status "
            f"{code}: {said or 'no message'}"
        )

    def ensure_held(self) -> None:
        """Raise unless the lock is still held (before switching ``current``)."""
        if self._process is None or self._process.poll() is not None:
            raise DeployError(
                f"deploy: the deploy lock on {self.where} was lost (the connection "
                "dropped or it was held too long); nothing was switched"
            )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        process = self._process
        if process is not None:
            if process.stdin is not None:
                process.stdin.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        self._errors.close()
