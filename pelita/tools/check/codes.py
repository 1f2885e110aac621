"""Every message code, with the short title the panduan uses as its heading.

The code ends each line of the report (``[kecamatan]``) so an admin can look
it up in ``docs/panduan-admin.md``; CI annotations show the title.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "berkas": "Berkas tidak terbaca",
    "metadata-baris": "Baris metadata tidak terbaca",
    "metadata-sambung": "Metadata terpotong ke baris berikutnya",
    "metadata-ganda": "Metadata ditulis dua kali",
    "metadata-tak-dikenal": "Kunci metadata tidak dikenal",
    "metadata-wajib": "Metadata wajib belum diisi",
    "metadata-kosong": "Metadata kosong",
    "ringkasan": "Ringkasan belum ada",
    "kategori": "Kategori tidak dikenal",
    "slug-format": "Slug tidak sesuai format",
    "slug": "Slug belum ditulis",
    "status": "Status tidak dikenal",
    "templat": "Teks templat belum diganti",
    "tanggal-format": "Format tanggal",
    "tanggal-tidak-ada": "Tanggal tidak ada di kalender",
    "tanggal-masa-depan": "Tanggal di masa depan",
    "tanggal-lampau": "Tahun yang janggal",
    "tanggal-urutan": "Modified sebelum Date",
    "kecamatan": "Kecamatan tidak dikenal",
    "kelurahan": "Kelurahan tidak dikenal",
    "kelurahan-kecamatan": "Kelurahan di kecamatan lain",
    "kelurahan-ganda": "Nama kelurahan kembar",
    "opd": "OPD tidak dikenal",
    "opd-id": "OPD ditulis dengan nama",
    "prestasi": "Nilai Prestasi",
    "prestasi-tidak": "Kategori Prestasi dengan Prestasi: tidak",
    "prestasi-wajib": "Data penghargaan belum lengkap",
    "tingkat": "Tingkat penghargaan",
    "penerima": "Penerima penghargaan",
    "prestasi-teks": "Isian penghargaan tidak wajar",
    "tahun": "Tahun penghargaan",
    "bukti": "Tautan bukti",
    "klaim": "Klaim belum ada",
    "putusan": "Putusan klarifikasi",
    "klarifikasi-kategori": "Klaim atau Putusan di luar Klarifikasi",
    "ralat-format": "Ralat tanpa tanggal",
    "ralat-tanggal": "Tanggal ralat",
    "ralat-teks": "Ralat tanpa keterangan",
    "slug-ganda": "Slug sudah dipakai",
    "judul-ganda": "Judul kembar",
    "slug-bentrok": "Slug halaman bentrok dengan alamat situs",
    "gambar-alt": "Teks alternatif gambar",
    "gambar-luar": "Gambar dari situs lain",
    "gambar-tidak-ada": "Gambar tidak ditemukan",
    "gambar-kecil": "Gambar utama terlalu kecil",
    "gambar-format": "Format gambar",
    "gambar-rusak": "Gambar rusak",
    "gambar-besar": "Berkas gambar terlalu besar",
    "gambar-piksel": "Gambar terlalu banyak piksel",
    "gambar-gps": "Foto menyimpan lokasi GPS",
    "nik": "NIK atau nomor KK",
    "telepon": "Nomor ponsel pribadi",
    "email": "Alamat e-mail pribadi",
    "tautan-rusak": "Tautan rusak",
    "tautan-relatif": "Tautan relatif",
    "tautan-skrip": "Tautan javascript:",
    "tautan-metadata": "Alamat web di metadata",
    "video": "Video dari situs lain",
    "berkas-jenis": "Jenis berkas yang ditolak",
    "berkas-tautan": "Tautan simbolik atau hard link",
    "html-dilarang": "HTML yang dilarang",
    "html-tag": "Tag HTML yang diabaikan",
    "html-hilang": "Teks di antara < dan >",
    "html-atribut": "Atribut HTML yang dilarang",
    "registri": "Berkas data (registri) rusak",
    "konflik-git": "Penanda konflik git tertinggal",
    "pengaturan": "Pengaturan CHECK",
    "pemeriksa": "Pemeriksa gagal",
}


# Safety rules: errors in every file, also in one the importer wrote (a
# channel's feed is hostile input too), never lowered to warnings.
SAFETY_CODES = frozenset(
    {
        "slug-format", "slug-ganda", "tautan-skrip", "tautan-metadata", "bukti",
        "video",
        "html-dilarang", "html-atribut", "nik", "telepon", "berkas-jenis",
        "berkas-tautan", "konflik-git",
    }
)  # fmt: skip


# Errors in the repository's copy that the build repairs in what it
# publishes: a photo's GPS position (every photo is re-encoded without it, and
# the guard refuses one that would be copied as it is). They fail `invoke
# check`, the admin's to fix, but hold no post back and block no deploy.
REPAIRED_IN_BUILD = frozenset({"gambar-gps"})


# Findings about personal data: their value is never repeated in a report.
PRIVATE_CODES = frozenset({"nik", "telepon", "email", "gambar-gps"})


def title_of(code: str) -> str:
    """The heading for ``code`` (the code itself when unknown)."""
    return CODES.get(code, code)
