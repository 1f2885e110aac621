"""The synthetic hub generator: deterministic, and shaped like a city hub."""

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from synthetic_hub import load_registries, post_text, write_posts  # noqa: E402


def _header(text: str) -> dict[str, str]:
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def test_a_post_depends_only_on_its_number_and_the_seed():
    registries = load_registries()
    assert post_text(41, 7, registries) == post_text(41, 7, registries)
    assert post_text(41, 7, registries) != post_text(41, 8, registries)
    assert post_text(41, 7, registries) != post_text(42, 7, registries)


def test_the_corpus_covers_the_city_categories_awards_stories_and_photos():
    registries = load_registries()
    posts = [post_text(n, 2025, registries) for n in range(600)]
    headers = [_header(text) for _, text in posts]
    categories = Counter(h["Category"] for h in headers)
    assert set(categories) == {
        "Berita", "Prestasi", "Wisata", "Kuliner", "UMKM", "Layanan Publik",
        "Klarifikasi",
    }  # fmt: skip
    kecamatan = {h["Kecamatan"] for h in headers if "Kecamatan" in h}
    assert len(kecamatan) == 16
    opd = {h["OPD"] for h in headers}
    assert opd <= set(registries.opd_ids)
    assert len(opd) > 40
    awards = sum(h.get("Prestasi") == "ya" for h in headers)
    worded = sum("Sabet Juara" in h["Title"] for h in headers)
    assert 0.05 < awards / 600 < 0.15
    assert worded > 5
    assert sum("Story" in h for h in headers) == 36
    assert sum("Duplicate_of" in h for h in headers) == 12
    assert sum("Image" in h for h in headers) == 60
    words = [len(text.split("\n\n", 1)[1].split()) for _, text in posts]
    assert min(words) >= 400
    assert max(words) <= 800
    dates = [h["Date"] for h in headers]
    assert dates == sorted(dates)  # a later post is never older


def test_photos_are_written_and_cached(tmp_path):
    written = write_posts(tmp_path / "content", 0, 20, 2025, tmp_path / "cache")
    assert len(written) == 20
    photos = sorted((tmp_path / "content" / "images" / "bench").iterdir())
    assert [p.name for p in photos] == ["foto-000003.jpg", "foto-000013.jpg"]
    assert len(list((tmp_path / "cache").iterdir())) == 2
    assert photos[0].read_bytes()[:2] == b"\xff\xd8"
