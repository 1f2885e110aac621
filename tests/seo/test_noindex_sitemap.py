"""Pages marked noindex are left out of sitemap.xml."""

from pathlib import Path

from pelita.build.seo.noindex import drop_noindex_pages

SITE = "https://kabar.example.id"
PAGE = "<!doctype html><html><head>{meta}<title>x</title></head><body></body></html>"
NOINDEX = '<meta name="robots" content="noindex, follow">'


def entry(path: str) -> str:
    return f"\n<url>\n<loc>{SITE}/{path}</loc>\n<lastmod>x</lastmod>\n</url>\n"


def write(output: Path, path: str, meta: str = "") -> None:
    target = output / path / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(PAGE.format(meta=meta), encoding="utf-8")


def test_noindex_pages_leave_the_sitemap_and_others_stay(tmp_path: Path):
    write(tmp_path, "kecamatan/tembalang")
    write(tmp_path, "kecamatan/tembalang/bulusan", NOINDEX)
    write(tmp_path, "opd/bag-tu", NOINDEX)
    (tmp_path / "sitemap.xml").write_text(
        "<urlset>"
        + entry("kecamatan/tembalang/")
        + entry("kecamatan/tembalang/bulusan/")
        + entry("opd/bag-tu/")
        + "</urlset>\n",
        encoding="utf-8",
    )
    assert drop_noindex_pages(tmp_path, SITE) == 2
    text = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "kecamatan/tembalang/</loc>" in text
    assert "bulusan" not in text and "bag-tu" not in text
    assert drop_noindex_pages(tmp_path, SITE) == 0  # idempotent
