"""Structured data built from posts."""

import datetime as dt
from types import SimpleNamespace

from pelita.build.seo import SiteInfo, article_graph, site_graph

SITE = SiteInfo(
    url="https://kabar.example.id",
    name="Pelita Semarang",
    publisher="Pemerintah Kota Semarang",
    language="id-ID",
    timezone="Asia/Jakarta",
    logo_path="images/og/logo.png",
    search_path="cari/",
)
WIB = dt.timezone(dt.timedelta(hours=7))


class Category:
    url = "klarifikasi/"

    def __str__(self) -> str:
        return "Klarifikasi"


def post(**fields):
    base = {
        "title": "Pesan berantai <em>bansos</em>",
        "summary": "<p>Tidak ada pendaftaran lewat tautan.</p>",
        "url": "klarifikasi/pesan-berantai/",
        "date": dt.datetime(2025, 10, 15, 8, 0),
        "modified": None,
        "category": Category(),
        "tags": ["hoaks"],
        "source_name": "Dinas Kominfo",
    }
    return SimpleNamespace(**{**base, **fields})


def nodes(graph, kind):
    return [n for n in graph["@graph"] if n["@type"] == kind]


def test_news_article_dates_carry_the_site_offset_and_text_is_plain():
    graph = article_graph(post(), SITE, "https://kabar.example.id/images/og/a.png")
    (article,) = nodes(graph, "NewsArticle")
    assert article["datePublished"] == "2025-10-15T08:00:00+07:00"
    assert article["dateModified"] == "2025-10-15T08:00:00+07:00"
    assert article["headline"] == "Pesan berantai bansos"
    assert article["description"] == "Tidak ada pendaftaran lewat tautan."
    assert article["url"] == "https://kabar.example.id/klarifikasi/pesan-berantai/"
    assert article["author"]["name"] == "Dinas Kominfo"
    assert (
        article["publisher"]["logo"]["url"]
        == "https://kabar.example.id/images/og/logo.png"
    )
    assert article["image"] == ["https://kabar.example.id/images/og/a.png"]


def test_aware_dates_are_shown_in_the_site_zone():
    utc = dt.datetime(2025, 10, 15, 1, 0, tzinfo=dt.UTC)
    (article,) = nodes(article_graph(post(date=utc), SITE, None), "NewsArticle")
    assert article["datePublished"] == "2025-10-15T08:00:00+07:00"
    assert "image" not in article


def test_claim_review_maps_the_verdict_to_a_rating():
    graph = article_graph(
        post(klaim="Bansos lewat tautan", putusan="Tidak Tepat"), SITE, None
    )
    (review,) = nodes(graph, "ClaimReview")
    assert review["claimReviewed"] == "Bansos lewat tautan"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Tidak Tepat",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert review["author"]["name"] == "Pemerintah Kota Semarang"


def test_no_claim_review_without_both_claim_and_verdict():
    assert not nodes(article_graph(post(klaim="x"), SITE, None), "ClaimReview")
    assert not nodes(article_graph(post(), SITE, None), "ClaimReview")


def test_breadcrumbs_lead_home_then_category():
    (trail,) = nodes(article_graph(post(), SITE, None), "BreadcrumbList")
    assert [i["item"] for i in trail["itemListElement"]] == [
        "https://kabar.example.id/",
        "https://kabar.example.id/klarifikasi/",
    ]


def test_website_offers_the_search_action():
    (website,) = nodes(site_graph(SITE), "WebSite")
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert target == "https://kabar.example.id/cari/?q={search_term_string}"


def test_corrections_become_correction_comments():
    from pelita.core.ralat import Correction

    fixed = Correction(
        dt.datetime(2025, 10, 16, tzinfo=WIB), "Angka  penerima\n diralat."
    )
    undated = Correction(None, "Nama pejabat diperbaiki.")
    graph = article_graph(post(ralat=[fixed, undated]), SITE, None)
    (article,) = nodes(graph, "NewsArticle")
    assert article["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Angka penerima diralat.",
            "datePublished": "2025-10-16",
        },
        {"@type": "CorrectionComment", "text": "Nama pejabat diperbaiki."},
    ]


def test_posts_without_corrections_have_no_correction_property():
    (article,) = nodes(article_graph(post(), SITE, None), "NewsArticle")
    assert "correction" not in article
