from pathlib import Path

import pytest
from pelican.settings import read_settings

from pelita.tools.docs import GENERATED, DocsError, stale_parts
from pelita.tools.docs.generate import render

REPO = Path(__file__).resolve().parents[2]


def test_the_generated_parts_of_the_docs_are_up_to_date():
    settings = read_settings(str(REPO / "pelicanconf.py"))
    assert stale_parts(REPO, settings) == [], "run: invoke docs"


def test_the_metadata_table_follows_the_settings():
    parts = GENERATED["docs/writing.md"]
    text = "<!-- generated: metadata-keys (x) -->\nold\n<!-- end: metadata-keys -->\n"
    settings = {
        "CATEGORIES": ["Berita", "Prestasi", "Cek Fakta", "Layanan Publik"],
        "CATEGORY_ROLES": {"clarifications": "Cek Fakta"},
    }
    table = render(text, parts, settings)
    assert "old" not in table
    assert "| `Klaim` | Cek Fakta |" in table
    assert "one of Berita, Prestasi, Cek Fakta, Layanan Publik" in table


def test_a_missing_marker_is_named():
    with pytest.raises(DocsError, match="'<!-- generated: metadata-keys"):
        render("no markers here\n", GENERATED["docs/writing.md"], {})
