"""Pagefind over a built folder, with the pinned binary."""

from pathlib import Path

import pytest
from sitesearch import SearchIndexError, build_search_index

PAGE = (
    '<!doctype html><html lang="id"><head><title>{title}</title></head><body>'
    "<nav>menu</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>"
    '<span data-pagefind-filter="kategori">Berita</span></main></body></html>'
)


def write_page(root: Path, path: str, title: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(PAGE.format(title=title, text=text), encoding="utf-8")


def test_index_is_written_for_the_marked_pages(tmp_path: Path):
    write_page(tmp_path, "index.html", "Beranda", "kabar kota")
    write_page(tmp_path, "berita/a/index.html", "Adipura", "penghargaan lingkungan")
    index = build_search_index(tmp_path)
    assert index.pages == {"id": 2}
    assert (tmp_path / "pagefind/pagefind.js").is_file()
    assert list((tmp_path / "pagefind/filter").iterdir())


def test_a_deleted_page_leaves_the_index(tmp_path: Path):
    write_page(tmp_path, "index.html", "Beranda", "kabar kota")
    write_page(tmp_path, "berita/a/index.html", "Adipura", "penghargaan")
    build_search_index(tmp_path)
    fragments = set((tmp_path / "pagefind/fragment").iterdir())
    (tmp_path / "berita/a/index.html").unlink()
    assert build_search_index(tmp_path).pages == {"id": 1}
    assert len(set((tmp_path / "pagefind/fragment").iterdir())) < len(fragments)


def test_an_unbuilt_site_is_an_error(tmp_path: Path):
    with pytest.raises(SearchIndexError, match=r"has no index\.html"):
        build_search_index(tmp_path)
