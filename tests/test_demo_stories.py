"""The demo hub shows one story once: computed from the built site.

The demo feeds hold four stories reported by several channels (the KTP-el
press release, verbatim at a kecamatan and rewritten by an outlet; the admin
training; Dugderan 2026; the Rowosari accreditation) and near misses that
must stay apart (Pasar Johar and Balai Kota events days apart, the weekly
Car Free Day posts).
"""

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from pelita.core.registries import slugify_name

STORIES = {
    # primary (channel, title start): the other channels that reported it
    ("diskominfo", "Layanan Perekaman KTP-el Keliling"): {
        "Kecamatan Semarang Tengah", "Warta Semarang",
    },
    ("diskominfo", "Ratusan Admin Media Sosial"): {"Warta Semarang"},
    ("kec-semarang-tengah", "Dugderan 2026"): {"Warta Semarang"},
    ("dinkes", "Puskesmas Rowosari Raih Akreditasi"): {"Warta Semarang"},
}  # fmt: skip
NEAR_MISSES = (
    "Bazar Takjil Ramadan di Pelataran Pasar Johar",
    "Pedagang Pasar Johar Dilatih Menerima Pembayaran",
    "Pedagang Pasar Johar Ikuti Pemeriksaan Kesehatan",
    "Simulasi Tanggap Darurat Banjir Digelar di Halaman Balai Kota",
    "Ratusan ASN Senam Pagi dan Cek Kesehatan Gratis",
    "Car Free Day Simpang Lima",
)


@pytest.fixture(scope="module")
def pages(demo_output: Path) -> dict[str, dict]:
    """Every demo post's page: its channel, title, URL path and parsed HTML."""
    from pelita.importer.writing.metadata import parse_header

    found = {}
    for path in sorted((demo_output.parent / "content" / "demo").rglob("*.md")):
        meta = parse_header(path.read_text("utf-8").splitlines())
        url = f"{slugify_name(meta['category'])}/{meta['slug']}/"
        html = (demo_output / url / "index.html").read_text("utf-8")
        found[url] = {
            "channel": meta["channel"],
            "title": meta["title"],
            "soup": BeautifulSoup(html, "html.parser"),
        }
    return found


def listed_urls(demo_output: Path) -> str:
    """Everything the hub lists: home, category, archive and kecamatan pages."""
    lists = [demo_output / "index.html", *demo_output.glob("*/index.html"),
             *demo_output.glob("kecamatan/*/index.html"),
             *demo_output.glob("topik/*/index.html")]  # fmt: skip
    return "".join(p.read_text("utf-8") for p in lists)


def test_each_demo_story_is_grouped_under_its_most_official_post(pages):
    grouped = {}
    for url, page in pages.items():
        also = page["soup"].select_one(".story-also")
        if also is not None:
            names = {a.get_text() for a in also.select("a")}
            grouped[(page["channel"], page["title"])] = (url, names)
    found = {}
    for (channel, start), others in STORIES.items():
        match = [
            v for (c, t), v in grouped.items() if c == channel and t.startswith(start)
        ]
        assert len(match) == 1, start
        found[start] = match[0][1]
        assert match[0][1] == others, start
    assert len(grouped) == len(STORIES)  # no other story on the demo hub


def test_duplicates_point_to_their_primary_and_are_listed_nowhere(pages, demo_output):
    lists = listed_urls(demo_output)
    duplicates = {
        url: p for url, p in pages.items() if p["soup"].select_one(".story-note")
    }
    assert len(duplicates) == 5  # 2 + 1 + 1 + 1
    for url, page in duplicates.items():
        link = page["soup"].select_one(".story-note a")["href"]
        primary = link.removeprefix("../../")
        assert primary in pages
        assert primary not in duplicates
        canonical = page["soup"].select_one("link[rel=canonical]")["href"]
        assert canonical == link
        assert f"/{url}" not in lists and f'"{url}' not in lists, url
    for url in pages:
        if url not in duplicates:
            assert f"{url}" in lists, url


def test_the_near_misses_stay_apart(pages):
    for start in NEAR_MISSES:
        matching = [p for p in pages.values() if p["title"].startswith(start)]
        assert matching, start
        for page in matching:
            soup = page["soup"]
            assert soup.select_one(".story-also") is None, page["title"]
            assert soup.select_one(".story-note") is None, page["title"]


def test_the_channel_pages_list_every_demo_channel(demo_output):
    """The public /kanal/ list and the admins' health detail both name them all."""
    registry = Path(__file__).resolve().parents[1] / "data" / "channels.demo.yml"
    channels = yaml.safe_load(registry.read_text("utf-8"))["channels"]
    expected = {channel["name"] for channel in channels}
    public, admin = (
        BeautifulSoup((demo_output / path).read_text("utf-8"), "html.parser")
        for path in ("kanal/index.html", "kanal/admin/index.html")
    )
    assert {card.h2.get_text() for card in public.select(".kanal-card")} == expected
    assert {card.h3.get_text() for card in admin.select(".kanal-card")} == expected
    assert "Warta Semarang" in expected
    assert public.select_one("meta[name=robots]") is None  # the public list is indexed
    assert admin.select_one("meta[name=robots]")["content"].startswith("noindex")
