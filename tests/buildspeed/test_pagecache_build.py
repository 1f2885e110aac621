"""End to end: what makes the page cache render a page again.

``test_incremental_build`` compares whole sites; these tests look at single
causes: a share kit's claim, the theme, plugin code, a registry, a page
that reads the whole site.
"""

import re
import shutil
from pathlib import Path

from PIL import Image
from sitebuild import incremental_build

REPO = Path(__file__).resolve().parents[2]
PLACES = [("Tembalang", "Jangli"), ("Mijen", "Purwosari"), ("Tugu", "Mangkang Kulon")]


def _post(number: int, title: str | None = None, claim: str | None = None) -> str:
    kecamatan, kelurahan = PLACES[number % len(PLACES)]
    lines = [
        f"Title: {title or f'Kabar warga {kelurahan} nomor {number}'}",
        f"Date: 2024-0{1 + number % 9}-1{number % 10} 09:00",
        "Category: Berita",
        f"Tags: banjir, topik-{number % 3}",
        f"Slug: kabar-{number}",
        f"Kecamatan: {kecamatan}",
        f"Kelurahan: {kelurahan}",
    ]
    if number == 2:
        lines += ["Image: images/foto.jpg", "Image_alt: Foto kegiatan"]
    if number == 3:  # a share kit (sharekit): cards, captions, og:image
        lines[2] = "Category: Klarifikasi"
        claim = claim or "Saluran air di Jangli ditutup permanen"
        lines += [f"Klaim: {claim}", "Putusan: Hoaks"]
    body = f"Warga {kelurahan} membersihkan saluran air bersama petugas. " * 20
    return "\n".join(lines) + "\n\n" + body + "\n"


def _site(root: Path, posts: int) -> Path:
    content = root / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    Image.new("RGB", (64, 48), (20, 90, 160)).save(content / "images" / "foto.jpg")
    for number in range(posts):
        (content / "posts" / f"kabar-{number}.md").write_text(_post(number), "utf-8")
    return content


_build = incremental_build


def _reused(log: str, posts: int) -> tuple[int, int]:
    """Article pages of ``posts`` posts reused and rendered, from the build log."""
    assert re.search(r"\d+ pages and feeds reused, \d+ rendered", log), log[-2000:]
    written = set(re.findall(r'Writing "[^"]*/[a-z-]+/(kabar-\d+)/index.html"', log))
    return posts - len(written), len(written)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _kit_section(page: Path) -> str:
    found = re.search(
        r'<details class="kit".*?</details>', page.read_text("utf-8"), re.S
    )
    assert found, page
    return found[0]


def test_a_changed_share_kit_is_never_served_from_the_cache(tmp_path):
    content = _site(tmp_path, 4)
    cache, output = tmp_path / "cache", tmp_path / "output"
    _build(content, output, cache, cached=True)
    page = output / "klarifikasi" / "kabar-3" / "index.html"
    before = _kit_section(page)
    assert "Saluran air di Jangli ditutup permanen" in before

    # The claim is in the cards and captions only, not in the post's text.
    post = content / "posts" / "kabar-3.md"
    post.write_text(_post(3, claim="Jembatan Mangkang Kulon roboh"), "utf-8")
    reused, rendered = _reused(_build(content, output, cache, cached=True), 4)
    after = _kit_section(page)
    assert "Jembatan Mangkang Kulon roboh" in after
    assert rendered >= 1 and reused >= 1  # a newer post lists it as related
    cards = re.findall(r'href="([^"]+\.png)"', after)
    assert cards
    assert all((output / c.split("/", 3)[-1]).is_file() for c in cards)

    clean = tmp_path / "clean"
    _build(content, clean, tmp_path / "clean-cache", cached=False)
    assert _tree(output) == _tree(clean)


def test_theme_plugin_and_registry_changes_render_every_page(tmp_path):
    content = _site(tmp_path, 3)
    overrides, plugins, registry = (tmp_path / n for n in ("ovr", "plug", "opd.csv"))
    overrides.mkdir()
    (overrides / "catatan.html").write_text("<p>catatan</p>", "utf-8")
    plugins.mkdir()
    (plugins / "helper.py").write_text("VALUE = 1\n", "utf-8")
    shutil.copyfile(REPO / "data" / "opd.csv", registry)
    extra = {
        "THEME_TEMPLATES_OVERRIDES": [str(overrides)],
        "PLUGIN_PATHS": [str(plugins)],
        "REGISTRIES": {"opd": str(registry)},
    }
    cache, output = tmp_path / "cache", tmp_path / "output"
    _build(content, output, cache, cached=True, extra=extra)
    assert _reused(_build(content, output, cache, cached=True, extra=extra), 3) == (
        3,
        0,
    )
    changes = [
        lambda: (overrides / "catatan.html").write_text("<p>lain</p>", "utf-8"),
        lambda: (plugins / "helper.py").write_text("VALUE = 2\n", "utf-8"),
        lambda: registry.write_text(registry.read_text("utf-8") + "\n", "utf-8"),
    ]
    for change in changes:
        change()
        log = _build(content, output, cache, cached=True, extra=extra)
        assert _reused(log, 3) == (0, 3)
    log = _build(content, output, cache, cached=True, extra=extra)
    assert _reused(log, 3) == (3, 0)


def test_a_page_that_reads_the_whole_site_follows_every_new_post(tmp_path):
    content = _site(tmp_path, 3)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "article.html").write_text(
        "{{ article.title }} dari {{ articles|length }} tulisan", "utf-8"
    )
    extra = {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}
    cache, output = tmp_path / "cache", tmp_path / "output"
    _build(content, output, cache, cached=True, extra=extra)
    log = _build(content, output, cache, cached=True, extra=extra)
    assert _reused(log, 3) == (3, 0)
    (content / "posts" / "kabar-5.md").write_text(_post(5), "utf-8")
    _build(content, output, cache, cached=True, extra=extra)
    page = output / "berita" / "kabar-0" / "index.html"
    assert "dari 4 tulisan" in page.read_text("utf-8")
