"""Golden Markdown: a few fixture feeds imported over HTTP, compared file by file.

Set PELITA_UPDATE_GOLDEN=1 to rewrite the golden files after an intended
change (the run then fails once, so a rewrite is never mistaken for a pass).
The channels keep their images remote (``images: remote``): the golden files
are about conversion; downloading is tested in ``test_media_run``.
"""

import os
import shutil

import pytest
from feedserver import Response
from importer_testkit import FIXTURES, fixture_bytes, make_settings, write_registry

from pelita.importer.cli import run_import

GOLDEN = FIXTURES / "golden"
FEEDS = {
    # channel id: (fixture, canonical feed address, channel fields)
    "dlh": ("wordpress-rss2.xml", "https://dlh.semarangkota.go.id/feed/",
            {"kind": "opd", "opd": "dlh", "tags": ["lingkungan"]}),
    "humas": ("atom.xml", "https://humas.semarangkota.go.id/atom.xml",
              {"kind": "opd", "opd": "setda", "category": "Prestasi"}),
    "youtube-pemkot": ("youtube.xml", "https://www.youtube.com/feeds/videos.xml",
                       {"kind": "media"}),
    "kel-meteseh": ("jsonfeed.json", "https://meteseh.example.go.id/feed.json",
                    {"kind": "kelurahan", "kecamatan": "Tembalang",
                     "kelurahan": "Meteseh"}),
    "hostile": ("hostile.xml", "https://hostile.example.go.id/feed/",
                {"kind": "media"}),
}  # fmt: skip


def tree(root):
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8")
        for p in sorted(root.rglob("*.md"))
    }


def test_golden_markdown(tmp_path, feed_server):
    channels = []
    for ident, (name, canonical, fields) in FEEDS.items():
        kind = "application/feed+json" if name.endswith(".json") else "application/xml"
        response = Response(
            fixture_bytes(name),
            content_type=kind,
            headers={"Content-Location": canonical},
        )
        url = feed_server.add(f"/{ident}", response)
        channels.append(
            {"id": ident, "url": url, "name": f"Kanal {ident}", "images": "remote"}
            | fields
        )
    write_registry(tmp_path, channels)
    assert run_import(make_settings(tmp_path)) == 0
    produced = tree(tmp_path / "content" / "imported")
    if os.environ.get("PELITA_UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(tmp_path / "content" / "imported", GOLDEN)
        pytest.fail("golden files rewritten; review the diff and run again")
    expected = tree(GOLDEN)
    assert sorted(produced) == sorted(expected)
    for name, text in expected.items():
        assert produced[name] == text, name
