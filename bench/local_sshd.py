"""A throwaway sshd on 127.0.0.1: the rsync deploy target of tests and benchmarks.

It runs as the current user with its own host key, accepts one freshly made
user key, and knows nothing of the machine's own SSH setup, so a deploy to
it goes through the same ``ssh``/``rsync`` commands as a deploy to a city's
server, on loopback only.

    with local_sshd(folder) as server:
        environ = server.environ(Path("/srv/pelita"))   # PELITA_DEPLOY_* for it
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


@dataclass(frozen=True)
class SshServer:
    """An sshd on 127.0.0.1 that lets ``user`` in with ``identity_file``."""

    port: int
    user: str
    identity_file: Path
    known_hosts_file: Path
    root: Path

    def settings(self, path: Path, **extra: object) -> dict:
        """A ``DEPLOY`` dict deploying to ``path`` on this server."""
        return {
            "target": "rsync",
            "rsync": {
                "host": "127.0.0.1",
                "port": self.port,
                "user": self.user,
                "path": str(path),
                "identity_file": str(self.identity_file),
                "known_hosts_file": str(self.known_hosts_file),
                "timeout": 10,
                **extra,
            },
        }

    def environ(self, path: Path) -> dict[str, str]:
        """The ``PELITA_DEPLOY_*`` variables deploying to ``path`` on this server."""
        return {
            "PELITA_DEPLOY_TARGET": "rsync",
            "PELITA_DEPLOY_RSYNC_HOST": "127.0.0.1",
            "PELITA_DEPLOY_RSYNC_PORT": str(self.port),
            "PELITA_DEPLOY_RSYNC_USER": self.user,
            "PELITA_DEPLOY_RSYNC_PATH": str(path),
            "PELITA_DEPLOY_RSYNC_IDENTITY_FILE": str(self.identity_file),
            "PELITA_DEPLOY_RSYNC_KNOWN_HOSTS_FILE": str(self.known_hosts_file),
        }


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 10) -> None:
    """Return once something accepts connections on 127.0.0.1:``port``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited early with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True
    )


@contextlib.contextmanager
def local_sshd(root: Path) -> Iterator[SshServer]:
    """Run an sshd with its keys and config under ``root`` until the block ends.

    ``root`` is the server's own folder: whatever it held is replaced.
    """
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    _keygen(root / "host_key")
    _keygen(root / "user_key")
    shutil.copy(root / "user_key.pub", root / "authorized_keys")
    port = free_port()
    (root / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {root / 'host_key'}\n"
        f"PidFile {root / 'sshd.pid'}\nAuthorizedKeysFile {root / 'authorized_keys'}\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\n"
        "StrictModes no\nUsePAM no\nLogLevel ERROR\nMaxSessions 50\n",
        encoding="utf-8",
    )
    host_key = (root / "host_key.pub").read_text(encoding="utf-8").split()[:2]
    (root / "known_hosts").write_text(
        f"[127.0.0.1]:{port} {' '.join(host_key)}\n", encoding="utf-8"
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    with (root / "sshd.log").open("wb") as log:
        process = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(root / "sshd_config")],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port, process)
            yield SshServer(
                port, getpass.getuser(), root / "user_key", root / "known_hosts", root
            )
        finally:
            process.terminate()
            process.wait(timeout=10)
