"""What an admin's phone photo becomes: upright, stripped, resized."""

import io
from pathlib import Path

from PIL import Image

from pelita.build.images import open_upright, plan_image, render_outputs

from .photos import CAMERA, make_photo

WIDTHS = [320, 640, 960, 1280]


def open_bytes(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def assert_no_metadata(data: bytes) -> None:
    for marker in (
        CAMERA.encode(),
        b"PelitaPhone",
        b"GPSLatitude",
        b"Exif\x00",
        b"xmpmeta",
    ):
        assert marker not in data
    image = open_bytes(data)
    assert not image.getexif()
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "comment"} & set(image.info)


def test_the_source_really_carries_gps_and_orientation(phone_photo: Path):
    data = phone_photo.read_bytes()
    assert CAMERA.encode() in data
    assert b"xmpmeta" in data
    with Image.open(phone_photo) as image:
        assert image.getexif()[0x0112] == 6
        assert image.getexif().get_ifd(0x8825)


def test_plan_is_upright_and_names_variants_by_content(phone_photo: Path):
    plan = plan_image(phone_photo, "images/2025/foto-warga.jpg", WIDTHS, 1600)
    assert (plan.width, plan.height) == (1600, 2400)
    assert [v.width for v in plan.variants] == [320, 640, 960, 1280, 1600]
    assert all(v.height == round(v.width * 1.5) for v in plan.variants)
    assert all(plan.digest[:10] in v.path for v in plan.variants)
    assert (
        plan.variants[0].path == f"images/2025/foto-warga-320w.{plan.digest[:10]}.webp"
    )
    assert plan.src.endswith("-640w." + plan.digest[:10] + ".webp")
    assert plan.original.path == "images/2025/foto-warga.jpg"


def test_every_output_is_upright_and_has_no_metadata(phone_photo: Path):
    plan = plan_image(phone_photo, "images/2025/foto-warga.jpg", WIDTHS, 1600)
    outputs = render_outputs(plan)
    expected = {v.path for v in plan.variants} | {plan.original.path, plan.og.path}
    assert set(outputs) == expected
    for path, data in outputs.items():
        assert_no_metadata(data)
        image = open_bytes(data)
        if path != plan.og.path:
            assert image.height > image.width, path
            # The red corner was top-left before turning by 90° clockwise,
            # so it is now top-right.
            red, _, _ = image.convert("RGB").getpixel((image.width - 3, 3))
            assert red > 180, path
    variant = open_bytes(outputs[plan.variants[0].path])
    assert (variant.format, variant.size) == ("WEBP", (320, 480))


def test_preview_image_is_1200_by_630_jpeg_under_300_kb(phone_photo: Path):
    plan = plan_image(phone_photo, "images/a.jpg", WIDTHS, 1600)
    data = render_outputs(plan)[plan.og.path]
    assert len(data) < 300_000
    image = open_bytes(data)
    assert (image.format, image.size) == ("JPEG", (1200, 630))


def test_small_images_are_not_enlarged(tmp_path: Path):
    small = make_photo(tmp_path / "kecil.jpg", size=(400, 300), orientation=None)
    plan = plan_image(small, "images/kecil.jpg", WIDTHS, 1600)
    assert [v.width for v in plan.variants] == [320, 400]
    assert (plan.original.width, plan.original.height) == (400, 300)


def test_transparent_png_keeps_alpha_in_webp_and_gets_white_in_jpeg(tmp_path: Path):
    path = tmp_path / "logo.png"
    Image.new("RGBA", (800, 400), (0, 0, 0, 0)).save(path)
    plan = plan_image(path, "images/logo.png", WIDTHS, 1600)
    outputs = render_outputs(plan)
    assert open_bytes(outputs[plan.variants[0].path]).mode == "RGBA"
    og = open_bytes(outputs[plan.og.path]).convert("RGB")
    assert og.getpixel((600, 315)) == (255, 255, 255)
    assert open_bytes(outputs["images/logo.png"]).format == "PNG"


def test_open_upright_drops_info(phone_photo: Path):
    image = open_upright(phone_photo)
    assert image.info == {}
    assert image.size == (1600, 2400)
