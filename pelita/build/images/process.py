"""Pillow work: upright, metadata-free, resized and encoded outputs."""

from __future__ import annotations

import io

from PIL import Image, ImageOps

from pelita.core.photos import open_upright

from .plan import ResponsiveImage

OG_MAX_BYTES = 300_000


def _resized(image: Image.Image, width: int, height: int) -> Image.Image:
    if image.size == (width, height):
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white, for formats without transparency."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    background = Image.new("RGB", image.size, "#ffffff")
    background.paste(image, mask=image.getchannel("A"))
    return background


def _encode_original(image: Image.Image, suffix: str) -> bytes:
    """Same format as the source, so the original address keeps working."""
    if suffix in {".jpg", ".jpeg"}:
        return _encode(
            _flatten(image), "JPEG", quality=85, optimize=True, progressive=True
        )
    if suffix == ".png":
        return _encode(image, "PNG", optimize=True)
    return _encode(image, "WEBP", quality=82, method=5)


def _encode_og(image: Image.Image, size: tuple[int, int]) -> bytes:
    """Cover-cropped JPEG for link previews, under the preview size limit."""
    card = ImageOps.fit(_flatten(image), size, Image.Resampling.LANCZOS)
    for quality in (82, 72, 62, 52):
        data = _encode(card, "JPEG", quality=quality, optimize=True, progressive=True)
        if len(data) <= OG_MAX_BYTES:
            return data
    return data


def render_outputs(plan: ResponsiveImage) -> dict[str, bytes]:
    """Every output file of one image, keyed by its path under output/."""
    image = open_upright(plan.source, plan.original.width)
    outputs = {
        variant.path: _encode(
            _resized(image, variant.width, variant.height), "WEBP", quality=78, method=5
        )
        for variant in plan.variants
    }
    original = _resized(image, plan.original.width, plan.original.height)
    outputs[plan.original.path] = _encode_original(original, plan.source.suffix.lower())
    outputs[plan.og.path] = _encode_og(image, (plan.og.width, plan.og.height))
    return outputs
