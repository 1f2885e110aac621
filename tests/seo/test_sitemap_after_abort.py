"""A build that stops with an error does not cost later builds their sitemap.

The sitemap plugin remembers the first Pelican object of a run in a module-level
generator; without the seo plugin's reset, every in-process build after an
aborted one (``invoke regenerate``, the gate after a failed build) wrote no
``sitemap.xml``.
"""

from pathlib import Path

import pytest
from sitebuild import build_site

REPO = Path(__file__).resolve().parents[2]
POST = (
    "Title: Kabar Uji\nDate: 2025-08-01 09:00\nCategory: Berita\n"
    "Slug: kabar-uji\n\nIsi.\n"
)
# A page where the share-kit folder goes stops the build (sharekit refuses it).
BLOCKING_PAGE = "Title: Bagikan\nSlug: bagikan\n\nHalaman admin.\n"


def run(tmp_path: Path, name: str) -> Path:
    output = tmp_path / name
    # The guard would hold the blocking page back, so the build would not stop;
    # this tests the seo plugin's reset under it, so it builds without the guard.
    return build_site(
        tmp_path / "content",
        output,
        cache=tmp_path / f"cache-{name}",
        without=["pelita.build.guard"],
        SITEURL="https://kabar.example.id",
        RELATIVE_URLS=False,
    )


def test_a_build_after_an_aborted_one_still_writes_its_sitemap(tmp_path: Path):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "kabar-uji.md").write_text(POST, encoding="utf-8")
    page = tmp_path / "content" / "pages" / "bagikan.md"
    page.parent.mkdir()
    page.write_text(BLOCKING_PAGE, encoding="utf-8")
    with pytest.raises(Exception, match="bagikan"):
        run(tmp_path, "aborted")
    page.unlink()
    output = run(tmp_path, "after")
    assert "/berita/kabar-uji/" in (output / "sitemap.xml").read_text("utf-8")
