"""The demo hub builds and lists its posts (what `make site` promises)."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

UMKM_POST = REPO / "demo" / "posts" / "2025" / "pendaftaran-umkm-naik-kelas.md"


def _metadata(path: Path) -> dict[str, str]:
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in header.splitlines())


def test_index_lists_the_newest_admin_post(demo_output: Path):
    posts = [_metadata(p) for p in (REPO / "demo" / "posts").rglob("*.md")]
    newest = max(posts, key=lambda meta: meta["Date"])
    index = (demo_output / "index.html").read_text(encoding="utf-8")
    assert newest["Title"] in index
    assert 'lang="id"' in index


def test_clean_urls_by_category(demo_output: Path):
    meta = _metadata(UMKM_POST)
    assert (demo_output / "umkm" / meta["Slug"] / "index.html").is_file()
    for category in ("berita", "prestasi", "wisata", "kuliner", "umkm"):
        assert (demo_output / category / "index.html").is_file()
    assert (demo_output / "layanan-publik" / "index.html").is_file()
    assert (demo_output / "klarifikasi" / "index.html").is_file()


def test_article_dates_are_indonesian(demo_output: Path):
    assert _metadata(UMKM_POST)["Date"] == "2025-09-08 09:30"
    slug = _metadata(UMKM_POST)["Slug"]
    article = (demo_output / "umkm" / slug / "index.html").read_text(encoding="utf-8")
    assert "Senin, 8 September 2025 09.30 WIB" in article


def test_about_page_and_demo_images_are_published(demo_output: Path):
    about = (demo_output / "tentang" / "index.html").read_text(encoding="utf-8")
    assert "Tentang Pelita" in about
    published = {p.name for p in (demo_output / "images" / "demo").glob("*.jpg")}
    drawn = {p.name for p in (REPO / "demo" / "images" / "demo").glob("*.jpg")}
    assert drawn
    assert published == drawn


def test_development_build_has_no_feeds(demo_output: Path):
    assert not (demo_output / "feeds").exists()
