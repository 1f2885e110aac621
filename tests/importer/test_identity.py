"""Identity: GUID, else normalized link, else content; reused GUIDs detected."""

import pytest

from pelita.importer.feeds.identity import (
    IDENTITY_GUID,
    IDENTITY_LINK,
    assign_identities,
    feed_mode,
    guid_key,
    link_key,
    normalize_link,
    without_tracking,
)
from pelita.importer.model import Entry


def entry(guid=None, link=None, title="T", content_hash="ab" * 32):
    return Entry(title=title, body="", summary="", guid=guid, link=link,
                 content_hash=content_hash)  # fmt: skip


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


def test_url_guid_is_normalized_like_a_link():
    assert guid_key("http://site.example/?p=12") == guid_key(
        "https://site.example/?p=12"
    )
    assert guid_key("  abc  ") == guid_key("abc")
    assert guid_key("   ") is None


def test_source_keeps_its_query_but_loses_trackers():
    url = "https://x.example/a/?id=3&utm_source=rss&utm_medium=rss&fbclid=z"
    assert without_tracking(url) == "https://x.example/a/?id=3"


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
