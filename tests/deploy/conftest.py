"""Real deploy targets on 127.0.0.1: an sshd, a bare git repository, an S3 server."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"

SITE_FILES = {
    "index.html": "<!doctype html><title>Beranda</title>"
    '<link rel="stylesheet" href="/theme/css/main.css">'
    '<a href="/berita/satu/">satu</a><a href="/berita/dua/">dua</a>'
    '<img src="/images/foto.webp" alt="">',
    "berita/satu/index.html": '<!doctype html><a href="/">Beranda</a>',
    "berita/dua/index.html": '<!doctype html><a href="/">Beranda</a>',
    "theme/css/main.css": "body{color:#111}",
    "images/foto.webp": "RIFF-webp",
    "feeds/semua.atom.xml": '<feed xmlns="http://www.w3.org/2005/Atom"></feed>',
    "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
}


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a small built site (path -> content) into ``root``."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def site_files() -> dict[str, str]:
    """The files of the synthetic site (path -> content)."""
    return dict(SITE_FILES)


@pytest.fixture
def make_output(tmp_path: Path) -> Callable[..., Path]:
    """Make a fresh synthetic output/ from SITE_FILES plus changes."""
    counter = iter(range(1000))

    def make(changes: dict[str, str | bytes | None] | None = None) -> Path:
        files: dict[str, str | bytes] = dict(SITE_FILES)
        for name, content in (changes or {}).items():
            if content is None:
                files.pop(name, None)
            else:
                files[name] = content
        return write_site(tmp_path / f"output-{next(counter)}", files)

    return make


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 10) -> None:
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


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True
    )


@pytest.fixture(scope="session")
def ssh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """A throwaway sshd with its own host key and one authorized user key."""
    root = tmp_path_factory.mktemp("sshd")
    _keygen(root / "host_key")
    _keygen(root / "user_key")
    shutil.copy(root / "user_key.pub", root / "authorized_keys")
    port = free_port()
    (root / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {root / 'host_key'}\n"
        f"PidFile {root / 'sshd.pid'}\nAuthorizedKeysFile {root / 'authorized_keys'}\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\n"
        "StrictModes no\nUsePAM no\nLogLevel ERROR\n",
        encoding="utf-8",
    )
    host_key = (root / "host_key.pub").read_text(encoding="utf-8").split()[:2]
    (root / "known_hosts").write_text(
        f"[127.0.0.1]:{port} {' '.join(host_key)}\n", encoding="utf-8"
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    log = (root / "sshd.log").open("wb")
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
        log.close()


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """moto's S3-compatible server on 127.0.0.1, with throwaway credentials."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {
            "AWS_ACCESS_KEY_ID": "pelita-test",
            "AWS_SECRET_ACCESS_KEY": "pelita-test-secret",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "AWS_EC2_METADATA_DISABLED": "true",
        }.items():
            patch.setenv(name, value)
        server.start()
        host, port = server.get_host_and_port()
        try:
            yield f"http://{host}:{port}"
        finally:
            server.stop()
