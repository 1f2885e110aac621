"""Read an image's header: format, size, and the GPS position in its EXIF or XMP.

Only the header is read (Pillow opens lazily), so even a 50-megapixel phone
photo costs milliseconds. Nothing is written: resizing, turning and stripping
metadata belong to the build's image step.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

# What the build's image step reads; other formats never reach the page.
SUPPORTED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
_GPS_LATITUDE_REF, _GPS_LATITUDE = 1, 2
_GPS_LONGITUDE_REF, _GPS_LONGITUDE = 3, 4
# Where Pillow leaves an XMP packet: JPEG and WebP under "xmp", PNG under its
# iTXt keyword.
_XMP_KEYS = ("xmp", "XML:com.adobe.xmp")
# A position in XMP, as an attribute or an element, in any namespace prefix
# (exif:GPSLatitude, drone-dji:GpsLatitude, ...).
_XMP_POSITION = re.compile(rb"(?i)\bgps_?latitude\b")


@dataclass(frozen=True)
class ImageInfo:
    """What the checks need to know about one image file."""

    size_bytes: int
    width: int = 0
    height: int = 0
    format: str = ""
    gps: tuple[float, float] | None = None
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
                gps = _gps(image.getexif()) or _xmp_gps(image.info)
                return ImageInfo(size, width, height, image.format or "", gps)
    except Image.DecompressionBombError:
        return ImageInfo(size, error="terlalu besar untuk dibuka")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return ImageInfo(size, error="tidak bisa dibuka (rusak, atau bukan foto)")


def _gps(exif: Image.Exif) -> tuple[float, float] | None:
    try:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except (KeyError, ValueError, TypeError, OSError):
        return None
    if _GPS_LATITUDE not in gps or _GPS_LONGITUDE not in gps:
        return None
    try:
        latitude = _degrees(gps[_GPS_LATITUDE], gps.get(_GPS_LATITUDE_REF, "N"))
        longitude = _degrees(gps[_GPS_LONGITUDE], gps.get(_GPS_LONGITUDE_REF, "E"))
    except (TypeError, ValueError, ZeroDivisionError, IndexError):
        return (0.0, 0.0)  # a position is there, even if it cannot be read
    return (latitude, longitude)


def _xmp_gps(info: dict) -> tuple[float, float] | None:
    """A position written in the photo's XMP (editors and drones put it there).

    Only its presence matters: the check's message is the same whatever the
    coordinates, so they are not parsed.
    """
    for key in _XMP_KEYS:
        packet = info.get(key)
        if isinstance(packet, str):
            packet = packet.encode("utf-8", "replace")
        if isinstance(packet, bytes) and _XMP_POSITION.search(packet):
            return (0.0, 0.0)
    return None


def _degrees(value: tuple, ref: str | bytes) -> float:
    degrees, minutes, seconds = (float(part) for part in value)
    result = degrees + minutes / 60 + seconds / 3600
    ref = ref.decode() if isinstance(ref, bytes) else ref
    return -result if ref.strip().upper() in ("S", "W") else result
