"""Each broken post gives exactly its one message; the good posts give none."""

from __future__ import annotations

from pathlib import Path

import pytest

from pelita.tools.check import Severity

from .conftest import FIXTURES

E, W = Severity.ERROR, Severity.WARNING
BROKEN = "content/posts/rusak/"

# file: (line, severity, code, words the message and suggestion must contain)
DEFECTS = {
    "metadata-baris": (
        6,
        E,
        "metadata-baris",
        ["Kecamatan Tembalang", "Kecamatan: Tembalang"],
    ),
    "metadata-sambung": (2, E, "metadata-sambung", ["Title", "satu baris"]),
    "metadata-ganda": (6, E, "metadata-ganda", ["Category", "dua kali", "baris 3"]),
    "metadata-tak-dikenal": (
        6,
        W,
        "metadata-tak-dikenal",
        ['"kecamtan"', '"Kecamatan"'],
    ),
    "metadata-wajib": (4, E, "metadata-wajib", ["Date belum diisi", "Date: …"]),
    "metadata-kosong": (6, W, "metadata-kosong", ["Tags kosong"]),
    "ringkasan": (4, W, "ringkasan", ["Summary", "WhatsApp"]),
    "kategori": (3, E, "kategori", ['"berita"', 'maksud Anda "Berita"']),
    "slug-format": (4, E, "slug-format", ['"Tes Slug Format!"', '"tes-slug-format"']),
    "slug": (1, W, "slug", ["Slug belum ditulis", '"Slug: uji-pemeriksa-slug"']),
    "status": (6, E, "status", ['"terbit"', "published"]),
    "templat": (7, E, "templat", ["[[Tulis paragraf pembuka", "[[ dan ]]"]),
    "tanggal-format": (2, E, "tanggal-format", ['"14 Agustus 2025"', '"2025-08-14"']),
    "tanggal-tidak-ada": (2, E, "tanggal-tidak-ada", ["30 Februari 2025"]),
    "tanggal-masa-depan": (2, E, "tanggal-masa-depan", ["2027-01-05", "masa depan"]),
    "tanggal-lampau": (2, W, "tanggal-lampau", ["1995"]),
    "tanggal-urutan": (6, E, "tanggal-urutan", ["Modified", "Date"]),
    "kecamatan": (
        6,
        E,
        "kecamatan",
        ['Kecamatan "Tembalng" tidak dikenal', 'maksud Anda "Tembalang"?'],
    ),
    "kelurahan": (7, E, "kelurahan", ['Kelurahan "Metesh"', 'maksud Anda "Meteseh"?']),
    "kelurahan-kecamatan": (
        7,
        E,
        "kelurahan-kecamatan",
        ["Jomblang", "Candisari", "Tembalang"],
    ),
    "kelurahan-ganda": (
        6,
        E,
        "kelurahan-ganda",
        ["Purwosari", "Mijen", "Semarang Utara", "Kecamatan: …"],
    ),
    "opd": (6, E, "opd", ['OPD "diskomnfo"', 'maksud Anda "diskominfo"?']),
    "opd-id": (6, W, "opd-id", ['"Dinas Kesehatan"', '"OPD: dinkes"']),
    "prestasi": (6, E, "prestasi", ['Prestasi "iya"', 'maksud Anda "ya"?']),
    "prestasi-tidak": (6, W, "prestasi-tidak", ["Prestasi: tidak"]),
    "prestasi-wajib": (10, W, "prestasi-wajib", ["Pemberi", "lembaga pemberi"]),
    "tingkat": (9, E, "tingkat", ['Tingkat "Jateng"', 'maksud Anda "provinsi"?']),
    "penerima": (10, E, "penerima", ['Penerima "dinkess"', 'maksud Anda "dinkes"?']),
    "prestasi-teks": (7, E, "prestasi-teks", ["Penghargaan memuat kode HTML"]),
    "tahun": (11, E, "tahun", ['Tahun "20255"']),
    "bukti": (12, E, "bukti", ["dlh.semarangkota.go.id/lomba-uji", "https://"]),
    "klaim": (6, E, "klaim", ["Klarifikasi tanpa Klaim", "Klaim: …"]),
    "putusan": (7, E, "putusan", ['Putusan "hoax"', 'maksud Anda "Hoaks"?']),
    "klarifikasi-kategori": (
        6,
        W,
        "klarifikasi-kategori",
        ["Putusan", "Category: Klarifikasi"],
    ),
    "ralat-format": (
        6,
        E,
        "ralat-format",
        ["tidak diawali tanggal", "Ralat: 2025-09-12 —"],
    ),
    "ralat-tanggal": (6, E, "ralat-tanggal", ["2025-05-01", "2025-05-10"]),
    "ralat-teks": (6, E, "ralat-teks", ["tanpa keterangan"]),
    "slug-ganda": (
        4,
        E,
        "slug-ganda",
        [
            '"posyandu-lansia-tandang"',
            "baik/berita-lengkap.md",
            '"Slug: posyandu-lansia-tandang-2"',
        ],
    ),
    "judul-ganda": (1, W, "judul-ganda", ["baik/klarifikasi.md"]),
    "gambar-alt": (6, E, "gambar-alt", ["Image_alt"]),
    "gambar-alt-isi": (7, E, "gambar-alt", ["tanpa teks alternatif", "![keterangan]"]),
    "gambar-alt-lemah": (6, W, "gambar-alt", ['"IMG_2034.jpg"', "jelaskan"]),
    "gambar-luar": (6, W, "gambar-luar", ["situs lain", "content/images/"]),
    "gambar-tidak-ada": (
        6,
        E,
        "gambar-tidak-ada",
        ["images/uji/Foto-Baik.jpg", 'maksud Anda "images/uji/foto-baik.jpg"?'],
    ),
    "gambar-kecil": (6, W, "gambar-kecil", ["320x180", "buram"]),
    "gambar-format": (6, E, "gambar-format", [".heic", "JPG", "iPhone"]),
    "gambar-rusak": (
        6,
        E,
        "gambar-rusak",
        ["images/uji/rusak.jpg", "tidak bisa dibuka", "JPG"],
    ),
    "gambar-besar": (
        6,
        E,
        "gambar-besar",
        ["images/uji/besar.jpg", "KB", "batas 117 KB"],
    ),
    "gambar-piksel": (6, E, "gambar-piksel", ["1700x1300", "megapiksel"]),
    "gambar-gps": (
        6,
        E,
        "gambar-gps",
        [
            "lokasi GPS",
            "(di EXIF)",
            "riwayat git",
            "publik",
            "invoke strip-photos content/images/uji/gps.jpg",
        ],
    ),
    "nik": (7, E, "nik", ["337401", "NIK"]),
    "telepon": (7, E, "telepon", ["0812", "data/kontak-resmi.yml"]),
    # Split by a zero-width space and an entity, inside a code block: the page
    # shows it whole, so the scan reads it whole.
    "nik-tersembunyi": (10, E, "nik", ["337401", "NIK"]),
    # Split by an empty tag and a soft hyphen.
    "telepon-tersembunyi": (7, E, "telepon", ["0812", "data/kontak-resmi.yml"]),
    "email": (7, E, "email", ["s•••@gmail.com", "@semarangkota.go.id"]),
    "tautan-rusak": (7, E, "tautan-rusak", ["/berita/kabar-yang-tidak-ada/"]),
    "tautan-relatif": (
        7,
        W,
        "tautan-relatif",
        ["berita/posyandu-lansia-tandang/", "/berita/"],
    ),
    "html-dilarang": (7, E, "html-dilarang", ["<iframe>", "[Tonton videonya]"]),
    "html-tag": (7, W, "html-tag", ["<center>", "**tebal**"]),
    "html-hilang": (7, W, "html-hilang", ["<nama", "&lt;"]),
    "html-atribut": (7, E, "html-atribut", ["onclick", "<p>"]),
    # Classes the theme's look is made of are dropped, and named.
    "html-kelas": (
        7,
        W,
        "html-atribut",
        ["badge--verdict, verdict--hoaks", "<p>", "tampilan situs"],
    ),
    "html-kelas-markdown": (7, W, "html-atribut", ["button", "{: … }"]),
    "tautan-skrip": (7, E, "tautan-skrip", ["javascript:", "https://"]),
    # A tab and an entity hide the scheme; the browser would still run it.
    "tautan-metadata": (6, E, "tautan-metadata", ["Source", "skema javascript:"]),
    "video": (6, E, "video", ["video.example.org", "www.youtube.com"]),
    "konflik-git": (7, E, "konflik-git", ["baris 7, 9, 11", "<<<<<<<", "#"]),
}


