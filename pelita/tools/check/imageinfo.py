"""Read an image's header: format, size, and the GPS position in its EXIF or XMP.

Where a position hides is :mod:`pelita.core.photos`' to know (one owner).

Only the header is read (Pillow opens lazily), so even a 50-megapixel phone
photo costs milliseconds. Nothing is written: resizing, turning and stripping
metadata belong to the build's image step.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from pelita.core.photos import gps_position, gps_where

# What the build's image step reads; other formats never reach the page.
SUPPORTED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})


@dataclass(frozen=True)
class ImageInfo:
    """What the checks need to know about one image file."""

    size_bytes: int
    width: int = 0
    height: int = 0
    format: str = ""
    gps: tuple[float, float] | None = None
    # Where the position is kept: "EXIF" or "XMP" (empty without one).
    gps_in: str = ""
    error: str | None = None

    @property
    def pixels(self) -> int:
        """Width times height."""
        return self.width * self.height


def inspect_image(path: Path) -> ImageInfo:
    """Header facts about ``path``; ``error`` says why it could not be read."""
    size = path.stat().st_size
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                gps = gps_position(image)
                where = (gps_where(image) or "") if gps else ""
                return ImageInfo(size, width, height, image.format or "", gps, where)
    except Image.DecompressionBombError:
        return ImageInfo(size, error="terlalu besar untuk dibuka")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return ImageInfo(size, error="tidak bisa dibuka (rusak, atau bukan foto)")
