"""The about page (/tentang/) made from the city block, in real Pelican builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import build_site

from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "city-kecil"
REGISTRIES = {
    "wilayah": str(FIXTURE / "data" / "wilayah.csv"),
    "wilayah_aliases": str(FIXTURE / "data" / "wilayah-alias.csv"),
    "wilayah_tagger": str(FIXTURE / "data" / "wilayah-tagger.yml"),
    "boundaries": None,
    "opd": str(FIXTURE / "data" / "opd.csv"),
}


def build(root: Path, pages: dict[str, str] | None = None, **overrides) -> str:
    """Build the small city's posts (and ``pages``); the about page's HTML."""
    content = root / "content"
    shutil.copytree(FIXTURE / "content", content)
    for name, text in (pages or {}).items():
        (content / "pages").mkdir(exist_ok=True)
        (content / "pages" / name).write_text(text, encoding="utf-8")
    city = {
        "CITY": "Kota Tanjung Selaras",
        "SITENAME": "Kabar Selaras",
        "AUTHOR": "Pemerintah Kota Tanjung Selaras",
        "VIRTUAL_ASSISTANT": None,
        "REGISTRIES": REGISTRIES,
    }
    build_site(content, root / "output", cache=root / "cache", **(city | overrides))
    return (root / "output" / "tentang" / "index.html").read_text(encoding="utf-8")


def test_the_page_is_made_from_the_city_block_and_the_registries(tmp_path):
    about = " ".join(
        build(tmp_path, REPOSITORY_URL="https://git.example.org/k").split()
    )
    assert "<h1>Tentang Kabar Selaras</h1>" in about
    assert "4 organisasi perangkat daerah (OPD), 3 kecamatan, dan 8 kelurahan" in about
    assert "kanal pengaduan resmi Pemerintah Kota Tanjung Selaras atau" in about
    assert "repositori terbuka Kabar Selaras" in about
    # Made by the build, not a file of the repository: no history link.
    assert "git.example.org/k/commits/" not in about


def test_an_assistant_and_the_demo_are_mentioned_when_there_are_some(tmp_path):
    assistant = {"name": "Sapa Selaras", "whatsapp": "6281234567890", "services": []}
    about = " ".join(
        build(
            tmp_path, VIRTUAL_ASSISTANT=assistant, DEMO=True, REPOSITORY_URL=""
        ).split()
    )
    assert "(misalnya Sapa Selaras di WhatsApp)" in about
    assert "Tentang isi contoh" in about
    assert "repositori terbuka" not in about


def test_an_admin_s_own_page_replaces_the_made_one(tmp_path):
    own = "Title: Tentang Kami\nSlug: tentang\n\nKami menulis halaman ini sendiri.\n"
    about = build(tmp_path, {"tentang.md": own})
    assert "Kami menulis halaman ini sendiri." in about
    assert "organisasi perangkat daerah" not in about


def test_a_city_name_with_markup_stays_text(tmp_path):
    name = 'Kota <img src=x onerror="alert(1)"> *Miring* [tautan](https://x.example)'
    about = build(tmp_path, CITY=name, AUTHOR=name, SITENAME=name)
    assert "<img src=x" not in about
    assert "&lt;img src=x" in about
    assert "<em>Miring</em>" not in about
    assert 'href="https://x.example"' not in about
