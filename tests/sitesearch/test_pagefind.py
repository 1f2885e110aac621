"""Pagefind over a built folder, with the pinned binary."""

import gzip
import json
from pathlib import Path

import pytest

from pelita.tools.sitesearch import SearchIndexError, build_search_index
from pelita.tools.sitesearch.parts import indexed_bytes

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


DATED = (
    '<!doctype html><html lang="id"><head><title>{title}</title></head><body>'
    "<main data-pagefind-body><h1>{title}</h1><p>{text}</p><time "
    'data-pagefind-sort="date:{date}">{date}</time></main></body></html>'
)


def fragments(bundle: Path) -> dict[str, str]:
    """URL -> indexed text of every page a Pagefind bundle holds."""
    found = {}
    for fragment in (bundle / "fragment").iterdir():
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        found[page["url"]] = page["content"]
    return found


def fragment_urls(bundle: Path) -> set[str]:
    """The page URLs a Pagefind bundle holds."""
    return set(fragments(bundle))


def write_dated(root: Path, number: int, day: str, text: str = "warga kota") -> None:
    target = root / f"berita/kabar-{number}/index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        DATED.format(title=f"Kabar {number}", text=text, date=day), encoding="utf-8"
    )


DAYS = ["2024-03-05", "2025-01-20", "2023-11-02", "2025-06-01", "2024-08-17"]


def large_site(root: Path) -> None:
    (root / "index.html").write_text("<html><body>Beranda</body></html>")
    for number, day in enumerate(DAYS):
        write_dated(root, number, day)
    write_page(root, "tentang/index.html", "Tentang", "profil kota")


def test_a_large_site_is_indexed_in_parts_cut_from_the_oldest(tmp_path: Path):
    large_site(tmp_path)

    index = build_search_index(tmp_path, pages_per_part=2)

    bundle = tmp_path / "pagefind"
    parts = json.loads((bundle / "pelita-parts.json").read_text())["parts"]
    assert parts == ["parts/1/", "parts/0/"]  # newest first, after the primary
    assert (index.pages, index.parts, index.reused) == ({"id": 6}, 3, 0)
    assert fragment_urls(bundle) == {"/berita/kabar-3/", "/tentang/"}
    assert fragment_urls(bundle / "parts/1") == {"/berita/kabar-4/", "/berita/kabar-1/"}
    assert fragment_urls(bundle / "parts/0") == {"/berita/kabar-2/", "/berita/kabar-0/"}
    assert not list(tmp_path.parent.glob(f".{tmp_path.name}-search-*"))


def test_unchanged_older_parts_come_from_the_cache(tmp_path: Path):
    site, cache = tmp_path / "output", tmp_path / "cache"
    site.mkdir()
    large_site(site)
    assert build_search_index(site, pages_per_part=2, cache=cache).reused == 0
    assert build_search_index(site, pages_per_part=2, cache=cache).reused == 2

    write_dated(site, 5, "2025-07-04")  # a new post: a new full part forms
    index = build_search_index(site, pages_per_part=2, cache=cache)
    assert (index.parts, index.reused) == (4, 2)
    assert fragment_urls(site / "pagefind/parts/2") == {
        "/berita/kabar-3/",
        "/berita/kabar-5/",
    }
    assert fragment_urls(site / "pagefind") == {"/tentang/"}

    write_dated(site, 2, DAYS[2], text="warga kota peraih adipura")  # an old post
    index = build_search_index(site, pages_per_part=2, cache=cache)
    assert index.reused == 2
    assert "adipura" in fragments(site / "pagefind/parts/0")["/berita/kabar-2/"]
    # one stored part per older part: the one the edit replaced is gone
    assert len(list(cache.glob("part-*"))) == index.parts - 1 == 3

    for number in range(1, 6):  # the site shrinks to one part
        (site / f"berita/kabar-{number}/index.html").unlink()
    assert build_search_index(site, pages_per_part=2, cache=cache).parts == 1
    assert not list(cache.glob("part-*"))


def test_a_small_site_keeps_one_index_and_says_so(tmp_path: Path):
    write_page(tmp_path, "index.html", "Beranda", "kabar kota")
    write_page(tmp_path, "berita/a/index.html", "Adipura", "penghargaan")
    build_search_index(tmp_path, pages_per_part=2)
    bundle = tmp_path / "pagefind"
    assert json.loads((bundle / "pelita-parts.json").read_text()) == {"parts": []}
    assert not (bundle / "parts").exists()


def test_what_the_index_ignores_does_not_cost_a_part_its_reuse(tmp_path: Path):
    site, cache = tmp_path / "output", tmp_path / "cache"
    site.mkdir()
    large_site(site)
    build_search_index(site, pages_per_part=2, cache=cache)
    page = site / "berita/kabar-2/index.html"  # in the oldest part
    html = page.read_text(encoding="utf-8")
    related = (
        '<aside class="related" data-pagefind-ignore="all"><h2>Baca juga</h2>'
        "<aside><p>Kabar {n}</p></aside></aside>"
    )
    page.write_text(html.replace("</main>", related.format(n=7) + "</main>"))
    assert build_search_index(site, pages_per_part=2, cache=cache).reused == 2

    page.write_text(html.replace("</main>", related.format(n=9) + "</main>"))
    assert build_search_index(site, pages_per_part=2, cache=cache).reused == 2

    filters = '<div hidden data-pagefind-ignore><span data-pagefind-filter="tahun">'
    page.write_text(html.replace("</main>", filters + "2023</span></div></main>"))
    assert build_search_index(site, pages_per_part=2, cache=cache).reused == 1


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        (b'<p>a</p><aside data-pagefind-ignore="all"><aside>x</aside>y</aside><p>b',
         b"<p>a</p><p>b"),
        (b'<p>a</p><section class="s" data-pagefind-ignore="all">x', 
         b'<p>a</p><section class="s" data-pagefind-ignore="all">x'),
        (b"<p>a</p><div data-pagefind-ignore><span>f</span></div>",
         b"<p>a</p><div data-pagefind-ignore><span>f</span></div>"),
        (b'<p>teks data-pagefind-ignore="all" di isi</p><p>b</p>',
         b'<p>teks data-pagefind-ignore="all" di isi</p><p>b</p>'),
        (b'<div data-pagefind-ignore="all">x</div><p>b</p><section '
         b'data-pagefind-ignore="all"><section>y</section></section><p>c</p>',
         b"<p>b</p><p>c</p>"),
    ],
)  # fmt: skip
def test_indexed_bytes_cut_only_whole_ignored_elements(html: bytes, kept: bytes):
    assert indexed_bytes(html) == kept


def test_without_stemming_a_word_is_not_folded_into_its_root(tmp_path):
    write_page(tmp_path, "index.html", "Harga", "Harga cabai turun")
    write_page(tmp_path, "a/index.html", "Award", "Penghargaan kota")
    stemmed = build_search_index(tmp_path, stemming=True)
    assert stemmed.pages == {"id": 2}
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["wasm"] == "id"  # Pagefind's stemmer
    plain = build_search_index(tmp_path, stemming=False)
    assert plain.pages == {"und": 2}
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["und"]["wasm"] is None  # no stemmer
