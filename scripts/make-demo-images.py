#!/usr/bin/env python3
"""Draw the demo hub's illustrations: deterministic, Pillow only, no downloads.

Post images go to demo/images/demo/ (1200 x 675), the media of the demo
feeds to data/demo-feeds/media/ (1024 x 576 pictures and 480 x 360 video
thumbnails letterboxed like YouTube's), those of the demo web sites to
data/demo-sites/<site>/media/. The same Pillow version draws the same
bytes, so re-running the script leaves git clean.

    python scripts/make-demo-images.py            # draw everything
    python scripts/make-demo-images.py --only adipura --root /tmp/x
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from demo_art import SCENES
from demo_art.canvas import Canvas, seeded
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
POSTS = "demo/images/demo"
MEDIA = "data/demo-feeds/media"
KTK = "data/demo-sites/kel-tlogosari-kulon/media"
DISPERKIM = "data/demo-sites/disperkim/media"
QUALITY = 80
MAX_BYTES = 90 * 1024

# (output directory, file stem, scene, kind): kind "post" is 1200 x 675,
# "photo" 1024 x 576, "thumb" a 480 x 360 video thumbnail.
IMAGES: list[tuple[str, str, str, str]] = [
    (POSTS, "festival-kota-lama", "old_town", "post"),
    (POSTS, "imlek-sam-poo-kong", "temple", "post"),
    (POSTS, "hoaks-bantuan-tunai", "documents", "post"),
    (POSTS, "lumpia-gang-lombok", "lumpia", "post"),
    (POSTS, "savira-whatsapp", "phone_chat", "post"),
    (POSTS, "kota-layak-anak", "trophy", "post"),
    (POSTS, "kampung-batik-rejomulyo", "batik", "post"),
    (POSTS, "tugu-muda-bersolek", "skyline", "post"),
    (POSTS, "brt-mangkang-penggaron", "bus", "post"),
    (POSTS, "lomba-kelurahan-provinsi", "medal", "post"),
    (POSTS, "bandeng-presto", "bandeng", "post"),
    (POSTS, "goa-kreo-jatibarang", "hills", "post"),
    (POSTS, "umkm-banyumanik-foto-produk", "market", "post"),
    (POSTS, "adipura", "trophy", "post"),
    (POSTS, "kampung-pelangi", "hillside_village", "post"),
    (POSTS, "perpustakaan-keliling", "school", "post"),
    (POSTS, "wingko-jomblang", "wingko", "post"),
    (POSTS, "alpukat-purwosari", "saplings", "post"),
    (POSTS, "normalisasi-saluran", "pump", "post"),
    (POSTS, "mangrove-mangunharjo", "coast", "post"),
    (POSTS, "jalur-banjir-kanal-barat", "river", "post"),
    (MEDIA, "diskominfo-pelatihan-admin", "phone_chat", "photo"),
    (MEDIA, "diskominfo-ktp-keliling", "documents", "photo"),
    (MEDIA, "diskominfo-wifi-publik", "park", "photo"),
    (MEDIA, "diskominfo-simulasi-banjir", "pump", "photo"),
    (MEDIA, "kec-bazar-pasar-johar", "market", "photo"),
    (MEDIA, "kec-dugderan", "old_town", "photo"),
    (MEDIA, "kandri-goa-kreo", "hills", "photo"),
    (MEDIA, "kandri-panen-durian", "market", "photo"),
    (MEDIA, "yt-imlek-sam-poo-kong", "temple", "thumb"),
    (MEDIA, "yt-jelajah-kota-lama", "old_town", "thumb"),
    (MEDIA, "yt-goa-kreo-udara", "hills", "thumb"),
    (MEDIA, "yt-kuliner-semawis", "lumpia", "thumb"),
    (MEDIA, "yt-tari-semarangan", "batik", "thumb"),
    (MEDIA, "yt-mangrove-tugu", "coast", "thumb"),
    (MEDIA, "dishub-cfd", "park", "photo"),
    (MEDIA, "dishub-brt-libur", "bus", "photo"),
    (MEDIA, "dinkes-cek-pedagang", "health", "photo"),
    (MEDIA, "dinkes-rowosari", "health", "photo"),
    (MEDIA, "warta-balai-kota", "skyline", "photo"),
    (MEDIA, "warta-undangan-digital", "phone_chat", "photo"),
    (KTK, "ktk-posyandu", "health", "photo"),
    (KTK, "ktk-saluran", "river", "photo"),
    (KTK, "ktk-kue-kering", "market", "photo"),
    (KTK, "ktk-kampung-hijau", "hillside_village", "photo"),
    (DISPERKIM, "disperkim-bedah-rumah", "hillside_village", "photo"),
]


def draw(stem: str, scene: str, kind: str) -> Image.Image:
    """Draw one illustration at the size its kind asks for."""
    size = {"post": (1200, 675), "photo": (1024, 576), "thumb": (480, 270)}[kind]
    canvas = Canvas(*size)
    SCENES[scene](canvas, seeded(stem))
    picture = canvas.render()
    if kind != "thumb":
        return picture
    framed = Image.new("RGB", (480, 360), (0, 0, 0))
    framed.paste(picture, (0, 45))
    return framed


def encode(picture: Image.Image) -> bytes:
    """JPEG bytes without metadata, refusing anything over the size budget."""
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Draw the selected illustrations under ``--root``; return an exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="repository root")
    parser.add_argument("--only", action="append", help="file stem to draw")
    args = parser.parse_args(argv)
    chosen = [row for row in IMAGES if not args.only or row[1] in args.only]
    if args.only and len(chosen) != len(set(args.only)):
        known = ", ".join(row[1] for row in IMAGES)
        parser.error(f"unknown image in --only {args.only}; known: {known}")
    too_big = []
    for folder, stem, scene, kind in chosen:
        data = encode(draw(stem, scene, kind))
        target = args.root / folder / f"{stem}.jpg"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"{target.relative_to(args.root)}  {len(data) // 1024} KiB")
        if len(data) > MAX_BYTES:
            too_big.append(stem)
    if too_big:
        print(f"over {MAX_BYTES // 1024} KiB: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