def test_every_broken_fixture_is_listed():
    on_disk = {path.stem for path in (FIXTURES / "posts" / "rusak").glob("*.md")}
    assert on_disk == set(DEFECTS)


@pytest.mark.parametrize("name", sorted(DEFECTS))
def test_defect_gives_its_one_message(fixture_result, name):
    line, severity, code, words = DEFECTS[name]
    found = fixture_result.for_path(f"{BROKEN}{name}.md")
    assert len(found) == 1, [f"{p.line}: {p.code}: {p.message}" for p in found]
    problem = found[0]
    assert (problem.line, problem.severity, problem.code) == (line, severity, code)
    text = f"{problem.message} — {problem.suggestion}"
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"


def test_page_taking_a_site_address_is_refused(fixture_result):
    found = fixture_result.for_path("content/pages/bentrok.md")
    assert [(p.line, p.code) for p in found] == [(2, "slug-bentrok")]
    assert "/ralat/" in found[0].message


def test_good_posts_and_pages_pass_without_a_word(fixture_result, fixture_site: Path):
    good = sorted((fixture_site / "content" / "posts" / "baik").glob("*.md"))
    good.append(fixture_site / "content" / "pages" / "tentang-kami.md")
    assert len(good) == 8
    for path in good:
        shown = path.relative_to(fixture_site).as_posix()
        assert fixture_result.for_path(shown) == [], shown


def test_unused_images_are_judged_on_their_own(fixture_result):
    by_path = {p.path: p for p in fixture_result.problems if p.line is None}
    # piksel.png and the others are used by broken posts and reported there.
    assert by_path == {}
    assert fixture_result.files_checked == 8 + 67 + 1
