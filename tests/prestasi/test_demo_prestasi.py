"""The demo hub: the wall lists exactly the achievements its content reports.

The expected list is worked out here from the content itself with the same
pure functions the plugin uses (Pelican's reader, :func:`classify`), not
written down by hand, so it follows the demo content as it grows.
"""

import json
from fnmatch import fnmatch
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.contents import Article
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from pelita.build.prestasi.attribution import one_per_story
from pelita.build.prestasi.plugin import lead_text
from pelita.build.prestasi.settings import prestasi_settings
from pelita.core.prestasi import classify
from pelita.core.registries import load_opd

REPO = Path(__file__).resolve().parents[2]


def expected_wall(content: Path, rules) -> list[str]:
    """URLs of the published posts under ``content`` that report an award."""
    settings = read_settings(str(REPO / "pelicanconf.py"))
    conf = prestasi_settings(settings)
    reader = MarkdownReader(settings)
    found = []
    for folder in settings["ARTICLE_PATHS"]:
        for path in sorted((content / folder).rglob("*.md")):
            if any(fnmatch(path.name, p) for p in settings["IGNORE_FILES"]):
                continue  # a README beside the posts, as Pelican skips it
            html, meta = reader.read(str(path))
            if meta.get("status", "published") != "published":
                continue
            article = Article(html, meta, settings=settings, source_path=str(path))
            lead = lead_text(
                SimpleNamespace(metadata=meta, _content=html), conf["lead_chars"]
            )
            award = classify(
                str(meta["title"]), lead, meta, rules,
                category=conf["category"], skip_categories=conf["skip_categories"],
            )  # fmt: skip
            if award is not None:
                article.prestasi = award
                found.append(article)
    return [a.url for a in one_per_story(found)]


@pytest.fixture(scope="module")
def demo_expected(demo_output, rules) -> list[str]:
    return expected_wall(demo_output.parent / "content", rules)


def test_demo_wall_lists_exactly_the_achievements(
    demo_output, demo_expected, wall_entries
):
    listed = wall_entries(demo_output)
    assert sorted(listed) == sorted(demo_expected)
    assert len(listed) == len(set(listed))


def test_demo_register_files_are_valid_and_match_the_wall(
    demo_output, wall_entries, register_csv
):
    rows = register_csv(demo_output)
    data = json.loads(
        (demo_output / "prestasi" / "prestasi.json").read_text(encoding="utf-8")
    )
    listed = wall_entries(demo_output)
    assert [r["url"].lstrip("/") for r in rows] == listed
    assert [item["url"].lstrip("/") for item in data["prestasi"]] == listed
    assert data["jumlah"] == len(listed)
    years = {f.name: f for f in (demo_output / "prestasi").iterdir() if f.is_dir()}
    for row in rows:
        assert row["tahun"] in years, row


def test_demo_wall_has_explicit_and_inferred_achievements(
    demo_output, demo_expected, register_csv
):
    sources = {row["sumber"] for row in register_csv(demo_output)}
    prestasi = [url for url in demo_expected if url.startswith("prestasi/")]
    assert prestasi and len(prestasi) < len(demo_expected)
    assert {"metadata", "otomatis"} <= sources


def test_demo_has_a_page_for_every_opd(demo_output):
    registry = load_opd(REPO / "data" / "opd.csv")
    missing = [
        opd.id
        for opd in registry.items
        if not (demo_output / "opd" / opd.id / "index.html").is_file()
    ]
    assert missing == []
    assert (demo_output / "opd" / "index.html").is_file()
