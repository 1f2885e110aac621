"""``invoke channel-add`` on news portals of several eras gives entries that work.

Each portal of ``portals.py`` is served from loopback; channel-add guesses
its ``html:`` block with no help, and the import that follows must bring
the three articles with their own headline and every paragraph, and none of
the menus, sidebars, ads and footers around them. The guesses are printed
with the page each was tried on.
"""

import pytest
from importer_testkit import make_settings, posts
from portals import CHROME_WORDS, PORTALS

from pelita.importer.channeladd.command import run_channel_add
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


@pytest.mark.parametrize("name", sorted(PORTALS))
def test_channel_add_makes_a_usable_entry_for_each_portal(tmp_path, feed_server, name):
    portal = PORTALS[name]()
    url = portal.serve(feed_server)
    (tmp_path / "channels.yml").write_text(REGISTRY, encoding="utf-8")
    settings = make_settings(tmp_path)
    said = []
    run_channel_add(
        settings, url, {"name": "Portal Uji", "kind": "media"},
        yes=True, write=True, say=said.append, ask=lambda _: "",
    )  # fmt: skip
    shown = "\n".join(said)
    assert "  items: " in shown and f" di {url}" in shown
    assert "  body: " in shown
    assert run_import(settings, only="portal-uji") == 0
    found = imported(tmp_path)
    assert sorted(found) == sorted(s.title for s in portal.stories)
    for story in portal.stories:
        text = " ".join(found[story.title].split())
        for paragraph in story.paragraphs:
            assert paragraph[:60] in text, (story.title, paragraph)
        for chrome in CHROME_WORDS:
            assert chrome not in text, (story.title, chrome)
