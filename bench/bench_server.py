"""The import benchmark's feed server: every feed after a fixed latency, with ETags.

Apart from ``import_bench`` so that the measured sides, which run that
script in fresh processes, do not load ``http.server``.
"""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: BenchServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        time.sleep(self.server.latency)
        name = self.path.strip("/").removesuffix(".xml")
        body = self.server.feeds.get(name)
        if body is None:
            self.send_error(404)
            return
        etag = f'"{name}-1"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


class BenchServer(ThreadingHTTPServer):
    """Serves every channel's feed after ``latency`` seconds."""

    daemon_threads = True
    request_queue_size = 256

    def __init__(self, feeds: dict[str, bytes], latency: float) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.feeds = feeds
        self.latency = latency
