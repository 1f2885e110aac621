"""The demo hub builds and lists its posts (what `make site` promises)."""

from pathlib import Path


def test_index_lists_demo_posts(demo_output: Path):
    index = (demo_output / "index.html").read_text(encoding="utf-8")
    assert "Pendaftaran Program UMKM Naik Kelas" in index
    assert 'lang="id"' in index


def test_clean_urls_by_category(demo_output: Path):
    assert (
        demo_output
        / "umkm"
        / "pendaftaran-program-umkm-naik-kelas-dibuka-hingga-akhir-bulan"
        / "index.html"
    ).is_file()
    assert (demo_output / "umkm" / "index.html").is_file()


def test_article_dates_are_indonesian(demo_output: Path):
    article = next((demo_output / "umkm").glob("*/index.html")).read_text(
        encoding="utf-8"
    )
    assert "Senin, 8 September 2025 09.30 WIB" in article


def test_development_build_has_no_feeds(demo_output: Path):
    assert not (demo_output / "feeds").exists()
