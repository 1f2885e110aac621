"""An admin writes posts through the forms, at a phone's size, and publishes."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from playwright.sync_api import expect

from tests.images.photos import make_photo

from .driver import open_editor

GPS_IFD = 0x8825
CAMERA_MODEL = 0x0110


def test_prestasi_with_a_gps_photo_through_the_form(editor, browser, tmp_path: Path):
    photo = make_photo(tmp_path / "IMG_20250814_101500.jpg", size=(4000, 3000))
    admin = open_editor(browser, editor, "#/collections/prestasi/new")
    admin.fill("title", "Kelurahan Meteseh Juara I Lomba Kampung Hijau")
    admin.choose("tingkat", "provinsi")
    admin.fill("penghargaan", "Juara I Lomba Kampung Hijau")
    admin.fill("pemberi", "Dinas Lingkungan Hidup dan Kehutanan Jawa Tengah")
    admin.fill("penerima", "Meteseh")
    admin.fill("tahun", "2025")
    admin.choose("kecamatan", "Tembalang")
    admin.choose_kelurahan("Meteseh")
    admin.upload_photo(photo)
    admin.fill("image_alt", "Warga Meteseh mengangkat piala di depan balai kelurahan")
    admin.set_body(
        "Kelurahan Meteseh meraih juara pertama.\n\n## Yang dinilai\n\nBank sampah."
    )
    admin.save()
    admin.set_status("Siap ditinjau")
    admin.set_status("Siap terbit")
    admin.publish()

    slug = "kelurahan-meteseh-juara-i-lomba-kampung-hijau"
    posts = list(editor.repo.glob(f"content/posts/*/{slug}.md"))
    assert len(posts) == 1, editor.git("log", "--all", "--stat")
    text = posts[0].read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0].splitlines()
    year = posts[0].parent.name
    assert header[:3] == [
        "Title: Kelurahan Meteseh Juara I Lomba Kampung Hijau",
        header[1],
        "Category: Prestasi",
    ]
    assert header[1].startswith(f"Date: {year}-")
    for line in (
        f"Slug: {slug}", "Kecamatan: Tembalang", "Kelurahan: Meteseh",
        "Prestasi: ya", "Tingkat: provinsi", "Penerima: Meteseh", "Tahun: 2025",
        "Penghargaan: Juara I Lomba Kampung Hijau",
        f"Image: images/{year}/{slug}/img_20250814_101500.jpg",
        "Image_alt: Warga Meteseh mengangkat piala di depan balai kelurahan",
    ):  # fmt: skip
        assert line in header, text
    assert "## Yang dinilai" in text
    stored = (
        editor.repo / "content" / "images" / year / slug / "img_20250814_101500.jpg"
    )
    with Image.open(stored) as image:
        exif = image.getexif()
        assert GPS_IFD not in exif and CAMERA_MODEL not in exif
        assert "xmp" not in image.info
        assert max(image.size) == 2048
        # Orientation 6: the phone held upright, so the stored photo is portrait.
        assert image.size[1] > image.size[0]
    assert photo.stat().st_size > stored.stat().st_size
    assert admin.outside == []


def test_editing_a_post_changes_only_that_line(editor, browser):
    path = editor.repo / "content" / "posts" / "2025" / "adipura-kota-semarang.md"
    before = path.read_text(encoding="utf-8")
    admin = open_editor(
        browser, editor, "#/collections/prestasi/entries/2025/adipura-kota-semarang"
    )
    admin.fill("summary", "Ringkasan baru yang ditulis lewat formulir.")
    admin.save()
    admin.set_status("Siap ditinjau")
    admin.set_status("Siap terbit")
    admin.publish()
    after = path.read_text(encoding="utf-8")
    old, new = before.split("\n"), after.split("\n")
    assert len(new) == len(old)
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [
        (
            next(line for line in old if line.startswith("Summary: ")),
            "Summary: Ringkasan baru yang ditulis lewat formulir.",
        )
    ]
    assert admin.outside == []


def test_a_kelurahan_outside_the_kecamatan_cannot_be_submitted(editor, browser):
    admin = open_editor(browser, editor, "#/collections/kabar/new")
    admin.fill("title", "Kerja Bakti Warga di Tepi Kali")
    admin.choose("kecamatan", "Tembalang")
    admin.choose_kelurahan("Meteseh")
    admin.field("kecamatan").click()
    admin.page.keyboard.press("Backspace")
    admin.choose("kecamatan", "Gunungpati")
    admin.set_body("Warga membersihkan tepi kali bersama.")
    admin.page.get_by_role("button", name="Simpan", exact=True).click()
    expect(
        admin.page.get_by_text("Kelurahan Meteseh tidak berada di Kecamatan Gunungpati")
    ).to_have_count(2)
    expect(admin.page.get_by_text("Belum bisa dikirim")).to_be_visible()
    admin.page.wait_for_timeout(1000)
    assert "cms/" not in editor.git("branch", "--list")
    assert not list(
        editor.repo.glob("content/posts/*/kerja-bakti-warga-di-tepi-kali.md")
    )
