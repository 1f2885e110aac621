"""Bahasa Indonesia prose for synthetic hub posts, from a seeded generator.

The sentences are assembled from small phrase lists written for this
project, in the register of city news: who did what, where, for whom and
what comes next. They read plausibly enough for the Markdown reader, the
search index and the area tagger to do realistic work (names of kelurahan
and kecamatan appear in the text), and they avoid the award vocabulary, so
only the posts meant as achievements look like achievements.
"""

from __future__ import annotations

import random

ACTORS = [
    "Pemerintah Kota Semarang",
    "Wali Kota Semarang",
    "Sekretaris Daerah",
    "petugas kelurahan",
    "pengurus RT dan RW",
    "kelompok sadar wisata",
    "karang taruna",
    "tim penggerak PKK",
    "relawan kebencanaan",
    "kader posyandu",
    "pelaku usaha mikro",
    "paguyuban pedagang",
    "komunitas pemuda",
    "tenaga kesehatan puskesmas",
    "pengelola bank sampah",
]
ACTIONS = [
    "menggelar pelatihan pengolahan sampah organik",
    "membuka layanan administrasi kependudukan keliling",
    "memperbaiki saluran air di permukiman warga",
    "menanam bibit pohon di sepanjang bantaran sungai",
    "mengadakan pemeriksaan kesehatan gratis bagi lansia",
    "menata kembali lapak pedagang di sekitar pasar",
    "membersihkan selokan menjelang musim hujan",
    "mendampingi pelaku usaha membuat kemasan produk",
    "meresmikan taman bermain ramah anak",
    "membagikan paket bahan pangan kepada keluarga rentan",
    "menyosialisasikan cara mengurus izin usaha secara daring",
    "membuka kelas membatik untuk ibu rumah tangga",
    "memasang lampu penerangan jalan di gang-gang sempit",
    "mengecat ulang dinding kampung dengan mural bertema sejarah",
    "menyiapkan jalur evakuasi dan titik kumpul warga",
    "memperluas jaringan air bersih ke rumah-rumah warga",
]
TIMES = [
    "pada Senin pagi",
    "pada Selasa siang",
    "sejak Rabu lalu",
    "pada Kamis sore",
    "pada Jumat pagi",
    "selama akhir pekan",
    "pekan ini",
    "awal bulan ini",
]
REASONS = [
    "agar warga tidak perlu lagi datang jauh ke kantor kecamatan",
    "karena genangan sering muncul setiap kali hujan deras turun",
    "supaya produk lokal bisa bersaing di toko daring",
    "untuk mengurangi sampah yang dibuang ke tempat pembuangan akhir",
    "sebab banyak keluarga belum memiliki akses air bersih yang layak",
    "agar anak-anak punya ruang bermain yang aman dan teduh",
    "karena jumlah pengunjung kawasan itu terus bertambah",
    "supaya pelayanan dasar menjangkau warga yang sulit bepergian",
]
QUOTES = [
    "Kami ingin warga merasakan manfaatnya secara langsung",
    "Kegiatan seperti ini harus berjalan rutin, bukan sekali saja",
    "Yang penting warga ikut merawat apa yang sudah dibangun",
    "Kami terbuka pada masukan dari warga",
    "Anggarannya kecil, tetapi gotong royongnya besar",
    "Kami akan mengevaluasi hasilnya bersama pengurus kampung",
]
SPEAKERS = [
    "kata lurah setempat",
    "ujar camat di sela kegiatan",
    "tutur ketua RW",
    "kata seorang warga",
    "ujar kepala dinas",
    "kata koordinator kegiatan",
]
DETAILS = [
    "Sebanyak {n} warga ikut serta dalam kegiatan tersebut",
    "Kegiatan ini melibatkan {n} relawan dari berbagai kampung",
    "Dana yang dipakai berasal dari swadaya warga dan anggaran kelurahan",
    "Petugas mencatat {n} keluarga yang memanfaatkan layanan itu",
    "Panjang saluran yang diperbaiki mencapai {n} meter",
    "Sekitar {n} bibit disiapkan oleh kelompok tani setempat",
    "Pendaftaran dilakukan di balai kelurahan tanpa biaya",
    "Jadwal lengkapnya diumumkan melalui grup percakapan warga",
]
NEXT_STEPS = [
    "Kegiatan serupa direncanakan berlanjut di kelurahan lain bulan depan",
    "Warga diminta melapor melalui kanal pengaduan resmi bila menemukan kendala",
    "Hasil pendataan akan dipakai untuk menyusun program tahun berikutnya",
    "Pengurus kampung berjanji merawat fasilitas itu secara bergiliran",
    "Pemantauan dilakukan setiap pekan oleh petugas dan perwakilan warga",
]
HEADINGS = [
    "Latar belakang",
    "Tanggapan warga",
    "Langkah berikutnya",
    "Cara mengikuti",
    "Catatan petugas",
]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(rng: random.Random, place: str) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return (
            f"{_upper_first(rng.choice(ACTORS))} {rng.choice(ACTIONS)} di {place} "
            f"{rng.choice(TIMES)}."
        )
    if kind == 1:
        return f"Langkah itu diambil {rng.choice(REASONS)}."
    if kind == 2:
        return f'"{rng.choice(QUOTES)}," {rng.choice(SPEAKERS)}.'
    if kind == 3:
        return rng.choice(DETAILS).format(n=rng.randrange(12, 480)) + "."
    if kind == 4:
        return f"{rng.choice(NEXT_STEPS)}."
    return (
        f"Di {place}, {rng.choice(ACTORS)} juga {rng.choice(ACTIONS)} "
        f"{rng.choice(REASONS)}."
    )


def paragraph(rng: random.Random, place: str) -> str:
    """Three to five sentences about ``place``."""
    return " ".join(_sentence(rng, place) for _ in range(rng.randrange(3, 6)))


def body(rng: random.Random, places: list[str], words: int, lead: str) -> str:
    """Markdown of about ``words`` words: the lead, paragraphs, a heading, a list."""
    parts = [lead]
    count = len(lead.split())
    heading_at = rng.randrange(2, 5)
    while count < words:
        if len(parts) == heading_at:
            parts.append(f"## {rng.choice(HEADINGS)}")
        if len(parts) == heading_at + 2 and rng.random() < 0.5:
            items = rng.sample(NEXT_STEPS, 3)
            parts.append("\n".join(f"- {item.lower()};" for item in items))
        text = paragraph(rng, rng.choice(places))
        parts.append(text)
        count += len(text.split())
    return "\n\n".join(parts)
