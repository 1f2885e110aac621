"""Atom entries follow the pages' rule: no live image from another host.

A feed reader shows an entry's HTML as it is, so a remote ``<img>`` there
(a tracking pixel, a hotlinked photo) would report every reader to another
server. Built for real and the Atom files parsed: remote images are links,
pixels are gone, the site's own photos keep their responsive sizes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import run_pelican

from .photos import make_photo

SITEURL = "https://kabar.example.id"
ATOM = "{http://www.w3.org/2005/Atom}"
ENTRY = f"{ATOM}entry"
POST = """\
Title: Banjir Surut di Tembalang
Date: 2025-05-10 09:00
Category: Berita
Slug: banjir-surut
Kecamatan: Tembalang
Summary: Air surut pagi ini. ![Peta genangan](https://cdn.example.org/ringkas.jpg)

Air mulai surut sejak subuh.

![Peta banjir](https://cdn.example.org/peta.jpg)

<img src="https://tracker.example.net/p.gif" width="1" height="1" alt="">
<img src="//cdn.example.org/tanpa-alt.jpg">

![Warga membersihkan lumpur]({static}/images/2025/lumpur.jpg)
"""


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("feed-images")
    content = root / "content"
    (content / "posts" / "2025").mkdir(parents=True)
    (content / "posts" / "2025" / "banjir.md").write_text(POST, "utf-8")
    make_photo(content / "images" / "2025" / "lumpur.jpg", size=(1200, 800))
    settings = {
        "SITEURL": SITEURL,
        "FEED_DOMAIN": SITEURL,
        "RELATIVE_URLS": False,
        "FEED_ALL_ATOM": "feeds/semua.atom.xml",
        "CATEGORY_FEED_ATOM": "feeds/kategori/{slug}.atom.xml",
        "CACHE_PATH": str(root / "cache"),
    }
    run_pelican(content, root / "output", **settings)
    written = sorted((root / "output" / "feeds").rglob("*.atom.xml"))
    # The feeds the post is in (the others of the site are empty).
    return [feed for feed in written if ET.parse(feed).getroot().find(ENTRY)]


def _entry_html(feed: Path) -> list[BeautifulSoup]:
    entries = ET.parse(feed).getroot().findall(ENTRY)
    parts = []
    for entry in entries:
        for tag in ("content", "summary"):
            element = entry.find(f"{ATOM}{tag}")
            if element is not None and element.text:
                parts.append(BeautifulSoup(element.text, "html.parser"))
    return parts


def test_every_feed_of_the_post_is_judged(feeds):
    names = {feed.relative_to(feed.parents[1]).as_posix() for feed in feeds}
    assert {"kategori/berita.atom.xml", "kecamatan/tembalang.atom.xml"} <= names
    assert any(feed.name == "semua.atom.xml" for feed in feeds)


def test_no_feed_entry_loads_an_image_from_another_host(feeds):
    for feed in feeds:
        assert "tracker.example.net" not in feed.read_text("utf-8")
        for html in _entry_html(feed):
            for image in html.find_all("img"):
                assert image["src"].startswith(SITEURL + "/"), (feed, image)


def test_remote_images_become_links_in_content_and_summary(feeds):
    for feed in feeds:
        content, summary = _entry_html(feed)
        link = content.select_one('a[href="https://cdn.example.org/peta.jpg"]')
        assert link is not None and link.get_text() == "Peta banjir"
        unnamed = content.select_one('a[href="//cdn.example.org/tanpa-alt.jpg"]')
        assert unnamed.get_text() == "Gambar dari sumber asli (cdn.example.org)"
        linked = summary.select_one('a[href="https://cdn.example.org/ringkas.jpg"]')
        assert linked is not None and linked.get_text() == "Peta genangan"


def test_the_site_s_own_photo_stays_an_image_with_its_sizes(feeds):
    for feed in feeds:
        content = _entry_html(feed)[0]
        (photo,) = content.find_all("img")
        assert photo["alt"] == "Warga membersihkan lumpur"
        assert photo["srcset"].startswith(f"{SITEURL}/images/2025/lumpur-")
