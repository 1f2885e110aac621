"""How long the link check takes on a 20,000-post site (one run, ratios).

Writes a synthetic built site (article pages with a full navigation, related
links, a responsive image and fragments; paginated lists; a sitemap) into a
temporary folder, then times ``sitecheck.links.check_links`` against a
baseline that parses each page with BeautifulSoup's html.parser, as a plain
Python link checker would. Run: ``.venv/bin/python bench/bench_links.py``.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

from pelita.tools.sitecheck.links import check_links

SITE = "https://kabar.example.go.id"
CATEGORIES = ["berita", "prestasi", "wisata", "kuliner", "umkm", "layanan-publik"]
NAV = "".join(f'<li><a href="{SITE}/{c}/">{c}</a></li>' for c in CATEGORIES)
FILLER = "<p>" + "Pemerintah Kota Semarang menggelar kegiatan. " * 60 + "</p>"


def article(number: int, posts: int) -> str:
    related = "".join(
        f'<li><a href="{SITE}/berita/kabar-{(number + k) % posts}/">kabar</a></li>'
        for k in range(1, 9)
    )
    image = f"/images/{number % 500}"
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{SITE}/theme/css/main.css">'
        f'<link rel="alternate" href="{SITE}/feeds/semua.atom.xml">'
        f'<meta property="og:image" content="{SITE}{image}-1200.webp"></head><body>'
        f'<a href="#isi">Lewati</a><nav><ul>{NAV}</ul></nav><main id="isi">'
        f'<h1 id="judul">Kabar {number}</h1><img src="{image}-480.webp" '
        f'srcset="{image}-480.webp 480w, {image}-960.webp 960w" alt="">'
        f"{FILLER}<ul>{related}</ul>"
        f'<a href="{SITE}/berita/kabar-{(number + 1) % posts}/#judul">next</a>'
        "</main></body></html>"
    )


def build_site(root: Path, posts: int) -> None:
    (root / "theme" / "css").mkdir(parents=True)
    (root / "theme" / "css" / "main.css").write_text("body{margin:0}")
    (root / "feeds").mkdir()
    (root / "feeds" / "semua.atom.xml").write_text("<feed/>")
    (root / "images").mkdir()
    for number in range(500):
        for width in (480, 960, 1200):
            (root / "images" / f"{number}-{width}.webp").write_bytes(b"RIFF")
    for category in CATEGORIES:
        (root / category).mkdir(exist_ok=True)
        (root / category / "index.html").write_text(f"<nav>{NAV}</nav>")
    (root / "index.html").write_text(f"<nav>{NAV}</nav>")
    locs = []
    for number in range(posts):
        folder = root / "berita" / f"kabar-{number}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(article(number, posts))
        locs.append(f"<url><loc>{SITE}/berita/kabar-{number}/</loc></url>")
    (root / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(locs)
        + "</urlset>"
    )


def baseline(root: Path) -> int:
    """Parse every page with BeautifulSoup and collect its links (no checking)."""
    count = 0
    for page in root.rglob("*.html"):
        soup = BeautifulSoup(page.read_bytes(), "html.parser")
        for tag in soup.find_all(["a", "link", "img", "script"]):
            count += bool(tag.get("href") or tag.get("src"))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        started = time.perf_counter()
        build_site(root, args.posts)
        written = time.perf_counter() - started
        print(f"site: {args.posts} posts written in {written:.1f} s")
        started = time.perf_counter()
        report = check_links(root, SITE)
        ours = time.perf_counter() - started
        assert report.ok, report.lines()[:5]
        started = time.perf_counter()
        baseline(root)
        theirs = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"check_links: {report.checked} refs, {report.files} files: {ours:.1f} s")
    print(f"BeautifulSoup parse only: {theirs:.1f} s ({theirs / ours:.1f}x slower)")
    print(f"peak RSS of the whole run: {peak:.0f} MB")


if __name__ == "__main__":
    main()
