"""Identity: GUID, else normalized link, else content; reused GUIDs detected."""

import datetime as dt

import pytest

from pelita.importer.feeds.identity import (
    IDENTITY_GUID,
    IDENTITY_LINK,
    assign_identities,
    drop_repeats,
    feed_mode,
    guid_key,
    legacy_guid_key,
    link_key,
    normalize_link,
    page_guid,
    page_key,
    without_tracking,
)
from pelita.importer.model import Entry


def entry(guid=None, link=None, title="T", content_hash="ab" * 32, **dates):
    return Entry(title=title, body="", summary="", guid=guid, link=link,
                 content_hash=content_hash, **dates)  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "https://Dinas.Example.go.id/berita/a",
            "http://dinas.example.go.id/berita/a/",
        ),
        ("https://x.example/a?utm_source=fb&utm_medium=x", "https://x.example/a"),
        ("https://x.example/a?fbclid=1&id=2", "https://x.example/a?id=2"),
        ("https://x.example/a?gclid=1#comments", "https://x.example/a"),
        ("https://x.example:443/a?b=2&a=1", "https://x.example/a?a=1&b=2"),
        ("http://x.example:80/", "https://x.example"),
    ],
)
def test_equivalent_links_normalize_alike(a, b):
    assert normalize_link(a) == normalize_link(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://x.example/a", "https://x.example/b"),
        ("https://x.example/A", "https://x.example/a"),  # paths keep their case
        ("https://x.example/a?id=1", "https://x.example/a?id=2"),
        ("https://x.example:8080/a", "https://x.example/a"),
    ],
)
def test_different_links_stay_different(a, b):
    assert normalize_link(a) != normalize_link(b)


@pytest.mark.parametrize("url", [None, "", "mailto:a@b", "javascript:x", "/relative"])
def test_non_web_links_have_no_key(url):
    assert link_key(url) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # the RSS 2.0 specification's sample tells items apart by fragment
            "http://scriptingnews.userland.com/backissues/2002/09/29#When:6:56:02PM",
            "http://scriptingnews.userland.com/backissues/2002/09/29#When:6:52:02PM",
        ),
        ("http://site.example/?p=12", "https://site.example/?p=12"),
        ("https://x.example/A", "https://x.example/a"),
        ("https://x.example/a/", "https://x.example/a"),
        ("https://x.example/a?b=1&a=2", "https://x.example/a?a=2&b=1"),
        ("https://x.example/a?utm_source=x", "https://x.example/a"),
        ("tag:x.example,2024:1", "tag:x.example,2024:01"),
        ("abc", "ABC"),
    ],
)
def test_guids_are_compared_exactly(a, b):
    assert guid_key(a) != guid_key(b)


def test_guid_ends_are_stripped():
    assert guid_key("  abc  ") == guid_key("abc")
    assert guid_key("   ") is None


def test_legacy_key_is_the_normalized_guid_of_older_imports():
    guid = "http://site.example/?p=12"
    assert legacy_guid_key(guid) == legacy_guid_key("https://site.example/?p=12")
    assert legacy_guid_key(guid) != guid_key(guid)
    assert legacy_guid_key("urn:uuid:1225c695") is None


def test_fragment_twins_let_only_the_latest_claim_their_old_file():
    base = "http://s.example/2002/09/29"
    entries = [
        entry(f"{base}#a", published=dt.datetime(2002, 9, 29, 19, tzinfo=dt.UTC)),
        entry(f"{base}#b", published=dt.datetime(2002, 9, 30, 1, tzinfo=dt.UTC)),
        entry(f"{base}#c", published=dt.datetime(2002, 9, 29, 11, tzinfo=dt.UTC)),
    ]
    identities = assign_identities(entries, IDENTITY_GUID)
    assert len({i.key for i in identities}) == 3
    assert [i.legacy for i in identities] == [None, legacy_guid_key(base), None]


def test_a_page_of_an_html_channel_is_its_normalized_address():
    assert page_key("https://x.example/a/?utm_source=x") == page_key(
        "http://X.example/a"
    )
    assert page_guid("https://x.example/a/") == "//x.example/a"


