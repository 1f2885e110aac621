"""Fixtures for the theme: a small site with every post type and the published
demo hub served on 127.0.0.1 (Chromium is tests/conftest.py's ``browser``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pelican.settings import read_settings
from sitebuild import build_site

from pelita.tools.sitesearch import build_search_index
from tests.conftest import REPO, build_demo
from tests.images.photos import make_photo

from .posts import SMALL_SITE_POSTS

SMALL_SITE_URL = "https://kabar.example.id"
SEARCH_PART_PAGES = 40


@dataclass(frozen=True)
class Site:
    """A built site: its output folder and the URL it is built for."""

    output: Path
    url: str
    cache: Path = field(default=Path())

    def html(self, path: str) -> str:
        """The HTML of a page given by its URL path ("berita/x/")."""
        target = self.output / path
        if path.endswith("/") or not path:
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


def write_small_content(content: Path) -> None:
    """Posts of every type, a phone photo with GPS, a page."""
    for name, text in SMALL_SITE_POSTS.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    make_photo(content / "images" / "2025" / "juara.jpg")
    make_photo(
        content / "images" / "2025" / "kebun.jpg", size=(1800, 1200), orientation=None
    )


def build_small_site(root: Path, content: Path) -> Site:
    """Build ``content`` in-process with the project's settings."""
    build_site(
        content,
        root / "output",
        cache=root / "cache",
        SITEURL=SMALL_SITE_URL,
        RELATIVE_URLS=False,
        CATEGORY_FEED_ATOM="feeds/kategori/{slug}.atom.xml",
        FEED_DOMAIN=SMALL_SITE_URL,
    )
    return Site(root / "output", SMALL_SITE_URL, root / "cache")


@pytest.fixture(scope="session")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The small site, built once per session."""
    root = tmp_path_factory.mktemp("small")
    write_small_content(root / "content")
    return build_small_site(root, root / "content")


class _Handler(SimpleHTTPRequestHandler):
    """Static files; a missing path gets 404.html, as the web server does."""

    def log_message(self, *args: object) -> None:
        del args

    def send_error(self, code: int, message: str | None = None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The demo hub built with publishconf.py for the server that serves it.

    The server starts first (port 0) so the build knows its absolute URL,
    as production builds know theirs; then Pagefind indexes the output.
    """
    root = tmp_path_factory.mktemp("published")
    output = root / "output"
    output.mkdir()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_Handler, directory=str(output))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SITEURL", url)
            build_demo(root, settings="publishconf.py")
        # In parts, as a large hub's index is (the demo has about 100 pages),
        # so the browser tests search across parts.
        stemming = read_settings(str(REPO / "publishconf.py"))["SEARCH_STEMMING"]
        build_search_index(output, pages_per_part=SEARCH_PART_PAGES, stemming=stemming)
        yield Site(output, url, root / "cache")
    finally:
        server.shutdown()
        server.server_close()
