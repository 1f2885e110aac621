"""A title's text reaches every output once decoded, never twice or not at all.

A feed item whose title holds ``&``, ``<``, quotes and the literal text
``&amp;`` is imported over HTTP and built with the production settings
(one Pelican build in a subprocess, as the deploy runs it). Each output
that takes the title from metadata is parsed in its own format and must
give the text a reader sees: JSON-LD, the news sitemap, the Atom feed,
og:/twitter: tags, the page title and heading, and the achievements register
(CSV and JSON).
"""

import csv
import datetime as dt
import io
import json
from email.utils import format_datetime
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from feedserver import FeedServer, Response
from importer_testkit import make_settings, write_registry
from sitebuild import run_pelican

from pelita.importer.cli import run_import

# What the feed's author wrote, as XML text: `&`, `<2024>`, quotes, and the
# five characters `&amp;` themselves.
WRITTEN = (
    "Diskominfo Raih Penghargaan Adipura &amp; Kalpataru &lt;2024&gt; "
    '"Terbaik" &amp;amp; Juara 1 Nasional'
)
# What a reader sees: `<`, `>` and straight quotes are the look-alikes every
# imported text field gets (pelita.core.htmlsafety.plain_text).
SEEN = (
    "Diskominfo Raih Penghargaan Adipura & Kalpataru \u20392024\u203a "
    "\u201cTerbaik\u201d &amp; Juara 1 Nasional"
)
FEED = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Uji</title><link>{{base}}/</link>
<description>d</description>
<item><title>{WRITTEN}</title><link>{{base}}/adipura/</link><guid>adipura-1</guid>
<pubDate>{{published}}</pubDate>
<description>Dinas Komunikasi dan Informatika Kota Semarang meraih penghargaan
Adipura tingkat nasional dari Kementerian Lingkungan Hidup tahun 2024.
Penghargaan diserahkan di Jakarta.</description></item>
</channel></rss>"""
SITEURL = "https://kota.example"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("titles")
    server = FeedServer().start()
    try:
        # An hour old, so the news sitemap (the last two days) lists it too.
        published = format_datetime(dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
        feed = FEED.format(base=server.base, published=published)
        url = server.add("/feed", Response(feed.encode()))
        write_registry(
            root,
            [{"id": "diskominfo", "name": "Diskominfo", "kind": "opd",
              "opd": "diskominfo", "url": url, "category": "Prestasi"}],
        )  # fmt: skip
        settings = make_settings(root)
        assert run_import(settings) == 0
    finally:
        server.stop()
    importer = {
        "channels_file": settings["IMPORTER"]["channels_file"],
        "content_dir": settings["IMPORTER"]["content_dir"],
    }
    run_pelican(
        root / "content", root / "output", conf="publishconf.py",
        env={"SITEURL": SITEURL}, IMPORTER=importer, CACHE_PATH=str(root / "cache"),
    )  # fmt: skip
    return root / "output"


def article_page(site):
    (page,) = [
        p for p in site.rglob("index.html") if "adipura" in p.parent.name.lower()
    ]
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_the_page_shows_the_title_as_written(site):
    soup = article_page(site)
    assert soup.h1.get_text() == SEEN
    assert soup.title.get_text().startswith(SEEN + " \u00b7 ")
    for name in ("og:title", "twitter:title"):
        tag = soup.find("meta", property=name) or soup.find(
            "meta", attrs={"name": name}
        )
        assert tag["content"] == SEEN


def test_json_ld_headline_is_the_text(site):
    soup = article_page(site)
    graphs = [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
    ]
    objects = [
        o for g in graphs for o in (g if isinstance(g, list) else g.get("@graph", [g]))
    ]
    (news,) = [o for o in objects if o.get("@type") == "NewsArticle"]
    assert news["headline"] == SEEN[:110]


def test_news_sitemap_and_atom_feed_hold_the_text(site):
    ns = {"n": "http://www.google.com/schemas/sitemap-news/0.9"}
    sitemap = ElementTree.parse(site / "news-sitemap.xml")
    titles = [t.text for t in sitemap.iterfind(".//n:title", ns)]
    assert titles == [SEEN]
    atom = ElementTree.parse(site / "feeds" / "semua.atom.xml")
    entry = atom.find("{http://www.w3.org/2005/Atom}entry")
    assert entry.find("{http://www.w3.org/2005/Atom}title").text == SEEN


def test_the_achievements_register_holds_the_text(site):
    (csv_file,) = site.rglob("prestasi*.csv")
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text("utf-8-sig"))))
    assert [r["judul"] for r in rows] == [SEEN]
    (json_file,) = [p for p in site.rglob("prestasi*.json")]
    data = json.loads(json_file.read_text("utf-8"))
    assert [item["judul"] for item in data["prestasi"]] == [SEEN]
