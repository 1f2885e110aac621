"""Photos without what the camera wrote: position, camera, comments.

One owner for "a photo stripped of its metadata": the build's image step
publishes only such copies, and ``invoke new-post`` keeps only such a copy
in the repository, whose history is public for good.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps

# How new-post writes the stripped copy, by the file's own format.
_SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}


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
