"""Fixtures for the prestasi tests: rules, registries, and small site builds."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sitebuild import build_site

from pelita.core.prestasi import Rules, load_rules, place_sets
from pelita.core.registries import load_gazetteer, load_opd

REPO = Path(__file__).resolve().parents[2]

# name -> (metadata lines, body); every kind of post the register must handle.
POSTS: dict[str, tuple[str, str]] = {
    "explicit": (
        """Title: Pemkot Semarang Terima Penghargaan Pembangunan Daerah
        Date: 2025-06-10 10:00
        Category: Prestasi
        Prestasi: ya
        Penghargaan: Penghargaan Pembangunan Daerah 2025
        Pemberi: Kementerian PPN/Bappenas
        Tingkat: nasional
        Penerima: bappeda
        Tahun: 2025
        Bukti: https://jdih.example.go.id/sk-ppd-2025.pdf
        OPD: bappeda""",
        "Perencanaan pembangunan Kota Semarang dinilai terbaik di kategori kota.",
    ),
    "category-only": (
        """Title: Kelurahan Meteseh Juara Lomba Kampung Hijau
        Date: 2024-08-14 09:00
        Category: Prestasi
        Kecamatan: Tembalang
        OPD: dlh""",
        "Kelurahan Meteseh keluar sebagai juara pertama lomba kampung hijau "
        "tingkat kota yang digelar Dinas Lingkungan Hidup.",
    ),
    "inferred-berita": (
        """Title: Trans Semarang Raih Penghargaan Wahana Tata Nugraha
        Date: 2025-02-03 08:00
        Category: Berita
        Channel: dishub-feed""",
        "<p>Kementerian Perhubungan menilai layanan bus Trans Semarang tertib "
        "dan terjangkau.</p>",
    ),
    "negative": (
        """Title: Pendaftaran Lomba Kampung Hijau 2025 Dibuka
        Date: 2025-03-01 08:00
        Category: Berita
        OPD: dlh""",
        "Pendaftaran dibuka hingga akhir Mei. Juara pertama akan mendapat hadiah.",
    ),
    "override-tidak": (
        """Title: Semarang Raih Adipura Kencana
        Date: 2025-01-20 08:00
        Category: Berita
        Prestasi: tidak""",
        "Berita lama yang keliru diunggah ulang; admin menandainya bukan prestasi.",
    ),
    "bad-metadata": (
        """Title: Puskesmas Halmahera Dinobatkan Puskesmas Terbaik se-Jawa Tengah
        Date: 2023-11-05 08:00
        Category: Berita
        Tingkat: nasonal
        Penerima: Kecamatan Semarang Timurr""",
        "Puskesmas di Semarang Timur itu unggul dalam layanan ibu hamil.",
    ),
    "hoax": (
        """Title: Hoaks Semarang Raih Penghargaan Kota Termacet
        Date: 2025-04-01 08:00
        Category: Klarifikasi""",
        "Kabar yang beredar itu tidak benar.",
    ),
}

CHANNELS = """\
channels:
  - id: dishub-feed
    name: Berita Dinas Perhubungan
    kind: opd
    url: https://dishub.example.go.id/feed/
    website: https://dishub.example.go.id/
    opd: dishub
