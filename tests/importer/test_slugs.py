"""Slugs: ASCII, short, unique over the whole content tree, Pelican-compatible."""

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from pelita.core.slugs import make_slug
from pelita.importer.writing.slugs import SlugRegistry, pelican_slug

SUBS = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]


@pytest.mark.parametrize(
    "title",
    [
        "Pendaftaran Program UMKM Naik Kelas Dibuka hingga Akhir Bulan",
        "Wali Kota: “Semarang Hebat!” — 2024",
        "Café & Kopi <b>Tebal</b> &amp; lainnya",
        "  Spasi   ganda  ",
        "Ümlaut Šemarang Ñ",
        "Emoji 🎉 di judul",
    ],
)
def test_admin_post_slugs_match_pelican(title):
    assert pelican_slug(title, SUBS) == slugify(title, regex_subs=SUBS)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Bank Sampah Meteseh Raih Adipura", "bank-sampah-meteseh-raih-adipura"),
        ("Ümlaut Šemarang", "umlaut-semarang"),
        ("../../../etc/passwd", "etc-passwd"),
        ("🎉🏆", ""),
        ("a" * 300, "a" * 80),
    ],
)
def test_make_slug(title, slug):
    assert make_slug(title) == slug


def test_long_titles_are_cut_at_a_word():
    slug = make_slug("kata " * 40)
    assert len(slug) <= 80
    assert not slug.endswith("-")
    assert slug.endswith("kata")


def test_registry_knows_admin_posts_with_and_without_slug(tmp_path):
    posts = tmp_path / "posts" / "2025"
    posts.mkdir(parents=True)
    (posts / "a.md").write_text("Title: Judul Admin\nDate: 2025-01-01\n\nIsi\n")
    (posts / "b.md").write_text("Title: Lain\nSlug: pilihan-admin\n\nIsi\n")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "c.markdown").write_text("Title: Tentang\n\nx\n")
    registry = SlugRegistry(tmp_path, SUBS)
    assert registry.claim("judul-admin", "x") == "judul-admin-2"
    assert registry.claim("pilihan-admin", "x") == "pilihan-admin-2"
    assert registry.claim("tentang", "x") == "tentang-2"
    assert registry.claim("baru", "x") == "baru"
    assert registry.claim("baru", "x") == "baru-2"


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [("2024", "kanal-2024"), ("con", "kanal-con"), ("", "kanal")],
)
def test_unsafe_slugs_get_the_fallback(tmp_path, wanted, expected):
    assert SlugRegistry(tmp_path, SUBS).claim(wanted, "kanal") == expected
