"""End to end: an incremental build gives the bytes of a clean build.

A small hub (40 posts, four posts a page so that every list has archived
pages, over a dozen posts per kecamatan) is built with every cache on,
then changed the ways a night changes it (posts added, edited, deleted,
a photo replaced, an award, a story's second report) and built again;
then a registry and the theme change. After each step the output must
equal, file for file and byte for byte, a clean build of the same content
into an empty folder with no cache.
"""

import re
import shutil
from pathlib import Path

from PIL import Image
from sitebuild import incremental_build

REPO = Path(__file__).resolve().parents[2]
PLACES = [("Tembalang", "Meteseh"), ("Mijen", "Wonolopo"), ("Tugu", "Mangkang Kulon")]
CATEGORIES = ["Berita", "Layanan Publik", "Wisata", "Berita", "UMKM"]
SETTINGS = {"DEFAULT_PAGINATION": 4, "WILAYAH": {"per_page": 4}}


def _post(number: int, **changes: str) -> str:
    kecamatan, kelurahan = PLACES[number % len(PLACES)]
    meta = {
        "Title": f"Kabar warga {kelurahan} nomor {number}",
        "Date": f"2024-{1 + number // 28:02d}-{1 + number % 28:02d} 09:00",
        "Category": CATEGORIES[number % len(CATEGORIES)],
        "Tags": f"banjir, topik-{number % 3}",
        "Slug": f"kabar-{number}",
        "Kecamatan": kecamatan,
        "Kelurahan": kelurahan,
        "OPD": ["dlh", "dinkes", "diskominfo"][number % 3],
    }
    if number % 7 == 0:
        meta.update(
            Category="Prestasi", Penghargaan="Kampung Hijau", Tingkat="provinsi",
            Pemberi="Dinas Lingkungan Hidup Provinsi Jawa Tengah",
        )  # fmt: skip
    if number == 3:
        meta.update(Image="images/foto.jpg", Image_alt="Foto kegiatan")
    meta.update(changes)
    head = "\n".join(f"{k}: {v}" for k, v in meta.items() if v)
    body = f"Warga {kelurahan} membersihkan saluran air bersama petugas. " * 12
    return f"{head}\n\n{body} Kabar nomor {number}.\n"


def _write(content: Path, number: int, **changes: str) -> Path:
    path = content / "posts" / f"kabar-{number}.md"
    path.write_text(_post(number, **changes), encoding="utf-8")
    return path


def _site(root: Path, posts: int) -> Path:
    content = root / "content"
    (content / "posts").mkdir(parents=True)
    (content / "images").mkdir()
    Image.new("RGB", (64, 48), (20, 90, 160)).save(content / "images" / "foto.jpg")
    for number in range(posts):
        _write(content, number)
    return content


def _build(content: Path, output: Path, cache: Path, cached: bool, extra=None) -> str:
    return incremental_build(
        content, output, cache, cached, {**SETTINGS, **(extra or {})}
    )


def _counts(log: str) -> tuple[int, int]:
    found = re.search(r"(\d+) pages and feeds reused, (\d+) rendered", log)
    assert found, log[-2000:]
    return int(found[1]), int(found[2])


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _same_as_clean(tmp_path: Path, content: Path, output: Path, extra=None) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.rmtree(tmp_path / "clean-cache", ignore_errors=True)
    _build(content, clean, tmp_path / "clean-cache", cached=False, extra=extra)
    built, expected = _tree(output), _tree(clean)
    assert sorted(built) == sorted(expected)
    differing = [name for name in expected if built[name] != expected[name]]
    assert differing == []


def _changed_pages(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {
        name
        for name in after
        if name.endswith(".html") and before.get(name) != after[name]
    }


def test_incremental_builds_equal_clean_builds(tmp_path):
    content = _site(tmp_path, 40)
    cache, output = tmp_path / "cache", tmp_path / "output"
    _build(content, output, cache, cached=True)
    reused, rendered = _counts(_build(content, output, cache, cached=True))
    assert rendered == 0 and reused > 100
    archived = {
        n for n in _tree(output) if "/halaman/" in n or n.startswith("halaman/")
    }
    assert len(archived) > 10

    # A night: one new post. Only the pages that show it change.
    before = _tree(output)
    _write(content, 40)
    _build(content, output, cache, cached=True)
    changed = _changed_pages(before, _tree(output))
    assert "berita/kabar-40/index.html" not in before
    assert "index.html" in changed and "kecamatan/mijen/index.html" in changed
    assert not changed & archived  # old list pages keep their bytes
    assert len(changed) <= 20
    _same_as_clean(tmp_path, content, output)

    # Edits, additions, a deletion, a replaced photo, an award, a duplicate.
    _write(content, 4, Title="Judul yang diganti")
    for number in (31, 32, 33):
        _write(content, number)
    _write(content, 34, Category="Prestasi", Penghargaan="Adipura", Tingkat="nasional")
    _write(
        content, 35, Duplicate_of="kabar-33", Title="Kabar yang sama dari kanal lain"
    )
    (content / "posts" / "kabar-10.md").unlink()
    Image.new("RGB", (80, 40), (160, 90, 20)).save(content / "images" / "foto.jpg")
    _build(content, output, cache, cached=True)
    assert not (output / "berita" / "kabar-10").exists()
    _same_as_clean(tmp_path, content, output)

    # A fresh checkout: output/ is empty, the cache restored.
    shutil.rmtree(output)
    reused, rendered = _counts(_build(content, output, cache, cached=True))
    assert rendered == 0
    _same_as_clean(tmp_path, content, output)


def test_registry_and_theme_changes_equal_clean_builds(tmp_path):
    content = _site(tmp_path, 14)
    registry = tmp_path / "opd.csv"
    shutil.copyfile(REPO / "data" / "opd.csv", registry)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    extra = {"REGISTRIES": {"opd": str(registry)}}
    cache, output = tmp_path / "cache", tmp_path / "output"
    _build(content, output, cache, cached=True, extra=extra)

    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("Dinas Kesehatan", "Dinas Kesehatan Kota"), "utf-8"
    )
    log = _build(content, output, cache, cached=True, extra=extra)
    assert _counts(log)[0] == 0  # a registry change renders every page
    assert "Dinas Kesehatan Kota" in (
        output / "opd" / "dinkes" / "index.html"
    ).read_text("utf-8")
    _same_as_clean(tmp_path, content, output, extra)

    extra["THEME_TEMPLATES_OVERRIDES"] = [str(overrides)]
    card = (REPO / "theme" / "templates" / "partials" / "article_card.html").read_text(
        "utf-8"
    )
    partials = overrides / "partials"
    partials.mkdir()
    (partials / "article_card.html").write_text(
        card.replace('class="card-meta"', 'class="card-meta card-meta--baru"'), "utf-8"
    )
    _build(content, output, cache, cached=True, extra=extra)
    assert "card-meta--baru" in (output / "index.html").read_text("utf-8")
    _same_as_clean(tmp_path, content, output, extra)