"""


def write_site(root: Path, posts: dict[str, tuple[str, str]] | None = None) -> Path:
    """Write the sample posts and channel registry under ``root``."""
    content = root / "content" / "posts"
    content.mkdir(parents=True)
    for name, (meta, body) in (posts or POSTS).items():
        header = "\n".join(line.strip() for line in meta.strip().splitlines())
        text = header + "\n\n" + body + "\n"
        (content / f"{name}.md").write_text(text, encoding="utf-8")
    (root / "channels.yml").write_text(CHANNELS, encoding="utf-8")
    return root / "content"


def settings_for(root: Path, **overrides: Any) -> dict[str, Any]:
    """Pelican settings for a build of the sample site into ``root/output``."""
    settings = {
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / "output"),
        # Never the checkout's .cache/: tests on other workers build at once.
        "CACHE_PATH": str(root / "cache"),
        "THEME": str(REPO / "theme"),
        # The theme needs i18n (gettext), themecontext (its filters), assets
        # (the |asset filter) and buildspeed (the stable pagination every
        # list, the wall included, is written with). No pelita.build.guard:
        # these builds test the prestasi plugin UNDER the guard (its own
        # warnings for bad metadata, its escaping of hostile fields), which
        # must hold on their own; the guard would hold those posts back
        # before prestasi saw them. The guarded build is
        # test_plugin_build.py::test_guard_holds_back_...
        "PLUGINS": [
            "pelita.build.i18n",
            "pelita.build.indodate",
            "pelita.build.prestasi",
            "pelita.build.themecontext",
            "pelita.build.assets",
            "pelita.build.buildspeed",
        ],
        "ARTICLE_PATHS": ["posts"],
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "REGISTRIES": {
            "wilayah": str(REPO / "data" / "wilayah.csv"),
            "wilayah_aliases": str(REPO / "data" / "wilayah-alias.csv"),
            "boundaries": str(REPO / "data" / "kecamatan.geojson"),
            "opd": str(REPO / "data" / "opd.csv"),
        },
        "IMPORTER": {"channels_file": str(root / "channels.yml")},
        "PRESTASI": {"rules_file": str(REPO / "data" / "prestasi-rules.yml")},
    }
    settings.update(overrides)
    return settings


def build(root: Path, **overrides: Any) -> Path:
    """Build the site in-process with pelicanconf.py as the base settings."""
    settings = settings_for(root, **overrides)
    content, output = settings.pop("PATH"), settings.pop("OUTPUT_PATH")
    return build_site(Path(content), Path(output), **settings)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _page_file(output: Path, link: str, page: Path) -> Path:
    return (page.parent / link).resolve() / "index.html"


def read_wall_entries(output: Path, first: str = "prestasi/index.html") -> list[str]:
    """Post URLs (site-relative) listed by a wall page and the pages after it."""
    entries: list[str] = []
    page = output / first
    while True:
        soup = _soup(page)
        for link in soup.select("li.award-entry h3 a"):
            target = (page.parent / link["href"]).resolve()
            entries.append(target.relative_to(output.resolve()).as_posix() + "/")
        following = soup.select_one("a[rel=next]")
        if following is None:
            return entries
        page = _page_file(output, following["href"], page)


def read_register_csv(output: Path) -> list[dict]:
    text = (output / "prestasi" / "prestasi.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="session")
def wall_entries() -> Callable[..., list[str]]:
    """``wall_entries(output, first="prestasi/index.html")``: posts a wall lists."""
    return read_wall_entries


@pytest.fixture(scope="session")
def register_csv() -> Callable[[Path], list[dict]]:
    """``register_csv(output)``: the rows of ``/prestasi/prestasi.csv``."""
    return read_register_csv


PUBLISH = {
    "SITEURL": "https://pelita.example.go.id",
    "RELATIVE_URLS": False,
    "FEED_DOMAIN": "https://pelita.example.go.id",
    "FEED_ALL_ATOM": "feeds/semua.atom.xml",
    "CATEGORY_FEED_ATOM": "feeds/kategori/{slug}.atom.xml",
}


@pytest.fixture(scope="session")
def sample_posts() -> dict[str, tuple[str, str]]:
    """The sample site's posts: name -> (metadata lines, body)."""
    return POSTS


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer(
        REPO / "data" / "wilayah.csv", REPO / "data" / "wilayah-alias.csv"
    )


@pytest.fixture(scope="session")
def rules(gazetteer) -> Rules:
    """The shipped rules file with the gazetteer's place names, compiled once."""
    return load_rules(REPO / "data" / "prestasi-rules.yml", place_sets(gazetteer))


@pytest.fixture(scope="session")
def opd_registry():
    return load_opd(REPO / "data" / "opd.csv")


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built once with development settings (relative URLs)."""
    root = tmp_path_factory.mktemp("prestasi-dev")
    write_site(root)
    return build(root, PRESTASI={
        "rules_file": str(REPO / "data" / "prestasi-rules.yml"), "per_page": 2,
    })  # fmt: skip


@pytest.fixture(scope="session")
def publish_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built once with production-like settings (feeds on)."""
    root = tmp_path_factory.mktemp("prestasi-publish")
    write_site(root)
    return build(root, **PUBLISH)


@pytest.fixture
def site_builder(tmp_path: Path) -> Callable[..., Path]:
    """Build a one-off site: ``site_builder(posts=None, name="site", **settings)``."""

    def _build(
        posts: dict[str, tuple[str, str]] | None = None,
        name: str = "site",
        *,
        again: bool = False,
        **overrides,
    ) -> Path:
        root = tmp_path / name
        if not again:  # again=True rebuilds the same files (for cache hits)
            write_site(root, posts)
        return build(root, **overrides)

    return _build
