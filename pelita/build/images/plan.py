"""Decide, from the header alone, which files an image becomes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image

RASTER_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
# EXIF orientations that turn the picture by 90 degrees.
_SIDEWAYS = {5, 6, 7, 8}
OG_SIZE = (1200, 630)
# Link-preview images live together, beside the drawn cards.
OG_FOLDER = "images/og"


@dataclass(frozen=True)
class Variant:
    """One output file: its path under output/ and pixel size."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class ResponsiveImage:
    """Everything templates need to print an image, and the build to make it."""

    source: Path
    digest: str
    width: int
    height: int
    variants: tuple[Variant, ...]
    original: Variant
    og: Variant

    @property
    def src(self) -> str:
        """The fallback ``src``: the variant nearest 640 px wide."""
        return min(self.variants, key=lambda v: abs(v.width - 640)).path


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes (the cache key)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def upright_size(path: Path) -> tuple[int, int]:
    """Width and height once the EXIF orientation is applied (header only)."""
    with Image.open(path) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in _SIDEWAYS else (width, height)


def _scaled(width: int, height: int, target: int) -> tuple[int, int]:
    return target, max(1, round(height * target / width))


def plan_image(
    source: Path,
    save_as: str,
    widths: Sequence[int],
    max_width: int,
) -> ResponsiveImage:
    """Name the variants of ``source``, to be published at ``save_as``.

    Variants are the configured widths narrower than the picture, plus the
    picture itself up to ``max_width``; names carry a short content hash so
    they can be cached for ever.
    """
    digest = file_digest(source)
    width, height = upright_size(source)
    largest = min(width, max_width)
    chosen = sorted({w for w in widths if w < largest} | {largest})
    target = PurePosixPath(save_as)
    stem = (
        f"{target.parent}/{target.stem}" if str(target.parent) != "." else target.stem
    )
    short = digest[:10]
    variants = tuple(
        Variant(f"{stem}-{w}w.{short}.webp", *_scaled(width, height, w)) for w in chosen
    )
    original = Variant(save_as, *_scaled(width, height, largest))
    og = Variant(f"{OG_FOLDER}/{target.stem}.{short}.jpg", *OG_SIZE)
    return ResponsiveImage(source, digest, width, height, variants, original, og)
