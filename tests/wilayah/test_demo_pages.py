"""The demo hub: a page for every kecamatan and kelurahan, listing exactly its posts.

The expectation is computed here from the content files themselves (header,
Markdown body) with the plugin's pure core, independently of Pelican's
article objects, so a wiring mistake in the plugin or the templates shows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from fnmatch import fnmatch
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings
from pelican.utils import slugify

from pelita.core.settings import WILAYAH
from pelita.core.wilayah import PostText, assign_wilayah
from pelita.core.wilayah.places import build_areas
from pelita.core.wilayah.validation import read_header

from .conftest import REPO

UNLISTED = {"draft", "hidden", "skip"}
SETTINGS = read_settings(str(REPO / "pelicanconf.py"))


def body_html(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return markdown.markdown(body, extensions=["extra", "smarty"])


def article_url(header: dict[str, str]) -> str:
    """The article's URL as ARTICLE_URL makes it: {category}/{slug}/."""
    subs = SETTINGS["SLUG_REGEX_SUBSTITUTIONS"]
    slug = header.get("slug") or slugify(header["title"], regex_subs=subs)
    category = slugify(header.get("category") or SETTINGS["DEFAULT_CATEGORY"], subs)
    return SETTINGS["ARTICLE_URL"].format(category=category, slug=slug)


def expected_urls(content: Path, tagger, areas) -> dict[str, set[str]]:
    """Kemendagri code -> URLs of the published posts tagged with that area."""
    expected: dict[str, set[str]] = defaultdict(set)
    for folder in SETTINGS["ARTICLE_PATHS"]:
        for path in sorted((content / folder).rglob("*.md")):
            if any(fnmatch(path.name, p) for p in SETTINGS["IGNORE_FILES"]):
                continue  # a README beside the posts, as Pelican skips it
            header = {key: value for key, (value, _) in read_header(path).items()}
            if header.get("status", "").lower() in UNLISTED:
                continue
            if header.get("duplicate_of"):  # listed once, as its story's primary
                continue
            text = PostText(header["title"], header.get("summary", ""), body_html(path))
            wilayah, problems = assign_wilayah(header, text, tagger, areas)
            assert problems == (), path
            for area in (*wilayah.kecamatan, *wilayah.kelurahan):
                expected[area.kode].add(article_url(header))
    return expected


# Where an area's pages list a post: its card, the achievements above the
# cards on the first page, or the earlier issues a recurring post folds in.
LISTED = "h3.card-title a, .wilayah-achievements a, .card-earlier a"


def listed_urls(output: Path, url: str) -> list[str]:
    """URLs of the posts listed on an area's page and all its following pages."""
    found, page, number = [], output / url / "index.html", 1
    while page.is_file():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # An area without posts shows its kecamatan's (or the city's) instead.
        for nearby in soup.select('[aria-labelledby="nearby-heading"]'):
            nearby.decompose()
        for link in soup.select(LISTED):
            target = (page.parent / link["href"]).resolve()
            found.append(f"{target.relative_to(output.resolve())}/")
        number += 1
        page = output / url / str(number) / "index.html"
    return found


@pytest.fixture(scope="module")
def areas(gazetteer):
    return build_areas(gazetteer, WILAYAH.defaults())


@pytest.fixture(scope="module")
def expected(demo_output, tagger, areas):
    return expected_urls(demo_output.parent / "content", tagger, areas)


def test_expected_urls_are_real_pages(demo_output, expected):
    urls = {url for found in expected.values() for url in found}
    assert urls
    assert [u for u in urls if not (demo_output / u / "index.html").is_file()] == []


def test_a_page_for_the_index_and_all_193_areas(demo_output, areas):
    everything = [*areas.kecamatan.values(), *areas.kelurahan.values()]
    assert len(everything) == 193
    assert (demo_output / "kecamatan" / "index.html").is_file()
    missing = [a.url for a in everything if not (demo_output / a.save_as).is_file()]
    assert missing == []


def test_each_area_page_lists_exactly_its_posts(demo_output, areas, expected):
    assert expected, "the demo has posts with a kecamatan"
    wrong = {}
    for area in (*areas.kecamatan.values(), *areas.kelurahan.values()):
        listed = listed_urls(demo_output, area.url)
        if sorted(listed) != sorted(expected.get(area.kode, ())):
            wrong[area.url] = (sorted(listed), sorted(expected.get(area.kode, ())))
    assert wrong == {}


def test_each_area_page_carries_its_code_in_json_ld(demo_output, areas):
    for area in (*areas.kecamatan.values(), *areas.kelurahan.values()):
        soup = BeautifulSoup(
            (demo_output / area.save_as).read_text(encoding="utf-8"), "html.parser"
        )
        data = json.loads(soup.find("script", type="application/ld+json").string)
        assert (data["@type"], data["identifier"]["value"]) == (
            "AdministrativeArea",
            area.kode,
        )


def test_index_map_links_every_kecamatan_with_its_count(demo_output, areas, expected):
    soup = BeautifulSoup(
        (demo_output / "kecamatan" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    svg = soup.find("svg")
    assert len(str(svg).encode()) < 25_000
    labels = {a["href"]: a["aria-label"] for a in svg.find_all("a")}
    assert len(labels) == 16
    for kec in areas.kecamatan.values():
        count = len(expected.get(kec.kode, ()))
        assert labels[f"../{kec.url}"].startswith(f"{kec.label}: {count} kabar")


def test_award_counts_match_the_awards_wall(demo_output, areas):
    """The kecamatan pages show the prestasi register's awards, not a guess."""
    index = (demo_output / "kecamatan" / "index.html").read_text(encoding="utf-8")
    labels = BeautifulSoup(index, "html.parser").find("svg").find_all("a")
    counts = {a["href"]: int(a["aria-label"].split(", ")[1].split()[0]) for a in labels}
    assert sum(counts.values()) > 0
    for kec in areas.kecamatan.values():
        wall, entries, number = demo_output / "prestasi" / "kecamatan" / kec.slug, 0, 1
        page = wall / "index.html"
        while page.is_file():
            entries += page.read_text(encoding="utf-8").count('class="award-entry"')
            number += 1
            page = wall / str(number) / "index.html"
        assert counts[f"../{kec.url}"] == entries, kec.nama


def test_an_area_without_posts_is_useful_and_kept_out_of_search_engines(
    demo_output, areas, expected
):
    empty = [a for a in areas.kelurahan.values() if a.kode not in expected]
    full = [a for a in areas.kelurahan.values() if a.kode in expected]
    assert empty and full
    for area in empty:
        soup = BeautifulSoup(
            (demo_output / area.save_as).read_text(encoding="utf-8"), "html.parser"
        )
        assert soup.find("meta", attrs={"name": "robots"})["content"].startswith(
            "noindex"
        ), area.url
        place = soup.select_one(".empty-place")
        assert place and "WhatsApp" in place.get_text(), area.url
        assert place.select_one("details summary"), area.url
    for area in full:
        html = (demo_output / area.save_as).read_text(encoding="utf-8")
        assert 'name="robots"' not in html, area.url
    # Out of the sitemap until they have posts (and in it once they do).
    sitemap = (demo_output / "sitemap.xml").read_text(encoding="utf-8")
    assert [a.url for a in empty if f"/{a.url}</loc>" in sitemap] == []
    assert [a.url for a in full if f"/{a.url}</loc>" not in sitemap] == []
