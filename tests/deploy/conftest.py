"""Real deploy targets on 127.0.0.1: an sshd, a bare git repository, an S3 server."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from local_sshd import SshServer, local_sshd

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


@pytest.fixture(scope="session")
def ssh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """A throwaway sshd with its own host key and one authorized user key."""
    with local_sshd(tmp_path_factory.mktemp("sshd")) as server:
        yield server


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
