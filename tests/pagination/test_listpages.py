"""The pages of a list as templates see them: URLs and links."""

import pytest
from pelican.paginator import PaginationRule

from pelita.build.buildspeed.listpages import StablePaginator

SETTINGS = {
    "PAGINATION_PATTERNS": [
        PaginationRule(1, "{url}", "{save_as}"),
        PaginationRule(
            2,
            "{base_name}/halaman/{number}/",
            "{base_name}/halaman/{number}/index.html",
        ),
    ]
}


def _pager(count, name="berita/index.html", url="berita/"):
    return StablePaginator(name, url, list(range(count, 0, -1)), SETTINGS, 10)


def test_archived_pages_live_under_halaman_and_the_front_at_the_list_url():
    pages = _pager(45).pages()
    assert [p.url for p in pages] == [
        "berita/",
        "berita/halaman/3/",
        "berita/halaman/2/",
        "berita/halaman/1/",
    ]
    assert pages[-1].save_as == "berita/halaman/1/index.html"
    assert pages[-1].object_list == list(range(10, 0, -1))  # the ten oldest


def test_links_between_pages():
    front, third, second, first = _pager(45).pages()
    assert front.is_front and front.newer is None and front.older.url == third.url
    assert third.newer.is_front and third.older.url == second.url
    assert first.older is None and first.newer.url == second.url
    assert [link.number for link in front.nearby] == [3, 2, 1]
    assert [link.number for link in second.nearby] == [3, 2, 1]


def test_an_archived_pages_links_change_only_when_a_page_is_archived_above_it():
    keys = {p.url: p.key() for p in _pager(45).pages()[1:]}
    for count in range(46, 55):  # a new page 4 is archived at 50 posts
        after = {p.url: p.key() for p in _pager(count).pages()[1:]}
        changed = {u for u in keys if after[u] != keys[u]}
        assert changed == (set() if count < 50 else {"berita/halaman/3/"})


def test_the_home_page_front_is_the_site_root():
    front = _pager(30, name="index.html", url="index.html").pages()[0]
    assert front.url == ""
    assert front.older.url == "halaman/2/"


def test_the_paginator_speaks_pelicans_api():
    pager = _pager(45)
    assert pager.num_pages == 4 and pager.count == 45
    assert pager.page(4).is_front and pager.page(1).url == "berita/halaman/1/"
    with pytest.raises(ValueError, match="no page 5"):
        pager.page(5)


def test_a_missing_pattern_for_archived_pages_is_a_clear_error():
    settings = {"PAGINATION_PATTERNS": [PaginationRule(1, "{url}", "{save_as}")]}
    with pytest.raises(ValueError, match="PAGINATION_PATTERNS needs a pattern"):
        StablePaginator("b/index.html", "b/", list(range(30)), settings, 10).pages()
