"""One image in, one clean WebP master out, or a refusal that says why."""

import pytest
from imagekit import (
    HTML_PAGE,
    SVG,
    animated_gif,
    opened,
    photo,
    png_claiming,
    tracking_pixel,
    transparent_png,
)

from pelita.importer.errors import MediaError
from pelita.importer.media.imaging import (
    ImageLimits,
    declared_mismatch,
    process_image,
    sniff,
)
from tests.images.photos import CAMERA, GREEN, RED, phone_jpeg

LIMITS = ImageLimits()


def near(pixel, color, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], color, strict=True))


def test_exif_orientation_6_is_applied_then_every_metadata_removed():
    source = phone_jpeg(size=(1200, 800), orientation=6)
    assert CAMERA.encode() in source
    assert b"xmpmeta" in source
    result = process_image(source, LIMITS)
    image = opened(result.data)
    assert image.format == "WEBP"
    assert (result.width, result.height) == (800, 1200) == image.size
    # The stored top-left corner was red; turned upright it is the top right.
    assert near(image.getpixel((image.width - 10, 10)), RED)
    assert near(image.getpixel((10, 10)), GREEN)
    for marker in (CAMERA.encode(), b"PelitaPhone", b"xmpmeta", b"Exif\x00", b"EXIF"):
        assert marker not in result.data
    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info)


def test_a_png_posing_as_a_jpeg_is_read_as_the_png_it_is():
    data = photo("PNG")
    assert sniff(data) == "png"
    assert declared_mismatch("image/jpeg", "png") == (
        "served as image/jpeg but is PNG; read as PNG"
    )
    assert declared_mismatch("image/png", "png") is None
    result = process_image(data, LIMITS)
    assert result.source_format == "png"
    assert opened(result.data).size == (640, 480)


def test_a_huge_picture_is_scaled_to_the_master_width():
    result = process_image(photo("JPEG", size=(6000, 4000)), LIMITS)
    assert (result.width, result.height) == (1600, 1067)
    assert opened(result.data).size == (1600, 1067)


def test_a_very_tall_infographic_stays_within_webp_limits():
    result = process_image(photo("PNG", size=(400, 20000)), LIMITS)
    assert result.height <= 16383
    assert result.width == round(400 * result.height / 20000)


def test_a_decompression_bomb_is_refused_from_its_header():
    bomb = png_claiming(60_000, 60_000)
    assert len(bomb) < 1000
    with pytest.raises(MediaError, match=r"decompression bomb.*3600000000 pixels"):
        process_image(bomb, LIMITS)


def test_over_the_pixel_limit_is_refused_before_decoding():
    with pytest.raises(MediaError, match="pixel limit"):
        process_image(png_claiming(8000, 6000), LIMITS)


def test_pillows_bomb_warning_is_an_error_even_with_a_generous_limit():
    generous = ImageLimits(max_pixels=500_000_000)
    with pytest.raises(MediaError, match="decompression bomb"):
        process_image(png_claiming(10_000, 9_500), generous)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (SVG, "SVG"),
        (b"\n  <svg viewBox='0 0 1 1'></svg>", "SVG"),
        (HTML_PAGE, "web page"),
        (b"<html><body>403</body></html>", "web page"),
        (b"%PDF-1.7 not an image", "not an image"),
        (b"", "empty"),
        (photo("BMP"), "not an image"),
        (photo("TIFF"), "not an image"),
    ],
)
def test_what_is_not_a_web_image_is_refused(data, reason):
    with pytest.raises(MediaError, match=reason):
        process_image(data, LIMITS)


def test_a_truncated_or_corrupt_file_is_refused_in_plain_words():
    whole = photo("JPEG", size=(800, 600))
    with pytest.raises(MediaError, match="JPEG file that cannot be decoded"):
        process_image(whole[: len(whole) // 3], LIMITS)
    with pytest.raises(MediaError, match="PNG file that cannot be decoded"):
        process_image(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, LIMITS)


def test_a_tracking_pixel_is_recognised_not_stored():
    result = process_image(tracking_pixel(), LIMITS)
    assert result.pixel
    assert result.data == b""


def test_transparency_is_kept_and_an_animation_keeps_its_first_frame():
    clear = opened(process_image(transparent_png(), LIMITS).data)
    assert clear.mode == "RGBA"
    assert clear.getpixel((2, 2))[3] == 0
    first = opened(process_image(animated_gif(), LIMITS).data)
    assert getattr(first, "n_frames", 1) == 1
    assert near(first.getpixel((5, 5)), RED)


def test_the_same_bytes_give_the_same_master():
    data = phone_jpeg()
    assert process_image(data, LIMITS).data == process_image(data, LIMITS).data
