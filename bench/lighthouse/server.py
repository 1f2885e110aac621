"""A static server like a production host: gzip for text, cache headers, 404.html."""

from __future__ import annotations

import contextlib
import gzip
import mimetypes
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

TEXT = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
)


class StaticServer(ThreadingHTTPServer):
    """Serves ``root`` (which may be set after the port is known)."""

    root: Path


class Handler(BaseHTTPRequestHandler):
    """GET and HEAD only; directories serve their index.html."""

    server: StaticServer

    def log_message(self, *args: object) -> None:
        """Stay quiet: the benchmark prints its own table."""
        del args

    def _target(self) -> tuple[Path, int]:
        path = unquote(urlsplit(self.path).path)
        target = (self.server.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        inside = self.server.root.resolve() in target.parents
        if inside and target.is_file():
            return target, 200
        return self.server.root / "404.html", 404

    def do_GET(self) -> None:
        """Send the file, gzip-compressed for text when the client accepts it."""
        target, status = self._target()
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(TEXT) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        immutable = target.suffix in {".css", ".js", ".webp", ".jpg", ".png", ".svg"}
        self.send_header(
            "Cache-Control", "public, max-age=86400" if immutable else "no-cache"
        )
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    do_HEAD = do_GET


@contextlib.contextmanager
def serve(root: Path, port: int = 0) -> Iterator[tuple[StaticServer, str]]:
    """Serve ``root`` on 127.0.0.1 (``port``, or a free one) in a thread."""
    server = StaticServer(("127.0.0.1", port), Handler)
    server.root = Path(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
