"""The demo content keeps its promises: coverage, valid registries, real images.

Everything here is computed from the files in content/ and data/, so adding a
post with a typo in its kecamatan, an unknown OPD or a missing image fails.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import runpy
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
import yaml
from PIL import Image

from pelita.core.registries import load_gazetteer, load_opd
from pelita.importer.fetching.discover import linked_feeds
from pelita.importer.model import FetchResult

REPO = Path(__file__).resolve().parent.parent
POSTS = sorted((REPO / "demo" / "posts").rglob("*.md"))
PAGES = sorted((REPO / "content" / "pages").rglob("*.md"))
REGISTRY = REPO / "data" / "channels.demo.yml"
FEEDS = REPO / "data" / "demo-feeds"
SITES = REPO / "data" / "demo-sites"
SITE_TEXTS = sorted(p for p in SITES.rglob("*") if p.suffix in (".html", ".xml"))
MAX_IMAGE_BYTES = 90 * 1024
WIB = ZoneInfo("Asia/Jakarta")
FIRST_DAY = dt.datetime(2024, 1, 1, tzinfo=WIB)
SAVIRA = "0821-9999-6148"


def read_post(path: Path) -> tuple[dict[str, str], str]:
    """Metadata (keys lower-cased, as Pelican reads them) and body of a post."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = {}
    for line in header.splitlines():
        key, sep, value = line.partition(": ")
        assert sep, f"{path.name}: metadata line without 'Key: value': {line!r}"
        meta[key.lower()] = value.strip()
    return meta, body


@pytest.fixture(scope="module")
def posts() -> dict[str, dict[str, str]]:
    return {str(path.relative_to(REPO)): read_post(path)[0] for path in POSTS}


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(
        REPO / "data" / "wilayah.csv", REPO / "data" / "wilayah-alias.csv"
    )


@pytest.fixture(scope="module")
def opd_ids() -> set[str]:
    return {opd.id for opd in load_opd(REPO / "data" / "opd.csv").items}


@pytest.fixture(scope="module")
def channels() -> list[dict]:
    return yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))["channels"]


def test_posts_cover_every_category_over_three_years(posts):
    categories = runpy.run_path(str(REPO / "pelicanconf.py"))["CATEGORIES"]
    assert 35 <= len(posts) <= 40
    assert {meta["category"] for meta in posts.values()} == set(categories)
    now = dt.datetime.now(WIB)
    dates = [
        dt.datetime.strptime(meta["date"], "%Y-%m-%d %H:%M").replace(tzinfo=WIB)
        for meta in posts.values()
    ]
    assert all(FIRST_DAY <= date <= now for date in dates)
    assert {date.year for date in dates} >= {2024, 2025, 2026}


def test_every_kecamatan_and_ten_kelurahan_are_covered(posts, gazetteer):
    named = set()
    for name, meta in posts.items():
        if "kecamatan" in meta:
            kec = gazetteer.find_kecamatan(meta["kecamatan"])
            assert kec is not None, f"{name}: unknown kecamatan {meta['kecamatan']}"
            named.add(kec.nama)
        if "kelurahan" in meta:
            found = gazetteer.find_kelurahan(meta["kelurahan"], meta.get("kecamatan"))
            assert len(found) == 1, f"{name}: kelurahan {meta['kelurahan']} unclear"
    assert named == {kec.nama for kec in gazetteer.kecamatan}
    kelurahan = {meta["kelurahan"] for meta in posts.values() if "kelurahan" in meta}
    assert len(kelurahan) >= 10


def test_tagger_material_has_posts_without_kecamatan_metadata(posts):
    untagged = [read_post(REPO / name) for name, meta in posts.items()]
    text = " ".join(
        meta["title"] + " " + body for meta, body in untagged if "kecamatan" not in meta
    )
    for hazard in ("Jawa Tengah", "Bandungan", "Ungaran", "Tugu Muda", "Purwosari"):
        assert hazard in text, f"no untagged post mentions {hazard}"


def test_opd_ids_exist(posts, opd_ids, channels):
    used = {meta["opd"] for meta in posts.values() if "opd" in meta}
    used |= {channel["opd"] for channel in channels if "opd" in channel}
    assert used <= opd_ids, f"unknown OPD ids: {sorted(used - opd_ids)}"


