"""The /kanal/ pages in a real build: a plain list for the public, the detail
for admins (trouble first, in Indonesian) on /kanal/admin/."""

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import run_pelican

from pelita.importer.writing.state import ChannelState, save_state

REPO = Path(__file__).resolve().parents[2]
SITE = "https://kabar.example.id"
BUILT = dt.datetime(2026, 11, 23, 5, 0, tzinfo=dt.UTC)
CHANNELS = [
    {"id": "dinkes", "name": "Dinas Kesehatan", "kind": "opd", "opd": "dinkes",
     "url": "https://dinkes.example.go.id/feed/"},
    {"id": "kec-genuk", "name": "Kecamatan Genuk", "kind": "kecamatan",
     "kecamatan": "Genuk", "url": "https://genuk.example.go.id/feed/"},
    {"id": "kel-kandri", "name": "Kelurahan Kandri", "kind": "kelurahan",
     "kecamatan": "Gunungpati", "kelurahan": "Kandri",
     "url": "https://kandri.example.go.id/feed/"},
    {"id": "kel-jomblang", "name": "Kelurahan Jomblang", "kind": "kelurahan",
     "kecamatan": "Candisari", "kelurahan": "Jomblang", "enabled": False,
     "note": "Alamat situs kelurahan belum diketahui."},
]  # fmt: skip
POST = """\
Title: Posyandu Lansia Serentak
Date: {date}
Slug: {slug}
Category: Berita
Channel: {channel}
Source: https://example.go.id/{slug}/

Isi kabar.
"""


def when(days_ago):
    return (BUILT - dt.timedelta(days=days_ago)).isoformat()


def write_inputs(root):
    content = root / "content" / "imported"
    for channel, days in (("dinkes", 3), ("kel-kandri", 60)):
        slug = f"kabar-{channel}"
        target = content / channel / "2026" / f"{slug}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        date = (BUILT - dt.timedelta(days=days)).strftime("%Y-%m-%d %H:%M")
        target.write_text(POST.format(date=date, slug=slug, channel=channel), "utf-8")
    registry = root / "channels.yml"
    registry.write_text(yaml.safe_dump({"channels": CHANNELS}), "utf-8")
    save_state(root / "state.json", {
        "dinkes": ChannelState(last_attempt=when(0), last_success=when(0)),
        "kel-kandri": ChannelState(last_attempt=when(0), last_success=when(0)),
        "kec-genuk": ChannelState(
            last_attempt=when(0), last_success=when(9), consecutive_failures=3,
            next_attempt=when(-1),
            last_error="the address returned a web page (HTML), not a feed; point "
            "the channel's url at the feed itself",
        ),
    })  # fmt: skip
    report = {"channels": [{"id": "dinkes", "status": "ok", "image_failures": 2}]}
    (root / "report.json").write_text(json.dumps(report), "utf-8")
    return registry


def build(root, importer):
    """Build in a subprocess, as `invoke build` does.

    An in-process build connects every plugin's handlers for the rest of the
    test session; with the sitemap's connected, any later aborted build
    leaves it stuck, and the builds after it write no sitemap.
    """
    run_pelican(
        root / "content",
        root / "output",
        cache=root / "cache",
        env={"SOURCE_DATE_EPOCH": str(int(BUILT.timestamp()))},
        SITEURL=SITE,
        RELATIVE_URLS=False,
        IMPORTER=importer,
    )
    return root / "output"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("kanal")
    registry = write_inputs(root)
    return build(root, {
        "channels_file": str(registry),
        "content_dir": str(root / "content" / "imported"),
        "state_file": str(root / "state.json"),
        "report_file": str(root / "report.json"),
    })  # fmt: skip


def soup(path):
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_the_admin_page_is_for_admins_not_for_search_engines(site):
    page = soup(site / "kanal" / "admin" / "index.html")
    assert page.select_one("meta[name=robots]")["content"] == "noindex, follow"
    assert page.h1.get_text() == "Kesehatan kanal"
    assert page.select_one("[data-pagefind-body]") is None
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/kanal/admin/" not in sitemap
    assert f"<loc>{SITE}/kanal/</loc>" in sitemap
    home = soup(site / "index.html")
    assert home.select_one("footer a[href$='/kanal/']").get_text() == "Kanal resmi"
    assert home.select_one("a[href$='/kanal/admin/']") is None
    assert home.select_one("nav a[href$='/kanal/']") is None


