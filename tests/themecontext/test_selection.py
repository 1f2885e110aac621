import datetime as dt
from types import SimpleNamespace

from pelita.build.themecontext.selection import (
    archive_months,
    is_achievement,
    latest,
    ordered_categories,
    search_filters,
    verdict_slug,
)


def post(category="Berita", day=1, month=1, **fields):
    return SimpleNamespace(
        category=category, date=dt.datetime(2025, month, day), **fields
    )


def test_achievement_rules_without_the_prestasi_plugin():
    assert is_achievement(post("Prestasi"))
    assert not is_achievement(post("Prestasi", prestasi="tidak"))
    assert is_achievement(post("Berita", prestasi="Ya"))
    assert not is_achievement(post("Berita"))


def test_the_prestasi_plugins_award_is_final():
    # The plugin replaces article.prestasi with its award object (or None).
    assert is_achievement(post("Berita", award=object(), prestasi=object()))
    assert not is_achievement(post("Prestasi", award=None, prestasi=None))


def test_latest_stops_at_the_limit():
    posts = [post(prestasi="ya") for _ in range(10)]
    assert latest(posts, is_achievement, 3) == posts[:3]


def test_categories_follow_the_configured_order_and_skip_empty_ones():
    cats = [
        (SimpleNamespace(name=n), posts)
        for n, posts in [
            ("Wisata", [1]),
            ("Berita", [1, 2]),
            ("UMKM", []),
            ("Lain", [1]),
        ]
    ]
    ordered = ordered_categories(cats, ["Berita", "Prestasi", "Wisata", "UMKM"])
    assert [(c.name, n) for c, n in ordered] == [
        ("Berita", 2),
        ("Wisata", 1),
        ("Lain", 1),
    ]


def test_archive_groups_by_year_and_month_newest_first():
    posts = [post(day=3, month=3), post(day=1, month=3), post(month=1)]
    years = archive_months(posts, "arsip/{date:%Y}/", "arsip/{date:%Y}/{date:%m}/")
    ((year, months),) = years
    assert (year.year, year.url) == (2025, "arsip/2025/")
    assert [(m.url, m.count) for m in months] == [
        ("arsip/2025/03/", 2),
        ("arsip/2025/01/", 1),
    ]


def test_search_filters_use_the_names_pages_print():
    posts = [post(kecamatan="Tembalang", opd="dlh"), post(kecamatan="Mijen")]
    filters = search_filters(posts, ["Berita"], lambda v: {"dlh": "Dinas LH"}[v])
    assert filters == {
        "kategori": ["Berita"],
        "kecamatan": ["Mijen", "Tembalang"],
        "opd": ["Dinas LH"],
        "tahun": ["2025"],
    }


def test_verdict_slug():
    assert verdict_slug("Tidak Tepat") == "tidak-tepat"
    assert verdict_slug("HOAKS") == "hoaks"


def test_kecamatan_names_prefer_the_wilayah_list():
    from pelita.build.themecontext.selection import kecamatan_names

    places = SimpleNamespace(
        kecamatan=[SimpleNamespace(nama="Genuk"), SimpleNamespace(nama="Gayamsari")]
    )
    assert kecamatan_names(post(kecamatan="Genuk", wilayah=places)) == [
        "Genuk",
        "Gayamsari",
    ]
    assert kecamatan_names(post(kecamatan="Mijen")) == ["Mijen"]
    assert kecamatan_names(post(kecamatan=None, wilayah=None)) == []