def test_achievements_have_full_award_metadata(posts, opd_ids):
    awards = {n: m for n, m in posts.items() if m.get("prestasi") == "ya"}
    prestasi = {n for n, m in posts.items() if m["category"] == "Prestasi"}
    assert prestasi == set(awards)
    assert len(awards) >= 8
    levels = {"internasional", "nasional", "provinsi", "kota"}
    for name, meta in awards.items():
        for key in ("penghargaan", "pemberi", "penerima"):
            assert meta.get(key), f"{name}: {key} missing"
        assert meta["tingkat"] in levels, name
        assert 2020 <= int(meta["tahun"]) <= dt.datetime.now(WIB).year, name
        assert meta.get("bukti", "https://").startswith("https://"), name
    assert {meta["tingkat"] for meta in awards.values()} == levels
    assert any(meta["penerima"] in opd_ids for meta in awards.values())
    assert any("bukti" in meta for meta in awards.values())


def test_clarifications_carry_claim_and_each_verdict(posts):
    klarifikasi = [m for m in posts.values() if m["category"] == "Klarifikasi"]
    assert all(meta.get("klaim") for meta in klarifikasi)
    assert {meta["putusan"] for meta in klarifikasi} == {
        "Hoaks",
        "Tidak Tepat",
        "Benar",
    }


def test_post_images_exist_and_fit_the_budget(posts):
    with_image = {name: meta for name, meta in posts.items() if "image" in meta}
    assert 0.4 <= len(with_image) / len(posts) <= 0.6
    for name, meta in with_image.items():
        path = REPO / "demo" / meta["image"]
        assert path.is_file(), f"{name}: {meta['image']} missing"
        assert path.stat().st_size <= MAX_IMAGE_BYTES, f"{name}: image too big"
        with Image.open(path) as image:
            assert (image.format, image.size) == ("JPEG", (1200, 675)), name
        assert len(meta.get("image_alt", "")) >= 20, f"{name}: alt text missing"
    drawn = list((REPO / "demo" / "images").rglob("*.jpg"))
    drawn += list((FEEDS / "media").glob("*"))
    assert sum(path.stat().st_size for path in drawn) < 3 * 1024 * 1024


def test_image_script_redraws_the_committed_images(tmp_path):
    script = REPO / "scripts" / "make-demo-images.py"
    stems = ["adipura", "yt-mangrove-tugu"]
    args = [sys.executable, str(script), "--root", str(tmp_path)]
    for stem in stems:
        args += ["--only", stem]
    subprocess.run(args, check=True, capture_output=True, timeout=60)
    for drawn in tmp_path.rglob("*.jpg"):
        committed = REPO / drawn.relative_to(tmp_path)
        assert drawn.read_bytes() == committed.read_bytes(), committed.name
    assert len(list(tmp_path.rglob("*.jpg"))) == len(stems)


