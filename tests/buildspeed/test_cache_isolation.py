"""No later build writes into the caches through the links published in output/.

A production build publishes cached pages, cards and photo sizes as hard
links. Before the fix a development build over the same output/ (relative
URLs, no page cache) wrote its pages through those links into the page
cache, and the next production build served them: relative canonical links
and a failed gate. These builds run the real settings files, one after the
other, on one output folder and one cache.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PIL import Image
from sitebuild import plugins, run_pelican

from pelita.tools.sitecheck.links import check_links

REPO = Path(__file__).resolve().parents[2]
SITEURL = "https://kabar.example.go.id"


def _site(root: Path) -> Path:
    content = root / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    Image.new("RGB", (900, 600), (20, 90, 160)).save(content / "images" / "foto.jpg")
    for number in range(3):
        lines = [
            f"Title: Kabar warga Jangli nomor {number}",
            f"Date: 2024-03-1{number} 09:00",
            "Category: Berita",
            f"Slug: kabar-{number}",
            "Kecamatan: Tembalang",
        ]
        if number == 0:
            lines += ["Image: images/foto.jpg", "Image_alt: Kerja bakti di Jangli"]
        body = "Warga membersihkan saluran air bersama petugas kelurahan. " * 10
        (content / "posts" / f"kabar-{number}.md").write_text(
            "\n".join(lines) + "\n\n" + body + "\n", "utf-8"
        )
    return content


def _build(root: Path, settings_file: str, **extra: object) -> None:
    run_pelican(
        None,
        root / "output",
        conf=settings_file,
        args=["--fatal", "errors"],
        env={"SITEURL": SITEURL},
        PATH=str(root / "content"),
        CACHE_PATH=str(root / "cache"),
        **extra,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".webp", ".jpg", ".png"}
    }


def _development_plugins(without: str) -> list[str]:
    return plugins("pelicanconf.py", without=[without])


def test_a_development_build_leaves_the_production_caches_intact(tmp_path):
    _site(tmp_path)
    _build(tmp_path, "publishconf.py")
    _build(tmp_path, "publishconf.py")  # pages now come from the cache
    cache = _snapshot(tmp_path / "cache")
    assert any(name.startswith("buildspeed/pages/") for name in cache)
    assert any(name.startswith("images") for name in cache)
    page = tmp_path / "output" / "berita" / "kabar-1" / "index.html"
    assert os.stat(page).st_nlink > 1, "the page is expected to come from the cache"

    # A development build over the same output/: relative links, no page
    # cache; then one that copies the photo as it is (no images plugin).
    _build(tmp_path, "pelicanconf.py")
    _build(tmp_path, "pelicanconf.py", PLUGINS=_development_plugins("images"))
    assert 'href="../../' in page.read_text("utf-8")  # the development page
    after = _snapshot(tmp_path / "cache")  # it may add cards of its own
    assert {name: after.get(name) for name in cache} == cache

    _build(tmp_path, "publishconf.py")
    html = page.read_text("utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical and canonical[1] == f"{SITEURL}/berita/kabar-1/"
    report = check_links(tmp_path / "output", SITEURL)
    assert report.ok, report.lines()

    # Whatever writes into a published file writes into the cached copy;
    # the page cache notices and renders the page again.
    other = tmp_path / "output" / "berita" / "kabar-2" / "index.html"
    assert os.stat(other).st_nlink > 1
    good = other.read_text("utf-8")
    with other.open("w", encoding="utf-8") as handle:
        handle.write("<p>tulisan yang dirusak</p>")
    _build(tmp_path, "publishconf.py")
    assert other.read_text("utf-8") == good
