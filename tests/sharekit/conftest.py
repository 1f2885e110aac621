"""One small hub built twice in-process with a fixed "today": kits, page, cache."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pelican import Pelican
from sitebuild import site_settings

from .kittest import LONG_WORD, REPO, TITLE_200

SITE_URL = "https://kabar.example.id"
TODAY = "2026-11-17"

EXTRA_POSTS = {
    # A long headline with a 40-character word, inside the 30 days.
    "2026/prestasi-judul-panjang.md": f"""Title: {TITLE_200[:150]} {LONG_WORD}
Date: 2026-11-16 09:00
Category: Prestasi
Slug: prestasi-judul-panjang
Kecamatan: Tembalang
OPD: dlh
Tags: kampung hijau, UMKM, umkm
Penghargaan: Juara I Lomba Kampung Hijau
Pemberi: Kementerian Lingkungan Hidup
Tingkat: nasional
Penerima: Kelurahan Meteseh

Kelurahan Meteseh meraih juara pertama.
""",
    # The same award reported again: marked as a duplicate, no kit.
    "2026/adipura-lagi.md": """Title: Adipura untuk Semarang Diumumkan Lagi
Date: 2026-11-10 09:00
Category: Prestasi
Slug: adipura-lagi
Duplicate_of: adipura-kota-semarang
Penghargaan: Anugerah Adipura
Pemberi: Kementerian Lingkungan Hidup

Salinan kabar Adipura.
""",
    "2026/hoaks-salinan.md": """Title: Salinan Klarifikasi Nomor WhatsApp Wali Kota
Date: 2026-11-12 09:00
Category: Klarifikasi
Slug: hoaks-salinan
Duplicate_of: hoaks-whatsapp-mengatasnamakan-wali-kota
Klaim: Wali Kota meminta transfer dana.
Putusan: Hoaks

Salinan.
""",
    # A clarification on the first day of the window. (It has Klaim and
    # Putusan: a Klarifikasi without them is held back by the build's guard.)
    "2026/klarifikasi-awal-jendela.md": """Title: Jadwal Car Free Day Simpang Lima
Date: 2026-10-19 00:30
Category: Klarifikasi
Slug: klarifikasi-awal-jendela
OPD: dishub
Summary: Car Free Day tetap digelar setiap Minggu pagi.
Klaim: Car Free Day Simpang Lima dihentikan mulai Oktober.
Putusan: Misinformasi

Penjelasan jadwal.
""",
    # One day too old for the list.
    "2026/prestasi-di-luar-jendela.md": """Title: Puskesmas Ngaliyan Raih Akreditasi
Date: 2026-10-18 23:30
Category: Prestasi
Slug: prestasi-di-luar-jendela
Penghargaan: Akreditasi Paripurna
Tingkat: nasional
Penerima: Puskesmas Ngaliyan

Akreditasi paripurna.
""",
}


@dataclass
class Build:
    """A built site, its cache, and what the sharekit plugin logged."""

    root: Path
    output: Path
    cache: Path
    content: Path
    logs: list[list[str]] = field(default_factory=list)
    stamps: dict[Path, int] = field(default_factory=dict)

    def html(self, path: str) -> str:
        """The HTML of a page given by its URL path."""
        return (self.output / path / "index.html").read_text(encoding="utf-8")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected(name: str) -> Iterator[list[str]]:
    """Messages logged by ``name`` (and its children) inside the block."""
    handler = _Collect()
    logger = logging.getLogger(name)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def write_content(content: Path) -> None:
    """The demo's posts and images, the repository's pages, and :data:`EXTRA_POSTS`."""
    for part in ("posts", "images"):
        shutil.copytree(REPO / "demo" / part, content / part)
    shutil.copytree(REPO / "content" / "pages", content / "pages")
    for name, text in EXTRA_POSTS.items():
        (content / "posts" / name).write_text(text, encoding="utf-8")


def build(site: Build) -> list[str]:
    """Build ``site`` in-process; returns the sharekit plugin's log messages."""
    settings = site_settings(
        site.content,
        site.output,
        cache=site.cache,
        SITEURL=SITE_URL,
        RELATIVE_URLS=False,
        SHAREKIT={
            "hashtags": ["SemarangHebat"],
            "category_hashtags": {"Klarifikasi": ["CekFakta", "LawanHoaks"]},
            "today": TODAY,
        },
    )
    with collected("pelita.build.sharekit") as messages:
        Pelican(settings).run()
    site.logs.append(list(messages))
    return messages


@pytest.fixture(scope="session")
def kit_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The small hub, built twice into the same output and cache."""
    root = tmp_path_factory.mktemp("sharekit")
    site = Build(root, root / "output", root / "cache", root / "content")
    write_content(site.content)
    build(site)
    site.stamps = {p: p.stat().st_mtime_ns for p in (site.cache / "sharekit").iterdir()}
    build(site)
    return site
