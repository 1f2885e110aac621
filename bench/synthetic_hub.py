"""A deterministic synthetic city hub: N Markdown posts shaped like Pelita's.

Post ``i`` depends only on the seed and ``i``, so a hub of 5,000 posts is the
first 5,000 posts of a hub of 20,000, and "the next 50 posts" of a nightly
import are simply posts N..N+49 (dated after every earlier post). Posts are
spread over the 16 kecamatan and their kelurahan (from
``data/wilayah.csv``), the OPDs (``data/opd.csv``) and all
seven categories; about 10% are achievements (half with ``Prestasi``
metadata, half recognisable only from their wording), about 6% belong to a
grouped story (``Story``, and ``Duplicate_of`` for re-posts), about 10% have
a photo. Half are admin posts under ``posts/``, half look imported (under
``imported/<channel>/`` with ``Source``).

Photos are small JPEGs drawn with Pillow and kept in an image cache folder,
so the second corpus of the same size costs only file copies.

    python bench/synthetic_hub.py OUT_DIR --posts 1000 [--first 0] [--seed 2025]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw
from synthetic_text import body, paragraph

REPO = Path(__file__).resolve().parent.parent
START = dt.datetime(2021, 1, 4, 7, 0)  # noqa: DTZ001 (local time, as posts say)
CATEGORY_WEIGHTS = {
    "Berita": 40,
    "Layanan Publik": 14,
    "Wisata": 10,
    "UMKM": 10,
    "Kuliner": 8,
    "Klarifikasi": 8,
    "Prestasi": 10,
}
TOPICS = [
    "banjir", "rob", "sampah", "bank sampah", "penghijauan", "air bersih",
    "jalan", "drainase", "posyandu", "stunting", "imunisasi", "puskesmas",
    "sekolah", "beasiswa", "perpustakaan", "batik", "pasar", "pedagang",
    "umkm", "pelatihan", "wisata kampung", "kota lama", "kuliner", "lumpia",
    "bandeng", "transportasi", "brt", "parkir", "adminduk", "ktp elektronik",
    "perizinan", "pajak daerah", "bencana", "kebakaran", "lansia",
    "disabilitas", "anak", "perempuan", "pemuda", "olahraga", "budaya",
    "festival", "ramadan", "lebaran", "natal", "imlek", "hut kota",
    "lingkungan", "taman", "penerangan jalan", "kesehatan", "gizi",
    "digital", "layanan daring", "pengaduan", "keamanan", "ketertiban",
]  # fmt: skip
AWARDS = [
    ("Kampung Hijau", "Dinas Lingkungan Hidup Provinsi Jawa Tengah", "provinsi"),
    ("Kelurahan Tangguh Bencana", "BNPB", "nasional"),
    ("Inovasi Pelayanan Publik", "Kementerian PANRB", "nasional"),
    ("Kampung Tematik", "Pemerintah Kota Semarang", "kota"),
    ("Posyandu Teladan", "Dinas Kesehatan Provinsi Jawa Tengah", "provinsi"),
    ("Smart City Asia", "Asia Smart City Forum", "internasional"),
]
HOAXES = [
    "bantuan tunai dibagikan lewat tautan pesan berantai",
    "jalan tol ditutup total selama sepekan",
    "pendaftaran sekolah dipungut biaya",
    "air PDAM tercemar bahan kimia",
]
CHANNELS = 12  # imported-looking posts come from this many made-up channels


@dataclass(frozen=True)
class Place:
    """A kelurahan with its kecamatan, as named in the gazetteer."""

    kelurahan: str
    kecamatan: str


@dataclass(frozen=True)
class Registries:
    """The names a synthetic hub draws from."""

    places: tuple[Place, ...]
    opd_ids: tuple[str, ...]


def load_registries(data: Path = REPO / "data") -> Registries:
    with (data / "wilayah.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    places = tuple(
        Place(row["nama"], row["kecamatan"])
        for row in rows
        if row["tingkat"] == "kelurahan"
    )
    with (data / "opd.csv").open(encoding="utf-8") as handle:
        opd_ids = tuple(row["id"] for row in csv.DictReader(handle))
    return Registries(places, opd_ids)


def _category(rng: random.Random) -> str:
    names = list(CATEGORY_WEIGHTS)
    return rng.choices(names, weights=list(CATEGORY_WEIGHTS.values()))[0]


def _date(index: int, rng: random.Random) -> dt.datetime:
    return START + dt.timedelta(hours=2 * index, minutes=rng.randrange(0, 110))


def _story(index: int) -> tuple[str, bool] | None:
    """Every 50th post starts a story of three; the third is a re-post."""
    first = index - index % 50
    if index % 50 < 3:
        return f"cerita-{first:06d}", index % 50 == 2
    return None


def _award_lines(rng: random.Random, place: Place, index: int) -> list[str]:
    name, giver, level = AWARDS[index % len(AWARDS)]
    return [
        "Prestasi: ya",
        f"Penghargaan: {name} {START.year + index // 4380}",
        f"Pemberi: {giver}",
        f"Tingkat: {level}",
        f"Penerima: Kelurahan {place.kelurahan}",
        f"Tahun: {START.year + index // 4380}",
    ]


def _headline(category: str, place: Place, rng: random.Random, index: int) -> str:
    if category == "Prestasi":
        name = AWARDS[index % len(AWARDS)][0]
        return f"Kelurahan {place.kelurahan} Juara Lomba {name} ({index})"
    if category == "Klarifikasi":
        return f"Hoaks: {HOAXES[index % len(HOAXES)].capitalize()} ({index})"
    topic = rng.choice(TOPICS).title()
    return f"{topic} di {place.kelurahan}, {place.kecamatan}: Kabar Warga {index}"


def _lead(category: str, place: Place, rng: random.Random, index: int) -> str:
    if category == "Prestasi" or (category == "Berita" and index % 20 == 7):
        name, giver, _ = AWARDS[index % len(AWARDS)]
        return (
            f"Kelurahan {place.kelurahan}, Kecamatan {place.kecamatan}, meraih "
            f"juara pertama Lomba {name} dan menerima piala dari {giver}."
        )
    if category == "Klarifikasi":
        return (
            f"Pesan berantai yang menyebut {HOAXES[index % len(HOAXES)]} "
            "beredar di grup percakapan warga. Pemerintah kota memastikan "
            "kabar itu tidak benar."
        )
    return paragraph(rng, f"Kelurahan {place.kelurahan}")


def post_text(index: int, seed: int, registries: Registries) -> tuple[str, str]:
    """The relative path and Markdown text of post ``index``."""
    rng = random.Random(f"{seed}:{index}")
    place = rng.choice(registries.places)
    category = _category(rng)
    if index % 20 == 7 and category == "Berita":  # achievement by wording only
        title = f"Kelurahan {place.kelurahan} Sabet Juara Pertama Lomba Kampung"
        title += f" Tingkat Kota ({index})"
    else:
        title = _headline(category, place, rng, index)
    date = _date(index, rng)
    slug = f"kabar-{index:06d}"
    lead = _lead(category, place, rng, index)
    lines = [
        f"Title: {title}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {category}",
        f"Tags: {', '.join(rng.sample(TOPICS, rng.randrange(2, 5)))}",
        f"Slug: {slug}",
        f"OPD: {rng.choice(registries.opd_ids)}",
    ]
    if rng.random() < 0.6:  # the rest is left to the area tagger
        lines += [f"Kecamatan: {place.kecamatan}", f"Kelurahan: {place.kelurahan}"]
    if category == "Prestasi":
        lines += _award_lines(rng, place, index)
    if category == "Klarifikasi":
        lines += [f"Klaim: {HOAXES[index % len(HOAXES)]}", "Putusan: Hoaks"]
    story = _story(index)
    if story:
        lines.append(f"Story: {story[0]}")
        if story[1]:
            lines.append(f"Duplicate_of: kabar-{index - 2:06d}")
    if index % 10 == 3:
        lines += [f"Image: {image_path(index)}", f"Image_alt: Foto kegiatan {index}"]
    imported = index % 2 == 1
    if imported:
        channel = f"kanal-{index % CHANNELS:02d}"
        lines.append(f"Source: https://{channel}.example.go.id/{date:%Y}/{slug}/")
        folder = f"imported/{channel}/{date:%Y}"
    else:
        folder = f"posts/{date:%Y}"
    lines.append(f"Summary: {lead.split('. ')[0].rstrip('.')}.")
    places = [
        f"Kelurahan {place.kelurahan}",
        f"Kecamatan {place.kecamatan}",
        "Kota Semarang",
    ]
    text = body(rng, places, rng.randrange(400, 701), lead)
    return f"{folder}/{slug}.md", "\n".join(lines) + "\n\n" + text + "\n"


def image_path(index: int) -> str:
    return f"images/bench/foto-{index:06d}.jpg"


def draw_photo(index: int, seed: int) -> bytes:
    """A 640x360 JPEG: a gradient sky, hills and a few blocks, different per post."""
    rng = random.Random(f"photo:{seed}:{index}")
    image = Image.linear_gradient("L").resize((640, 360)).convert("RGB")
    tint = Image.new("RGB", (640, 360), tuple(rng.randrange(40, 220) for _ in "rgb"))
    image = Image.blend(image, tint, 0.6)
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x, y = rng.randrange(0, 600), rng.randrange(150, 330)
        colour = tuple(rng.randrange(0, 255) for _ in "rgb")
        draw.rectangle((x, y, x + rng.randrange(20, 90), 360), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def ensure_photo(index: int, seed: int, cache: Path) -> Path:
    cached = cache / f"{seed}-{index:06d}.jpg"
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(draw_photo(index, seed))
    return cached


def write_posts(
    content: Path, first: int, count: int, seed: int = 2025, cache: Path | None = None
) -> list[Path]:
    """Write posts ``first``..``first+count-1`` (and their photos) under ``content``."""
    registries = load_registries()
    cache = cache or content.parent / "image-cache"
    written = []
    for index in range(first, first + count):
        relative, text = post_text(index, seed, registries)
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
        if index % 10 == 3:
            target = content / image_path(index)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ensure_photo(index, seed, cache), target)
    return written


def write_hub(content: Path, count: int, seed: int = 2025, cache: Path | None = None):
    """A fresh content folder with ``count`` posts and the repository's pages."""
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(REPO / "content" / "pages", content / "pages")
    return write_posts(content, 0, count, seed, cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("content", type=Path, help="content folder to (re)create")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--first", type=int, default=None, help="append from here")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--image-cache", type=Path, default=None)
    args = parser.parse_args()
    if args.first is None:
        write_hub(args.content, args.posts, args.seed, args.image_cache)
    else:
        write_posts(args.content, args.first, args.posts, args.seed, args.image_cache)
    print(f"{args.posts} posts in {args.content}")


if __name__ == "__main__":
    main()
