"""Image fixtures made with Pillow (and by hand, for the hostile ones)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageDraw

from tests.images.photos import GREEN, RED


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def photo(fmt: str = "PNG", size=(640, 480), color=(20, 90, 160)) -> bytes:
    """A plain picture in ``fmt`` (a stripe so it is not one flat colour)."""
    image = Image.new("RGB", size, color)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 3, size[1]), fill=(240, 200, 0))
    return _encode(image, fmt)


def transparent_png(size=(300, 200)) -> bytes:
    """A PNG with real transparency."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((20, 20, 180, 180), fill=(200, 30, 30, 255))
    return _encode(image, "PNG")


def animated_gif() -> bytes:
    """Three frames; the first is red."""
    frames = [Image.new("RGB", (120, 80), c) for c in (RED, GREEN, (0, 0, 200))]
    return _encode(frames[0], "GIF", save_all=True, append_images=frames[1:])


def tracking_pixel() -> bytes:
    """A 1x1 GIF, as analytics services serve them."""
    return _encode(Image.new("RGB", (1, 1), (255, 255, 255)), "GIF")


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` x ``height`` (a bomb's header).

    The file is a few hundred bytes: only a decoder that trusted the header
    would allocate width x height pixels.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 4096)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
    b'height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>'
)
HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>Login</title></head><body>Masuk</body></html>"
)


def opened(data: bytes) -> Image.Image:
    """Decode bytes (for assertions)."""
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
