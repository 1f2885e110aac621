"""``invoke channel-add`` on news portals of several eras gives entries that work.

Each portal of ``portals.py`` is served from loopback; channel-add guesses
its ``html:`` block with no help, and the import that follows must bring
the three articles with their own headline and every paragraph, and none of
the menus, sidebars, ads and footers around them. The guesses are printed
with the page each was tried on.
"""

import pytest
from importer_testkit import FakeResolver, make_settings, posts
from portals import CHROME_WORDS, PORTALS, subdomain_portal_2020

from pelita.importer.channeladd.command import ChannelAddError, run_channel_add
from pelita.importer.cli import run_import
from pelita.importer.writing.metadata import parse_header

REGISTRY = (
    "channels:\n  - id: diskominfo\n    name: Diskominfo\n    kind: opd\n"
    "    url: https://diskominfo.example.go.id/feed/\n    opd: diskominfo\n"
)


def imported(root):
    found = {}
    for path in posts(root):
        lines = path.read_text("utf-8").splitlines()
        header = parse_header(lines)
        found[header["title"]] = "\n".join(lines)
    return found


def add_and_import(tmp_path, url, resolver=None, subdomains=False):
    """channel-add with no help, then the import of the entry it wrote."""
    (tmp_path / "channels.yml").write_text(REGISTRY, encoding="utf-8")
    settings = make_settings(tmp_path)
    said = []
    run_channel_add(
        settings, url, {"name": "Portal Uji", "kind": "media"},
        yes=True, write=True, say=said.append, ask=lambda _: "",
        resolver=resolver, subdomains=subdomains,
    )  # fmt: skip
    shown = "\n".join(said)
    assert "  items: " in shown and f" di {url}" in shown
    assert "  body: " in shown
    assert run_import(settings, only="portal-uji", resolver=resolver) == 0
    return said


def assert_usable(tmp_path, portal):
    """Every article, with its headline and every paragraph, and no chrome."""
    found = imported(tmp_path)
    assert sorted(found) == sorted(s.title for s in portal.stories)
    for story in portal.stories:
        text = " ".join(found[story.title].split())
        for paragraph in story.paragraphs:
            assert paragraph[:60] in text, (story.title, paragraph)
        for chrome in CHROME_WORDS:
            assert chrome not in text, (story.title, chrome)


@pytest.mark.parametrize("name", sorted(PORTALS))
def test_channel_add_makes_a_usable_entry_for_each_portal(tmp_path, feed_server, name):
    portal = PORTALS[name]()
    add_and_import(tmp_path, portal.serve(feed_server))
    assert_usable(tmp_path, portal)


def test_a_portal_on_sibling_subdomains_is_followed_when_asked(tmp_path, feed_server):
    portal = subdomain_portal_2020()
    url = portal.serve(feed_server)
    resolver = FakeResolver({host: ["127.0.0.1"] for host in portal.hosts})
    said = add_and_import(tmp_path, url, resolver, subdomains=True)
    assert any(
        line.startswith("      subdomains: true")
        for line in "\n".join(said).splitlines()
    )
    assert_usable(tmp_path, portal)
    assert "jateng.portalsemarang.test" in resolver.asked


def test_without_subdomains_the_guess_says_where_the_articles_went(
    tmp_path, feed_server
):
    portal = subdomain_portal_2020()
    url = portal.serve(feed_server)
    resolver = FakeResolver({host: ["127.0.0.1"] for host in portal.hosts})
    (tmp_path / "channels.yml").write_text(REGISTRY, encoding="utf-8")
    said = []
    with pytest.raises(ChannelAddError, match="items, body"):
        run_channel_add(
            make_settings(tmp_path), url, {"name": "Portal Uji", "kind": "media"},
            yes=True, say=said.append, ask=lambda _: "", resolver=resolver,
        )  # fmt: skip
    (line,) = [s for s in said if s.startswith("  items: - di ")]
    assert f"di {url}: no selector finds 3 or more article links" in line
    assert "3 article links go to other subdomains of the site" in line
    assert "add --subdomains" in line


def test_a_part_that_cannot_be_guessed_is_shown_with_the_parts_that_were(
    tmp_path, feed_server
):
    """Articles of one short line: the items are found, the body is not; both
    are printed, the body with every article page tried and why it failed."""
    portal = PORTALS["wordpress-2015"]()
    for path in list(portal.pages):
        if path != portal.listing:
            portal.pages[path] = (
                b"<html><head><title>x</title></head><body><h1>Pendek</h1>"
                b"<p>Satu kalimat saja.</p></body></html>"
            )
    url = portal.serve(feed_server)
    (tmp_path / "channels.yml").write_text(REGISTRY, encoding="utf-8")
    said = []
    with pytest.raises(ChannelAddError, match="Pemilih CSS untuk body tidak"):
        run_channel_add(
            make_settings(tmp_path), url, {"name": "Portal Uji", "kind": "media"},
            yes=True, say=said.append, ask=lambda _: "",
        )  # fmt: skip
    (items,) = [line for line in said if line.startswith("  items: ")]
    assert items.startswith(f"  items: 'h2.entry-title a' di {url} — 3 article links")
    bodies = [line for line in said if line.startswith("  body: - di ")]
    assert len(bodies) == 3  # each article tried, each named
    assert all("no block of paragraphs" in line for line in bodies)
    assert any(line.startswith("  title: ") for line in said)
    assert "  Belum tertebak: body; isi sendiri." in said
