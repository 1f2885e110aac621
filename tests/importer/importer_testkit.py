"""Shared test kit of the importer's tests (settings, registries, reading back)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpcore
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "feeds"
CATEGORIES = [
    "Berita", "Prestasi", "Wisata", "Kuliner", "UMKM", "Layanan Publik", "Klarifikasi",
]  # fmt: skip


class FakeResolver:
    """Answers from a table, like a DNS server under the test's control."""

    def __init__(self, table):
        self.table = table
        self.asked = []

    async def __call__(self, host, port):
        self.asked.append(host)
        if host.lower() not in self.table:
            raise OSError(f"no such host {host}")
        return list(self.table[host.lower()])


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def make_settings(root: Path, **importer: Any) -> dict[str, Any]:
    """Pelican-like settings for an import into ``root`` with tiny limits."""
    base = {
        "channels_file": str(root / "channels.yml"),
        "content_dir": str(root / "content" / "imported"),
        "state_file": str(root / "state" / "import-state.json"),
        "report_file": str(root / "state" / "report.json"),
        "connect_timeout": 1.0,
        "read_timeout": 1.0,
        "deadline": 3.0,
        "backoff_base": 0,
        "workers": 0,
        "page_delay": 0,
        "noise_file": str(REPO / "data" / "html-noise.yml"),
        # The test servers listen on 127.0.0.1, which the SSRF guard refuses
        # unless the settings open it, as they would an intranet.
        "allow_networks": ["127.0.0.0/8"],
    }
    base.update(importer)
    return {
        "IMPORTER": base,
        "CATEGORIES": CATEGORIES,
        "DEFAULT_CATEGORY": "Berita",
        "PATH": str(root / "content"),
        "REGISTRIES": {
            "wilayah": str(REPO / "data" / "wilayah.csv"),
            "wilayah_aliases": str(REPO / "data" / "wilayah-alias.csv"),
            "opd": str(REPO / "data" / "opd.csv"),
        },
    }


def write_registry(root: Path, channels: list[dict[str, Any]]) -> Path:
    """Write a channel registry; channels get a default name and kind."""
    full = [{"name": f"Kanal {c['id']}", "kind": "media", **c} for c in channels]
    path = root / "channels.yml"
    path.write_text(yaml.safe_dump({"channels": full}, allow_unicode=True), "utf-8")
    return path


def read_report(root: Path) -> dict[str, Any]:
    return json.loads((root / "state" / "report.json").read_text("utf-8"))


def read_state(root: Path) -> dict[str, Any]:
    return json.loads((root / "state" / "import-state.json").read_text("utf-8"))


def posts(root: Path) -> list[Path]:
    return sorted((root / "content" / "imported").rglob("*.md"))


def fetch_result(
    body: bytes,
    content_type: str = "application/xml",
    url: str = "https://feeds.example.go.id/feed/",
):
    """A ``FetchResult`` for parsing tests that need no server."""
    import datetime as dt

    from pelita.importer.model import FetchResult

    return FetchResult(
        url=url,
        final_url=url,
        status=200,
        headers=(("content-type", content_type),),
        body=body,
        fetched_at=dt.datetime(2024, 11, 5, tzinfo=dt.UTC),
    )


def live_markup(html: str, allowed_tags: frozenset[str] | None = None) -> list[str]:
    """Everything in ``html`` that a browser would run or that escapes the
    allow-list: unknown tags, event handlers, style, non-web URLs."""
    from urllib.parse import urlsplit

    from bs4 import BeautifulSoup

    from pelita.core.htmlsafety import IMPORTED_TAGS as ALLOWED_TAGS

    allowed = allowed_tags if allowed_tags is not None else ALLOWED_TAGS
    problems = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name not in allowed:
            problems.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                problems.append(f"{tag.name}[{name}]")
            if name in ("href", "src", "action", "poster", "background"):
                scheme = urlsplit(str(value).strip()).scheme.lower()
                if scheme not in ("", "http", "https", "mailto", "tel"):
                    problems.append(f"{tag.name}[{name}={value}]")
    return problems


def render_markdown(text: str) -> str:
    """Markdown rendered as Pelican's settings render it."""
    import markdown

    return markdown.markdown(
        text, extensions=["extra", "meta", "smarty"], output_format="html5"
    )


class Connections:
    """Every TCP connection the importer opened or tried: (address, port)."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, int]] = []


def guard_connections(monkeypatch: pytest.MonkeyPatch) -> Connections:
    """Below the socket: connections go to 127.0.0.0/8 only, and are recorded.

    Even a broken SSRF guard cannot send a test's traffic elsewhere: a
    connection to any other address fails here, before a socket opens.
    """
    seen = Connections()
    real = httpcore.AnyIOBackend.connect_tcp

    async def connect_tcp(self, host, port, *args, **kwargs):
        seen.attempts.append((host, port))
        if not host.startswith("127."):
            raise httpcore.ConnectError(f"tests connect to loopback only ({host})")
        return await real(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.AnyIOBackend, "connect_tcp", connect_tcp)
    return seen
