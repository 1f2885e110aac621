"""How ``invoke check`` scales with the size of the content tree.

Synthetic trees shaped like a grown hub: half admin posts, half imported
ones, each with kecamatan/kelurahan/OPD metadata, a few hundred words, a
link to another post and, for one post in five, a photo. Prints CPU seconds,
wall seconds and peak Python memory per size, and the ratio to the smallest:
near-linear growth means doubling the site about doubles the time.

    python bench/check_scaling.py            # 2,500 to 20,000 posts
    python bench/check_scaling.py 1000 4000  # other sizes
"""

from __future__ import annotations

import io
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from pelican.settings import DEFAULT_CONFIG, get_settings_from_file
from PIL import Image

from pelita.core.registries import load_gazetteer, load_opd, registry_paths
from pelita.tools.check import run_check

REPO = Path(__file__).resolve().parent.parent
SIZES = [2_500, 5_000, 10_000, 20_000]
SYLLABLES = ["ka", "ta", "ra", "ma", "sa", "lu", "ni", "po", "de", "bi", "ng", "an"]
WORDS = ["".join(random.Random(i).choices(SYLLABLES, k=3)) for i in range(5_000)]
CATEGORIES = ["Berita", "Prestasi", "Wisata", "Kuliner", "UMKM", "Layanan Publik"]


def settings() -> dict:
    result = dict(DEFAULT_CONFIG)
    result.update(get_settings_from_file(str(REPO / "pelicanconf.py")))
    return result


def photo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 675), (60, 110, 150)).save(buffer, "JPEG")
    return buffer.getvalue()


def post(index: int, rng: random.Random, places: list, opds: list) -> str:
    kel = rng.choice(places)
    year = 2020 + index % 6
    lines = [
        f"Title: Kabar Uji Nomor {index} tentang {kel.nama}",
        f"Date: {year}-{1 + index % 12:02d}-{1 + index % 28:02d} 09:00",
        f"Category: {rng.choice(CATEGORIES[:1] + CATEGORIES[2:])}",
        f"Slug: kabar-uji-{index}",
        f"Kecamatan: {kel.kecamatan}",
        f"Kelurahan: {kel.nama}",
        f"OPD: {rng.choice(opds)}",
        "Summary: Ringkasan singkat kabar uji untuk mengukur pemeriksa.",
    ]
    if index % 5 == 0:
        lines += [f"Image: images/uji/{index % 50}.jpg", "Image_alt: Warga di balai RW"]
    body = " ".join(rng.choices(WORDS, k=300))
    link = f"[kabar lain]({{filename}}/posts/{2 * (index % 7)}.md)"
    return "\n".join(lines) + f"\n\n{body}\n\n{link} Hubungi 0821-9999-6148.\n"


def make_tree(root: Path, count: int) -> None:
    paths = registry_paths(base=REPO)
    places = list(load_gazetteer(paths["wilayah"], paths["wilayah_aliases"]).kelurahan)
    opds = [opd.id for opd in load_opd(paths["opd"]).items]
    rng = random.Random(count)
    shutil.copytree(REPO / "data", root / "data")
    images = root / "content" / "images" / "uji"
    images.mkdir(parents=True)
    data = photo()
    for index in range(50):
        (images / f"{index}.jpg").write_bytes(data)
    for index in range(count):
        folder = "posts" if index % 2 == 0 else "imported/kanal"
        target = root / "content" / folder / f"{index}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(post(index, rng, places, opds), encoding="utf-8")


def measure(count: int) -> tuple[float, float, float, int]:
    """CPU and wall seconds of one run, then peak memory of a second run.

    Memory is traced in its own run: tracing slows Python down severalfold.
    """
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_tree(root, count)
        cpu, wall = time.process_time(), time.perf_counter()
        result = run_check(settings(), root=root)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        tracemalloc.start()
        run_check(settings(), root=root)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return cpu, wall, peak / 2**20, len(result.errors)


def main(sizes: list[int]) -> None:
    print(
        f"{'posts':>8} {'cpu s':>8} {'wall s':>8} {'peak MiB':>9} {'ratio':>6} errors"
    )
    first = None
    for count in sizes:
        cpu, wall, peak, errors = measure(count)
        first = first or cpu
        ratio = cpu / first
        print(
            f"{count:>8} {cpu:>8.2f} {wall:>8.2f} {peak:>9.1f} {ratio:>6.2f} {errors}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or SIZES)
