"""The home page's lists: each post once, recurring posts folded."""

import datetime as dt
from types import SimpleNamespace

from pelita.build.themecontext.home import fold_series, home_sections, series_key
from pelita.build.themecontext.selection import shown_category, stock_images


def post(title, day=1, month=11, category="Berita", **fields):
    return SimpleNamespace(
        title=title, date=dt.datetime(2026, month, day), category=category, **fields
    )


def test_a_series_keeps_its_name_without_dates_days_and_counters():
    first = series_key("Car Free Day Simpang Lima pekan ini, Minggu 15 November")
    assert first == series_key("Car Free Day Simpang Lima Pekan Ini, Minggu 8 Nov")
    assert first == "car free day simpang lima pekan ini"
    assert series_key("Lomba Kampung Hijau Edisi ke-3") == series_key(
        "Lomba Kampung Hijau Edisi ke-4"
    )
    assert series_key("Harga Cabai 12 Mei") is None
    assert series_key("Car Free Day Simpang Lima") != series_key(
        "Car Free Day Jalan Pahlawan"
    )


def test_recurring_posts_fold_into_the_newest_in_its_place():
    cfd = [post(f"Car Free Day Simpang Lima, Minggu {d} November", d) for d in (15, 8)]
    other = post("Pemkot Resmikan Taman Baru", 10)
    older = post("Car Free Day Simpang Lima, Minggu 1 November", 1)
    listed = fold_series([cfd[0], other, cfd[1], older])
    assert [item.article for item in listed] == [cfd[0], other]
    assert listed[0].earlier == (cfd[1], older)
    assert listed[1].earlier == ()


def test_the_same_title_from_two_channels_is_two_posts():
    one = post("Car Free Day Simpang Lima Minggu Ini", channel="dishub")
    two = post("Car Free Day Simpang Lima Minggu Ini", channel="warta")
    assert len(fold_series([one, two])) == 2


def test_each_post_is_in_one_list_only_and_recent_checks_come_first():
    newest = dt.datetime(2026, 11, 19)
    recent = post("Hoaks Bantuan Tunai", 12, category="Klarifikasi", putusan="Hoaks")
    old = post("Hoaks Lama", 1, 9, category="Klarifikasi", putusan="Hoaks")
    award = post("Kelurahan Juara", 18)
    news = [post("Jalan Baru", 19), award, recent, post("Pasar Murah", 5)]
    home = home_sections([*news, old], [award], [recent, old], newest, 14)
    assert home.checks_first == [recent]
    assert home.achievements == [award]
    assert [item.article.title for item in home.latest] == [
        "Jalan Baru", "Pasar Murah", "Hoaks Lama",
    ]  # fmt: skip
    assert home.checks == []
    shown = [*home.checks_first, *home.achievements, *home.checks]
    shown += [item.article for item in home.latest]
    assert len(shown) == len({id(a) for a in shown}) == 5


def test_checks_older_than_the_window_follow_the_news():
    newest = dt.datetime(2026, 11, 19)
    old = post("Hoaks Lama", 1, 9, category="Klarifikasi", putusan="Hoaks")
    home = home_sections([post("Jalan Baru", 19)], [], [old], newest, 14)
    assert home.checks_first == []
    assert home.checks == [old]


def test_an_achievement_filed_under_news_is_labelled_an_achievement():
    assert shown_category(post("Juara", award=object())) == "Prestasi"
    assert shown_category(post("Jalan", award=None)) == "Berita"
    assert shown_category(post("Cek", category="Klarifikasi")) == "Klarifikasi"


def test_a_picture_on_unrelated_posts_is_clip_art_but_a_series_may_share_one():
    art = "images/ilustrasi-kantor.webp"
    cfd = "images/cfd.webp"
    posts = [
        post("Pemkot Gelar Rapat Banjir", image=art),
        post("Disdik Umumkan Jadwal Ujian", image=art),
        post("Car Free Day Simpang Lima, Minggu 15 November", image=cfd),
        post("Car Free Day Simpang Lima, Minggu 8 November", image=cfd),
        post("Foto Sendiri", image="images/foto.webp"),
        post("Tanpa Foto"),
    ]
    assert stock_images(posts) == frozenset({art})