def test_no_personal_data_in_demo_text():
    texts = [p.read_text(encoding="utf-8") for p in [*POSTS, *PAGES]]
    texts += [p.read_text(encoding="utf-8") for p in FEEDS.glob("*.*")]
    texts += [p.read_text(encoding="utf-8") for p in SITE_TEXTS]
    for text in texts:
        assert not re.search(r"\b\d{16}\b", text), "looks like a NIK"
        assert not re.search(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", text), "an e-mail"
        phones = re.findall(r"(?:\+62|\b0)8\d{2}[- ]?\d{4}[- ]?\d{3,4}", text)
        assert set(phones) <= {SAVIRA}, phones


def feed_path(channel: dict) -> Path:
    """The feed file of a feed channel; a site's is the feed its page links."""
    path = REGISTRY.parent / channel["url"]
    if not path.is_dir():
        return path
    index = path / "index.html"
    result = FetchResult(
        url=str(index), final_url=index.as_uri(), status=200,
        headers=(("content-type", "text/html"),), body=index.read_bytes(),
        fetched_at=dt.datetime.now(dt.UTC),
    )  # fmt: skip
    (feed,) = linked_feeds(result)
    return Path(urlsplit(feed).path)


def feed_entries(channel: dict) -> list[dict]:
    """Entries of one demo feed as dicts with title, date, guid, link, content."""
    path = feed_path(channel)
    if path.suffix == ".json":
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["title"]
        return [
            {
                "title": item.get("title", ""),
                "date": dt.datetime.fromisoformat(item["date_published"]),
                "guid": item["id"],
                "link": item.get("url"),
                "content": item.get("content_html") or item["content_text"],
            }
            for item in feed["items"]
        ]
    parsed = feedparser.parse(path.read_bytes(), sanitize_html=False)
    assert not parsed.bozo, f"{path.name}: {parsed.get('bozo_exception')}"
    return [_xml_entry(entry) for entry in parsed.entries]


def _xml_entry(entry) -> dict:
    # dict.get: FeedParserDict.get maps a missing key to another with a warning.
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    date = dt.datetime(*stamp[:6], tzinfo=dt.UTC) if stamp else None
    content = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
    return {
        "title": entry.title,
        "date": date,
        "guid": entry.id,
        "link": entry.link,
        "content": content,
    }


@pytest.fixture(scope="module")
def entries(channels) -> dict[str, list[dict]]:
    return {
        channel["id"]: feed_entries(channel)
        for channel in channels
        if channel.get("format") != "html"
    }


def test_demo_registry_is_valid(channels, gazetteer):
    ids = [channel["id"] for channel in channels]
    assert len(ids) == len(set(ids))
    assert 6 <= len(channels) <= 10
    for channel in channels:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", channel["id"])
        assert channel["kind"] in {"opd", "kecamatan", "kelurahan", "media"}
        assert (REGISTRY.parent / channel["url"]).exists(), channel["url"]
        if channel["kind"] in {"kecamatan", "kelurahan"}:
            assert gazetteer.find_kecamatan(channel["kecamatan"]), channel["id"]
        if channel["kind"] == "kelurahan":
            found = gazetteer.find_kelurahan(channel["kelurahan"], channel["kecamatan"])
            assert len(found) == 1, channel["id"]
    assert {channel["kind"] for channel in channels} == {
        "opd", "kecamatan", "kelurahan", "media"
    }  # fmt: skip
    html = [c for c in channels if c.get("format") == "html"]
    by_address = [c for c in channels if (REGISTRY.parent / c["url"]).is_dir()]
    assert len(html) == len(by_address) == 1


def test_demo_site_images_are_bundled_and_used():
    referenced = set()
    for page in SITE_TEXTS:
        text = page.read_text("utf-8")
        base = re.search(r"<base href=\"([^\"]+)\"", text)
        folder = page.parent / (base.group(1) if base else "")
        for name in re.findall(r"(?:src|url|srcset)=[\"']([^\"' ]+\.jpg)", text):
            referenced.add((folder / name).resolve())
    bundled = {p.resolve() for p in SITES.rglob("*.jpg")}
    assert referenced == bundled
    assert len(bundled) == 5


def test_feeds_parse_and_are_dated_in_range(entries):
    everything = [entry for feed in entries.values() for entry in feed]
    assert 45 <= len(everything) <= 60
    now = dt.datetime.now(WIB)
    dated = [entry["date"] for entry in everything if entry["date"]]
    assert all(FIRST_DAY <= date <= now for date in dated)
    # Only the entry dated the Indonesian way ("Kamis, ... WIB") defeats feedparser.
    undated = [e for e in everything if e["date"] is None]
    assert [e["title"][:10] for e in undated] == ["Kerja Bakt"]


def test_feed_media_are_bundled_and_used():
    referenced = set()
    for feed in FEEDS.glob("*.*"):
        text = feed.read_text(encoding="utf-8")
        referenced |= set(re.findall(r"(?:url|href|src)=\"(media/[^\"]+)\"", text))
        referenced |= set(re.findall(r"\"(?:image|icon)\": \"(media/[^\"]+)\"", text))
    bundled = {f"media/{path.name}" for path in (FEEDS / "media").iterdir()}
    assert referenced == bundled
    for name in bundled:
        with Image.open(FEEDS / name) as image:
            assert image.format == "JPEG", name


def test_story_material_verbatim_copy_and_weekly_routine(entries):
    by_title: dict[str, list[tuple[str, dict]]] = {}
    for channel, feed in entries.items():
        for entry in feed:
            by_title.setdefault(entry["title"], []).append((channel, entry))
    copies = [group for group in by_title.values() if len(group) > 1]
    assert len(copies) == 1
    (first_channel, first), (second_channel, second) = copies[0]
    assert first_channel != second_channel
    assert first["content"] == second["content"]
    assert first["guid"] != second["guid"]
    assert first["link"] != second["link"]
    assert first["date"].date() == second["date"].date()
    weekly = [
        e for e in entries["dishub-instagram"] if e["title"].startswith("Car Free Day")
    ]
    assert len(weekly) >= 3
    assert len({entry["date"].date() for entry in weekly}) == len(weekly)


def test_only_one_entry_carries_hostile_html(entries):
    hostile = re.compile(r"<script|onclick=|onerror=|javascript:|<iframe", re.I)
    flagged = [
        entry["title"]
        for feed in entries.values()
        for entry in feed
        if hostile.search(entry["content"])
    ]
    assert flagged == [
        "Waspada Undangan Pernikahan Digital Berisi Aplikasi Pencuri Data"
    ]