def test_an_item_listed_twice_is_one_entry_in_its_newest_version():
    day = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    first = entry("g1", "https://x/1", title="Lama", published=day)
    other = entry("g2", "https://x/2", published=day)
    newer = entry(
        "g1", "https://x/1/", title="Baru", published=day, updated=day.replace(hour=9)
    )
    kept, dropped = drop_repeats([first, other, newer])
    assert dropped == 1
    assert kept == [newer, other]
    assert feed_mode(kept, IDENTITY_GUID) == IDENTITY_GUID


def test_one_guid_on_different_links_is_not_a_repeat():
    entries = [entry("same", "https://x/1"), entry("same", "https://x/2")]
    assert drop_repeats(entries) == (entries, 0)


def test_repeats_without_a_link_are_told_by_their_content():
    twins = [entry("g", None, content_hash="1" * 64)] * 2
    assert drop_repeats(twins)[1] == 1
    different = [
        entry("g", None, content_hash="1" * 64),
        entry("g", None, content_hash="2" * 64),
    ]
    assert drop_repeats(different)[1] == 0


@pytest.mark.parametrize(
    ("url", "source"),
    [
        (
            "https://x.example/a/?id=3&utm_source=rss&utm_medium=rss&fbclid=z",
            "https://x.example/a/?id=3",
        ),
        ("https://x.example/a?utm_source=rss", "https://x.example/a"),
        ("https://x.example/a?utm_source=rss#top", "https://x.example/a#top"),
        ("https://x.example/a?UTM_Campaign=x&b=2", "https://x.example/a?b=2"),
        ("https://x.example/a?utm%5Fsource=x&b", "https://x.example/a?b"),
        (
            "https://x.example/a?fbclid=1&foo=1:2&c&SandBox&x=%7E&y=a+b",
            "https://x.example/a?foo=1:2&c&SandBox&x=%7E&y=a+b",
        ),
    ],
)
def test_source_loses_only_its_trackers(url, source):
    assert without_tracking(url) == source


@pytest.mark.parametrize(
    "url",
    [
        "https://wiki.example/index.php?SandBox",
        "https://x.example/a?foo=1:2",
        "https://x.example/a?a=1&c",
        "https://x.example/a?b=2&a=1&a=3",
        "https://x.example/a?q=%E2%9C%93&r=a%2Bb&s=a+b",
        "https://x.example/a?&&x=1;y=2",
        "https://x.example/a?",
        "https://x.example/a?x=1#frag?utm_source=x",
        "https://x.example/a?futm_source=1",
    ],
)
def test_a_query_without_trackers_stays_byte_for_byte(url):
    assert without_tracking(url) == url


def test_reused_guid_switches_the_feed_to_link_identity():
    entries = [entry("same", "https://x/1"), entry("same", "https://x/2")]
    assert feed_mode(entries, IDENTITY_GUID) == IDENTITY_LINK
    keys = {i.key for i in assign_identities(entries, IDENTITY_LINK)}
    assert len(keys) == 2
    assert all(k.startswith("link:") for k in keys)


def test_link_mode_is_sticky():
    assert feed_mode([entry("a", "https://x/1")], IDENTITY_LINK) == IDENTITY_LINK


def test_identity_prefers_guid_then_link_then_content():
    with_guid, with_link, bare = assign_identities(
        [
            entry("g1", "https://x/1"),
            entry(None, "https://x/2"),
            entry(None, None, content_hash="cd" * 32),
        ],
        IDENTITY_GUID,
    )
    assert with_guid.key.startswith("guid:")
    assert with_guid.link_key == link_key("https://x/1")
    assert with_link.key.startswith("link:")
    assert bare.key == "hash:" + "cd" * 16


def test_a_link_shared_by_all_items_is_not_an_identity():
    entries = [
        entry(None, "https://x/profile", content_hash="1" * 64),
        entry(None, "https://x/profile", content_hash="2" * 64),
    ]
    keys = [i.key for i in assign_identities(entries, IDENTITY_GUID)]
    assert keys == ["hash:" + "1" * 32, "hash:" + "2" * 32]
