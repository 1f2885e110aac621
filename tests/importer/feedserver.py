"""A real HTTP server on 127.0.0.1 (ephemeral port) that serves test feeds.

Routes are set per test: a static ``Response`` (with ETag/Last-Modified
handling), or a function that drives the handler itself (stall, drip bytes,
redirect...). Every request is recorded with its headers. Handlers that wait
are released when the server stops, so a test never hangs on teardown.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    """A canned response; ``etag``/``last_modified`` enable 304 answers."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    encoding: str | None = None  # "gzip" or "deflate": compress on the way out


@dataclass
class Seen:
    """One request the server received (``at``: its ``time.monotonic()``)."""

    path: str
    headers: dict[str, str]
    at: float = 0.0


Handler = Callable[[BaseHTTPRequestHandler, "FeedServer"], None]


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        feed_server = self.server.feed_server
        feed_server.record(self)
        route = feed_server.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
        elif callable(route):
            route(self, feed_server)
        else:
            send_response(self, route)


def send_response(handler: BaseHTTPRequestHandler, response: Response) -> None:
    """Send ``response``, or 304 when the request's validators match it."""
    match_etag = response.etag and handler.headers.get("If-None-Match") == response.etag
    match_date = (
        response.last_modified
        and handler.headers.get("If-Modified-Since") == response.last_modified
    )
    if match_etag or (match_date and not response.etag):
        handler.send_response(304)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return
    body = response.body
    if response.encoding == "gzip":
        body = gzip.compress(body)
    elif response.encoding == "deflate":
        body = zlib.compress(body)
    handler.send_response(response.status)
    handler.send_header("Content-Type", response.content_type)
    handler.send_header("Content-Length", str(len(body)))
    if response.encoding:
        handler.send_header("Content-Encoding", response.encoding)
    if response.etag:
        handler.send_header("ETag", response.etag)
    if response.last_modified:
        handler.send_header("Last-Modified", response.last_modified)
    for name, value in response.headers.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    feed_server: FeedServer


class FeedServer:
    """The server, its routes and what it saw."""

    def __init__(self) -> None:
        self.routes: dict[str, Response | Handler] = {}
        self.seen: list[Seen] = []
        self.released = threading.Event()
        self._lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.feed_server = self
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            daemon=True,
        )

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self.released.is_set():
            return
        self.released.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def record(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.seen.append(
                Seen(handler.path, dict(handler.headers.items()), time.monotonic())
            )

    def requests_to(self, path: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.path.split("?")[0] == path]

    def add(self, path: str, response: Response | Handler) -> str:
        self.routes[path] = response
        return self.url(path)

    def track(self, handler: Handler) -> Handler:
        """Wrap a handler to count requests in flight at once."""

        def tracked(request: BaseHTTPRequestHandler, server: FeedServer) -> None:
            with self._lock:
                self.active += 1
                self.max_active = max(self.max_active, self.active)
            try:
                handler(request, server)
            finally:
                with self._lock:
                    self.active -= 1

        return tracked


def stall(handler: BaseHTTPRequestHandler, server: FeedServer) -> None:
    """Accept the request and never answer (until the server stops)."""
    server.released.wait(30)


def drip(body: bytes, interval: float = 0.25) -> Handler:
    """Send headers, then the body one byte per ``interval`` (a stuck server)."""

    def handler(request: BaseHTTPRequestHandler, server: FeedServer) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        for index in range(len(body)):
            if server.released.wait(interval):
                return
            try:
                request.wfile.write(body[index : index + 1])
                request.wfile.flush()
            except OSError:
                return

    return handler


def redirect(target: str, status: int = 302) -> Handler:
    """Answer with a redirect to ``target``."""

    def handler(request: BaseHTTPRequestHandler, server: FeedServer) -> None:
        request.send_response(status)
        request.send_header("Location", target)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return handler


def slow(response: Response, seconds: float) -> Handler:
    """Answer ``response`` after ``seconds``."""

    def handler(request: BaseHTTPRequestHandler, server: FeedServer) -> None:
        if not server.released.wait(seconds):
            send_response(request, response)

    return handler


def chunked(body: bytes, content_type: str = "application/rss+xml") -> Handler:
    """Send ``body`` without Content-Length (chunked), so size is unknown."""

    def handler(request: BaseHTTPRequestHandler, server: FeedServer) -> None:
        request.send_response(200)
        request.send_header("Content-Type", content_type)
        request.send_header("Transfer-Encoding", "chunked")
        request.end_headers()
        step = 64 * 1024
        try:
            for start in range(0, len(body), step):
                piece = body[start : start + step]
                request.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            request.wfile.write(b"0\r\n\r\n")
        except OSError:
            return

    return handler


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll ``predicate`` until true or ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
