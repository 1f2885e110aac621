"""The demo hub's imported posts (``make site``): every channel, safe pages."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from importer.metadata import parse_header
from importer_testkit import REPO, live_markup
from registries import slugify_name

DEMO_CHANNELS = {
    "diskominfo", "dinkes", "kec-semarang-tengah", "kel-kandri",
    "disbudpar-youtube", "dishub-instagram", "warta-semarang",
}  # fmt: skip


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