def test_the_public_page_gives_a_plain_state_and_shames_no_office(site):
    page = soup(site / "kanal" / "index.html")
    assert page.select_one("meta[name=robots]") is None  # indexable
    assert page.h1.get_text() == "Kanal resmi"
    cards = {
        card.h2.get_text(): card.select_one(".kanal-badge").get_text()
        for card in page.select(".kanal-card")
    }
    # OPD first, then kecamatan, then kelurahan; each with a plain state.
    assert list(cards) == [
        "Dinas Kesehatan", "Kecamatan Genuk", "Kelurahan Jomblang", "Kelurahan Kandri",
    ]  # fmt: skip
    assert cards == {
        "Dinas Kesehatan": "Tersambung",
        "Kecamatan Genuk": "Sedang diperiksa",  # failing: the hub's job
        "Kelurahan Jomblang": "Belum tersambung",
        "Kelurahan Kandri": "Tersambung",  # 60 days quiet: not a public matter
    }
    text = " ".join(page.get_text(" ").split())
    for detail in ("Sepi", "hari lalu", "Gagal", "halaman web biasa", "berturut"):
        assert detail not in text, detail
    admin = page.select_one("a[href$='/kanal/admin/']")
    assert admin.get_text() == "Detail untuk admin kanal"
    assert "nofollow" in admin["rel"]


def test_failing_and_silent_channels_come_first_in_plain_indonesian(site):
    page = soup(site / "kanal" / "admin" / "index.html")
    attention = page.select("#kanal-perhatian ~ .kanal-list > li")
    names = [card.h3.get_text() for card in attention]
    assert names == ["Kecamatan Genuk", "Kelurahan Kandri"]
    failing = attention[0].get_text(" ", strip=True)
    assert "Gagal" in failing
    assert "Alamat kanal berisi halaman web biasa, bukan feed." in failing
    assert "(the address returned a web page (HTML)" in failing
    assert "Gagal berturut-turut 3" in failing
    assert "Dicoba lagi" in failing
    silent = attention[1].get_text(" ", strip=True)
    assert "Sepi" in silent
    assert "60 hari lalu" in silent
    assert "Kecamatan Gunungpati" in silent


def test_healthy_and_disabled_channels_follow(site):
    page = soup(site / "kanal" / "admin" / "index.html")
    others = [c.h3.get_text() for c in page.select("#kanal-lainnya ~ .kanal-list > li")]
    assert others == ["Dinas Kesehatan"]
    healthy = page.select_one("#kanal-lainnya ~ .kanal-list > li").get_text(" ")
    assert "Gambar yang dilewati pada impor terakhir" in healthy
    disabled = page.select_one(".kanal-disabled")
    assert "Kelurahan Jomblang" in disabled.get_text()
    assert "Alamat situs kelurahan belum diketahui." in disabled.get_text()
    counts = page.select_one(".kanal-counts").get_text(" ", strip=True)
    assert counts == "Gagal 1 Sepi 1 Belum diambil 0 Baik 1 Nonaktif 1"
    assert "Impor terakhir: Senin, 23 November 2026 12.00 WIB" in " ".join(
        page.get_text(" ").split()
    )


def test_before_any_import_every_channel_waits_for_its_first_fetch(tmp_path):
    registry = write_inputs(tmp_path)
    output = build(tmp_path, {
        "channels_file": str(registry),
        "content_dir": str(tmp_path / "content" / "imported"),
        "state_file": str(tmp_path / "none.json"),
        "report_file": str(tmp_path / "none-report.json"),
    })  # fmt: skip
    page = soup(output / "kanal" / "admin" / "index.html")
    assert "Belum ada impor yang berjalan." in page.get_text()
    statuses = [c["class"][1] for c in page.select(".kanal-card")]
    assert statuses.count("kanal-card--belum") == 3
    public = soup(output / "kanal" / "index.html")
    states = [b.get_text() for b in public.select(".kanal-card .kanal-badge")]
    assert states.count("Menunggu pengambilan pertama") == 3
