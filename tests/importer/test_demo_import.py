"""The demo hub's imported posts (``make site``): every channel, safe pages."""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from importer_testkit import REPO, live_markup

from pelita.core.registries import slugify_name
from pelita.importer.writing.metadata import parse_header

DEMO_CHANNELS = {
    "diskominfo", "dinkes", "kec-semarang-tengah", "kel-kandri",
    "disbudpar-youtube", "dishub-instagram", "warta-semarang",
    "kel-tlogosari-kulon", "disperkim",
}  # fmt: skip
# The demo site without a feed (data/demo-sites/kel-tlogosari-kulon/): its
# articles and the dates their pages print, each in another format.
HTML_ARTICLES = {
    "posyandu-melati-juara": "2026-11-19T09:15:00+07:00",  # Kamis, ... | 09:15 WIB
    "kerja-bakti-saluran": "2026-11-03T00:00:00+07:00",  # 03/11/2026
    "pelatihan-kemasan-kue": "2026-10-21T13:30:00+07:00",  # 21-10-2026 13:30
    "jemput-bola-ktp-el": "2026-09-15T00:00:00+07:00",  # 15 Sep 2026 | Dilihat...
    "lomba-kampung-hijau": "2026-08-17T08:00:00+07:00",  # <time datetime>
}
NOISE = re.compile(
    r"Dilihat|Dibaca|Baca juga|Bagikan|Share this|Berita Terkait|Editor|Penulis|"
    r"Sumber foto|Tags:|Komentar|Sebelumnya:|Beranda",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def demo_posts(demo_output: Path) -> dict[Path, dict[str, str]]:
    folder = demo_output.parent / "content" / "demo"
    return {
        path: parse_header(path.read_text("utf-8").splitlines())
        for path in sorted(folder.rglob("*.md"))
    }


def page_of(demo_output: Path, meta: dict[str, str]) -> BeautifulSoup:
    page = demo_output / slugify_name(meta["category"]) / meta["slug"] / "index.html"
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_every_demo_channel_is_imported(demo_posts):
    assert {meta["channel"] for meta in demo_posts.values()} == DEMO_CHANNELS
    assert len(demo_posts) >= 40


def test_every_imported_page_is_free_of_live_markup(demo_output, demo_posts):
    for meta in demo_posts.values():
        page = page_of(demo_output, meta)
        body = page.select_one(".prose")
        assert live_markup("".join(map(str, body.children))) == [], meta["slug"]
        for tag in page.find_all(True):
            assert not any("pelitaXss" in str(v) for v in tag.attrs.values()), tag
            if tag.name == "script":
                assert "pelitaXss" not in tag.get_text()


def test_demo_images_are_copied_and_published(demo_output, demo_posts):
    images = [meta["image"] for meta in demo_posts.values() if "image" in meta]
    assert len(images) >= 20
    for image in images:
        assert image.startswith("images/demo-imported/")
        assert (demo_output / image).is_file()


def test_youtube_entries_are_videos_with_a_thumbnail(demo_posts):
    videos = [m for m in demo_posts.values() if m["channel"] == "disbudpar-youtube"]
    assert videos
    for meta in videos:
        assert meta["video"].startswith("https://www.youtube.com/watch?v=")
        assert meta["image"].startswith("images/demo-imported/")


def test_sources_name_their_channel(demo_output, demo_posts):
    names = {"warta-semarang": "Warta Semarang", "kel-kandri": "Kelurahan Kandri"}
    for meta in demo_posts.values():
        if meta["channel"] in names:
            link = page_of(demo_output, meta).select_one(".provenance a[rel~=nofollow]")
            assert link.get_text() == names[meta["channel"]]
            assert link["href"] == meta["source"]
            assert "utm_" not in link["href"]


def test_no_machine_path_reaches_the_posts(demo_posts):
    for path in demo_posts:
        text = path.read_text("utf-8")
        assert "file:" not in text
        assert str(REPO) not in text


def channel_posts(demo_posts, channel):
    return {p: m for p, m in demo_posts.items() if m["channel"] == channel}


def test_the_html_channel_gives_clean_correctly_dated_posts(demo_output, demo_posts):
    found = channel_posts(demo_posts, "kel-tlogosari-kulon")
    by_article = {m["source"].rstrip("/").rsplit("/", 1)[1]: m for m in found.values()}
    assert {k: m["date"] for k, m in by_article.items()} == HTML_ARTICLES
    for path, meta in found.items():
        assert meta["source"].startswith("https://tlogosarikulon.semarangkota.go.id/")
        assert (meta["kecamatan"], meta["kelurahan"]) == (
            "Pedurungan",
            "Tlogosari Kulon",
        )
        body = path.read_text("utf-8").split("\n\n", 1)[1]
        assert NOISE.search(body) is None, (path.name, NOISE.search(body))
        page = page_of(demo_output, meta).select_one(".prose")
        assert NOISE.search(page.get_text(" ")) is None, meta["slug"]
    images = [m["image"] for m in found.values() if "image" in m]
    assert len(images) == 4  # lazy data-src, data-lazy-src, data-srcset, in-body


def test_the_site_given_by_its_address_imports_its_discovered_feed(
    demo_output, demo_posts
):
    found = channel_posts(demo_posts, "disperkim")
    assert len(found) == 3
    root = demo_output.parent
    state = json.loads((root / "import-state.json").read_text("utf-8"))
    assert state["channels"]["disperkim"]["feed_url"] == "demo-sites/disperkim/feed.xml"
    report = json.loads((root / "import-report.json").read_text("utf-8"))
    (row,) = [c for c in report["channels"] if c["id"] == "disperkim"]
    assert row["discovered_feed"] == "demo-sites/disperkim/feed.xml"
