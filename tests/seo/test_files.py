"""robots.txt and the Google News sitemap."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from pelita.build.seo import NewsEntry, news_sitemap, robots_txt

WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2025, 10, 15, 12, 0, tzinfo=WIB)
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def entry(hours_ago, title="Judul"):
    return NewsEntry(
        f"https://x.id/{hours_ago}/", title, NOW - dt.timedelta(hours=hours_ago)
    )


def test_news_sitemap_keeps_the_last_two_days_newest_first():
    xml = news_sitemap(
        [entry(50), entry(1), entry(47, "Tom & Jerry <3>"), entry(-2)],
        NOW,
        "Pelita",
        "id",
    )
    root = ET.fromstring(xml)
    locs = [u.find("s:loc", NS).text for u in root.findall("s:url", NS)]
    assert locs == ["https://x.id/1/", "https://x.id/47/"]
    titles = [t.text for t in root.iter(f"{{{NS['n']}}}title")]
    assert titles[1] == "Tom & Jerry <3>"
    assert root.find(".//n:language", NS).text == "id"
    assert root.find(".//n:publication_date", NS).text == "2025-10-15T11:00:00+07:00"


def test_news_sitemap_needs_an_aware_now():
    with pytest.raises(ValueError, match="timezone-aware"):
        news_sitemap([], NOW.replace(tzinfo=None), "Pelita", "id")


def test_robots_lists_sitemaps_only_for_an_absolute_site():
    text = robots_txt("https://x.id/", ["sitemap.xml"], ["/pagefind/"])
    assert (
        text
        == "User-agent: *\nDisallow: /pagefind/\n\nSitemap: https://x.id/sitemap.xml\n"
    )
    assert "Sitemap" not in robots_txt("", ["sitemap.xml"], [])
    assert "Disallow:\n" in robots_txt("", [], [])
