"""Hostile image bytes in, one clean WebP master out (or a refusal that says why).

The type is read from the bytes (magic numbers), never from the server's
``Content-Type`` or the file name: a PNG served as ``image/jpeg`` is read as
the PNG it is, while SVG (it can carry scripts), HTML (a login or error page
where an image was expected) and anything that is not JPEG, PNG, GIF, WebP
or AVIF is refused. Pillow opens the bytes restricted to that one format;
the pixel count is checked from the header before anything is decoded, and
Pillow's ``DecompressionBombWarning`` is an error. The picture is turned
upright by its EXIF orientation, converted to sRGB when it carries another
ICC profile, and saved as WebP with no EXIF, XMP or ICC data at all (GPS
positions, camera serials and editing history go with them), at most
``max_width`` pixels wide. Tracking pixels (a few pixels square) are
recognised and dropped.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

from pelita.importer.errors import MediaError

FORMATS = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP", "avif": "AVIF"}
WEBP_MAX_SIDE = 16383
PIXEL_SIDE = 3  # an image at most this many pixels square is a tracking pixel
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<?php")
_SVG_MARKERS = (b"<svg", b"<!doctype svg")
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class ImageLimits:
    """How large an image may be, and how large the stored master is."""

    max_pixels: int = 40_000_000
    max_width: int = 1600
    quality: int = 82


@dataclass(frozen=True)
class ProcessedImage:
    """The WebP master and what it was made from."""

    data: bytes
    width: int
    height: int
    source_format: str
    pixel: bool = False  # a tracking pixel: nothing to store


def sniff(data: bytes) -> str:
    """The image format of ``data`` by its first bytes; ``MediaError`` if none."""
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "avif"
    text = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(marker in text for marker in _SVG_MARKERS):
        raise MediaError("an SVG drawing; SVG can carry scripts and is not imported")
    if text.startswith(_HTML_STARTS):
        raise MediaError(
            "a web page (HTML), not an image; the address may need a login or "
            "point to a page that shows the image"
        )
    if not data:
        raise MediaError("an empty file, not an image")
    raise MediaError("not an image Pelita reads (JPEG, PNG, GIF, WebP or AVIF)")


def declared_mismatch(declared: str | None, actual: str) -> str | None:
    """A note when the server's ``Content-Type`` names another format."""
    kind = (declared or "").split(";")[0].strip().lower()
    if not kind.startswith("image/"):
        return None
    named = kind.removeprefix("image/").replace("jpg", "jpeg").replace("x-", "")
    if named != actual:
        return f"served as {kind} but is {actual.upper()}; read as {actual.upper()}"
    return None


def _check_pixels(image: Image.Image, limits: ImageLimits) -> None:
    width, height = image.size
    if width < 1 or height < 1:
        raise MediaError(f"{width}x{height} pixels: not a picture")
    if width * height > limits.max_pixels:
        raise MediaError(
            f"{width}x{height} pixels ({width * height / 1e6:.0f} million) is over "
            f"the {limits.max_pixels / 1e6:.0f} million pixel limit "
            "(IMPORTER['image_max_pixels']); a decompression bomb or a poster scan"
        )


def _to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """Colours as sRGB, so the profile can be dropped without a colour shift."""
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _normalized(image: Image.Image) -> Image.Image:
    """RGB, or RGBA when the picture has real transparency."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if has_alpha else "RGB")
    if has_alpha and image.getchannel("A").getextrema() == (255, 255):
        image = image.convert("RGB")
    return image


def _scaled(image: Image.Image, limits: ImageLimits) -> Image.Image:
    width, height = image.size
    scale = min(1.0, limits.max_width / width, WEBP_MAX_SIDE / height)
    if scale >= 1.0:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _decode(data: bytes, kind: str, limits: ImageLimits) -> Image.Image:
    with Image.open(io.BytesIO(data), formats=[FORMATS[kind]]) as image:
        _check_pixels(image, limits)
        if kind == "jpeg":
            side = limits.max_width
            image.draft("RGB", (side, side))  # DCT scaling: a fast first shrink
        image.seek(0)  # the first frame of an animation
        profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        clean = _to_srgb(_normalized(upright), profile)
    clean.info = {}
    return clean


def process_image(data: bytes, limits: ImageLimits) -> ProcessedImage:
    """Decode, check, clean and re-encode ``data``; ``MediaError`` if refused."""
    kind = sniff(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _decode(data, kind, limits)
    except MediaError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise MediaError(f"a decompression bomb: {exc}") from exc
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
        raise MediaError(
            f"a {kind.upper()} file that cannot be decoded: {exc}"
        ) from exc
    if max(image.size) <= PIXEL_SIDE:
        return ProcessedImage(b"", *image.size, kind, pixel=True)
    image = _scaled(image, limits)
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=limits.quality, method=4)
    return ProcessedImage(buffer.getvalue(), *image.size, kind)
