"""An admin writes posts through the forms, at a phone's size, and publishes."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect
from sitebuild import build_site

from pelita.tools.check import format_problem, run_check
from tests.images.photos import make_photo

from .conftest import PHONE, PHOTO_MAX_BYTES
from .driver import open_editor

GPS_IFD = 0x8825
CAMERA_MODEL = 0x0110


PRESTASI_SLUG = "kelurahan-meteseh-juara-i-lomba-kampung-hijau"
KLARIFIKASI_SLUG = "hoaks-pendaftaran-bantuan-lewat-tautan-whatsapp"
PRESTASI_BODY = (
    "Kelurahan Meteseh meraih juara pertama.\n\n## Yang dinilai\n\nBank sampah."
)


@pytest.fixture(scope="module")
def prestasi(editor, browser, tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """A Prestasi written through the form with a phone photo, then published."""
    folder = tmp_path_factory.mktemp("photos")
    photo = make_photo(folder / "IMG_20250814_101500.jpg", size=(4000, 3000))
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
    admin.set_body(PRESTASI_BODY)
    # The whole form, photo included, fits a phone's width: nothing cut off.
    assert admin.overflowing() == []
    admin.save()
    admin.set_status("Siap ditinjau")
    admin.set_status("Siap terbit")
    admin.publish()
    posts = list(editor.repo.glob(f"content/posts/*/{PRESTASI_SLUG}.md"))
    assert len(posts) == 1, editor.git("log", "--all", "--stat")
    admin.page.context.close()
    return posts[0], photo, admin.outside


def test_prestasi_with_a_gps_photo_through_the_form(editor, prestasi):
    post, photo, outside = prestasi
    text = post.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0].splitlines()
    year = post.parent.name
    assert header[0] == "Title: Kelurahan Meteseh Juara I Lomba Kampung Hijau"
    assert header[1].startswith(f"Date: {year}-")
    assert header[2] == "Category: Prestasi"
    for line in (
        f"Slug: {PRESTASI_SLUG}", "Kecamatan: Tembalang", "Kelurahan: Meteseh",
        "Prestasi: ya", "Tingkat: provinsi", "Penerima: Meteseh", "Tahun: 2025",
        "Penghargaan: Juara I Lomba Kampung Hijau",
        f"Image: images/{year}/{PRESTASI_SLUG}/img_20250814_101500.jpg",
        "Image_alt: Warga Meteseh mengangkat piala di depan balai kelurahan",
    ):  # fmt: skip
        assert line in header, text
    # Exactly what was typed: nothing of the scaffold is left around it.
    assert text.split("\n\n", 1)[1] == PRESTASI_BODY + "\n", text
    stored = (
        editor.repo
        / "content/images"
        / year
        / PRESTASI_SLUG
        / "img_20250814_101500.jpg"
    )
    with Image.open(stored) as image:
        exif = image.getexif()
        assert GPS_IFD not in exif
        assert CAMERA_MODEL not in exif
        assert "xmp" not in image.info
        assert max(image.size) == 2048
        # Orientation 6: the phone held upright, so the stored photo is portrait.
        assert image.size[1] > image.size[0]
    assert photo.stat().st_size > stored.stat().st_size
    assert outside == []


def test_klarifikasi_through_the_form_then_check_and_build(
    editor, browser, prestasi, tmp_path: Path
):
    admin = open_editor(browser, editor)
    admin.step("membuka Ruang Redaksi dan masuk")
    admin.page.get_by_role("link", name="Klarifikasi (mendesak)").click()
    admin.page.get_by_role("link", name="Tulis Klarifikasi baru").click()
    admin.step("memilih Klarifikasi baru")
    # A phone's screen holds the form and the save button: nothing sideways,
    # nothing cut off at the edge (the date's "Kosongkan" once was).
    expect(admin.page.get_by_role("button", name="Kosongkan")).to_be_visible()
    assert admin.overflowing() == []
    for target in (
        admin.field("title"),
        admin.page.get_by_role("button", name="Simpan", exact=True),
    ):
        box = target.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    admin.fill("title", "Hoaks Pendaftaran Bantuan Lewat Tautan WhatsApp")
    admin.fill("klaim", "Pemkot membuka pendaftaran bantuan tunai lewat tautan.")
    admin.choose("putusan", "Hoaks")
    admin.choose(
        "opd", "Diskominfo — Dinas Komunikasi, Informatika, Statistik dan Persandian"
    )
    admin.fill("summary", "Pemkot tidak membuka pendaftaran bantuan lewat tautan.")
    admin.fill("tags", "hoaks, bantuan sosial")
    admin.step("mengisi judul, klaim, putusan, OPD, ringkasan dan topik")
    admin.set_body(
        "Pesan berantai menyebut pendaftaran bantuan lewat tautan.\n\n"
        "## Faktanya\n\nDiskominfo memastikan tautan itu bukan milik pemerintah.\n\n"
        "## Sumber resmi\n\nKeterangan Diskominfo, 12 Maret."
    )
    admin.step("menulis isi: faktanya dan sumber resmi")
    admin.page.get_by_role("button", name="Tampilkan pratinjau").click()
    preview = admin.page.frame_locator("iframe").first
    expect(preview.locator("h1")).to_have_text(
        "Hoaks Pendaftaran Bantuan Lewat Tautan WhatsApp"
    )
    expect(preview.locator(".badge--verdict")).to_have_text("Hoaks")
    styled = preview.locator("body").evaluate(
        """() => [...document.styleSheets].filter(s => s.href).map(s =>
               new URL(s.href).pathname + ':' + s.cssRules.length)"""
    )
    # The article pages' one stylesheet, under its fingerprinted name.
    assert any(
        re.fullmatch(r"/theme/css/pages/article\.[0-9a-f]{10}\.css:[1-9]\d*", s)
        for s in styled
    ), styled
    admin.page.get_by_role("button", name="Tampilkan pratinjau").click()
    admin.step("melihat pratinjau")
    admin.save()
    admin.set_status("Siap ditinjau")
    admin.step("menyimpan dan mengirim untuk ditinjau")
    admin.set_status("Siap terbit")
    admin.publish()
    admin.step("redaktur menerbitkan")
    print("\n".join(f"{seconds:6.1f} s  {name}" for name, seconds in admin.steps))

    posts = list(editor.repo.glob(f"content/posts/*/{KLARIFIKASI_SLUG}.md"))
    assert len(posts) == 1, editor.git("log", "--all", "--stat")
    header = posts[0].read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    for line in (
        "Category: Klarifikasi", "Putusan: Hoaks", "OPD: diskominfo",
        "Tags: hoaks, bantuan sosial",
        "Klaim: Pemkot membuka pendaftaran bantuan tunai lewat tautan.",
    ):  # fmt: skip
        assert line in header
    assert admin.outside == []

    written = [posts[0], prestasi[0]]
    settings = {**editor.settings, "PATH": str(editor.repo / "content")}
    result = run_check(settings, written, root=editor.repo)
    assert result.errors == [], [format_problem(p) for p in result.errors]
    assert result.files_checked >= 2

    output = tmp_path / "output"
    build_site(editor.repo / "content", output, cache=tmp_path / "cache")
    for slug, expected in (
        (KLARIFIKASI_SLUG, "Hoaks Pendaftaran Bantuan Lewat Tautan WhatsApp"),
        (PRESTASI_SLUG, "Kelurahan Meteseh Juara I Lomba Kampung Hijau"),
    ):
        pages = list(output.glob(f"*/{slug}/index.html"))
        assert len(pages) == 1, slug
        assert expected in pages[0].read_text(encoding="utf-8")


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


def test_a_wrong_kelurahan_or_a_private_number_cannot_be_submitted(editor, browser):
    admin = open_editor(browser, editor, "#/collections/kabar/new")
    admin.fill("title", "Kerja Bakti Warga di Tepi Kali")
    admin.choose("kecamatan", "Tembalang")
    admin.choose_kelurahan("Meteseh")
    admin.field("kecamatan").click()
    admin.page.keyboard.press("Backspace")
    admin.choose("kecamatan", "Gunungpati")
    admin.set_body("Warga membersihkan tepi kali bersama.")
    admin.fill("summary", "Koordinator kerja bakti bisa dihubungi di 0812-3456-7890.")
    expect(
        admin.page.get_by_text("Nomor ponsel 0812•••••890 bukan kontak layanan resmi")
    ).to_be_visible()
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


def test_photos_that_cannot_be_cleaned_or_are_too_big_are_refused(
    editor, browser, tmp_path: Path
):
    big = tmp_path / "besar.jpg"
    noise = Image.frombytes(
        "RGB", (2200, 1600), random.Random(4).randbytes(2200 * 1600 * 3)
    )
    noise.save(big, "JPEG", quality=95)
    assert big.stat().st_size > PHOTO_MAX_BYTES
    admin = open_editor(browser, editor, "#/collections/kabar/new")
    admin.page.get_by_role("button", name="Pilih foto").first.click()
    upload = admin.page.locator('input[type="file"]')
    upload.set_input_files(
        files=[{"name": "IMG_0001.HEIC", "mimeType": "image/heic", "buffer": b"heic"}]
    )
    upload.set_input_files(str(big))
    admin.page.wait_for_timeout(1000)
    assert len(admin.dialogs) == 2, admin.dialogs
    assert admin.dialogs[0].startswith(
        "Berkas IMG_0001.HEIC (HEIC) tidak bisa diunggah"
    )
    assert re.match(
        r"Foto besar\.jpg terlalu besar \(\d+,\d MB\): paling besar 2,9 MB\.",
        admin.dialogs[1],
    )
    for name in ("besar.jpg", "img_0001.heic"):
        expect(admin.page.get_by_text(name)).to_have_count(0)
    assert "cms/" not in editor.git("branch", "--list")
