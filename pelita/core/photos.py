"""Photos without what the camera wrote: position, camera, comments.

One owner for "a photo stripped of its metadata": the build's image step
publishes only such copies, and ``invoke new-post`` keeps only such a copy
in the repository, whose history is public for good.
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

# The formats whose metadata the site strips: what the build re-encodes.
PHOTO_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
_GPS_LATITUDE_REF, _GPS_LATITUDE = 1, 2
_GPS_LONGITUDE_REF, _GPS_LONGITUDE = 3, 4
# Where Pillow leaves an XMP packet: JPEG and WebP under "xmp", PNG under its
# iTXt keyword.
_XMP_KEYS = ("xmp", "XML:com.adobe.xmp")
# A position in XMP, as an attribute or an element, in any namespace prefix
# (exif:GPSLatitude, drone-dji:GpsLatitude, ...).
_XMP_POSITION = re.compile(rb"(?i)\bgps_?(?:latitude|longitude)\b")

# How new-post writes the stripped copy, by the file's own format.
_SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}


def gps_position(image: Image.Image) -> tuple[float, float] | None:
    """The position the camera wrote into ``image`` (EXIF or XMP), or None.

    A position that is there but cannot be read is ``(0.0, 0.0)``: what
    matters is that the file tells where it was taken.
    """
    return _exif_position(image.getexif()) or _xmp_position(image.info)


def gps_where(image: Image.Image) -> str | None:
    """Where ``image`` keeps a GPS position: "EXIF", "XMP", or None."""
    if _exif_position(image.getexif()):
        return "EXIF"
    return "XMP" if _xmp_position(image.info) else None


def location_in(path: Path) -> str | None:
    """Where the photo at ``path`` keeps a GPS position (:func:`gps_where`).

    Only the header is read. A file Pillow cannot open as a photo is None:
    it is not a photo the site publishes, and its type is judged elsewhere.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                return gps_where(image)
    except (Image.DecompressionBombError, UnidentifiedImageError, OSError,
            SyntaxError, ValueError):  # fmt: skip
        return None


def _exif_position(exif: Image.Exif) -> tuple[float, float] | None:
    try:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except (KeyError, ValueError, TypeError, OSError):
        return None
    if _GPS_LATITUDE not in gps and _GPS_LONGITUDE not in gps:
        return None
    try:
        latitude = _degrees(gps[_GPS_LATITUDE], gps.get(_GPS_LATITUDE_REF, "N"))
        longitude = _degrees(gps[_GPS_LONGITUDE], gps.get(_GPS_LONGITUDE_REF, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return (0.0, 0.0)  # a position is there, even if it cannot be read
    return (latitude, longitude)


def _xmp_position(info: dict) -> tuple[float, float] | None:
    """A position written in the photo's XMP (editors and drones put it there).

    Only its presence matters, so the coordinates are not parsed.
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


def open_upright(path: Path, largest: int | None = None) -> Image.Image:
    """Decode ``path``, apply its EXIF orientation and drop all metadata.

    The returned image is a fresh copy with an empty ``info``, so nothing of
    the camera's EXIF, GPS position, XMP or comments can reach an output.
    """
    with Image.open(path) as image:
        if largest and image.format == "JPEG":
            image.draft("RGB", (largest * 2, largest * 2))
        upright = ImageOps.exif_transpose(image)
        has_alpha = upright.mode in {"RGBA", "LA", "PA"} or (
            upright.mode == "P" and "transparency" in upright.info
        )
        clean = upright.convert("RGBA" if has_alpha else "RGB")
    clean.info = {}
    return clean


def save_stripped(source: Path, target: Path) -> None:
    """Write ``source`` to ``target`` (a new file) upright and metadata-free.

    The format stays the photo's own (JPEG, PNG or WebP); EXIF (GPS, camera),
    XMP and comments are gone, and the orientation is applied to the pixels.
    """
    with Image.open(source) as probe:
        fmt = probe.format or "JPEG"
    image = open_upright(source)
    if fmt == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    with target.open("xb") as handle:
        image.save(handle, fmt, **_SAVE_OPTIONS.get(fmt, {}))


def strip_in_place(path: Path) -> None:
    """Replace ``path`` by its stripped copy (:func:`save_stripped`).

    The copy is written beside it and renamed over it, so an interrupted run
    leaves either the old file or the new one, never half a photo.
    """
    temporary = path.with_name(f".{path.name}.stripping")
    temporary.unlink(missing_ok=True)
    try:
        save_stripped(path, temporary)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
