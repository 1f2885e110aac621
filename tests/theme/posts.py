"""Posts of every type for the small end-to-end build (paths under content/)."""

SMALL_SITE_POSTS = {
    "posts/2025/juara.md": """\
Title: Kelurahan Meteseh Juara Nasional Lomba Kampung Hijau
Date: 2025-10-14 10:00
Category: Prestasi
Tags: lingkungan, kampung hijau
Kecamatan: Tembalang
Kelurahan: Meteseh
OPD: dlh
Prestasi: ya
Penghargaan: Juara I Lomba Kampung Hijau
Pemberi: Kementerian Lingkungan Hidup
Tingkat: nasional
Penerima: dlh
Tahun: 2025
Image: images/2025/juara.jpg
Image_alt: Warga Meteseh di kebun bersama
Summary: Kelurahan Meteseh meraih juara pertama lomba kampung hijau nasional.

Kelurahan Meteseh meraih juara pertama berkat **bank sampah** dan kebun warga.

![Kebun warga]({static}/images/2025/kebun.jpg)

![Foto dari situs lain](https://cdn.example.org/foto.jpg)

<img src="https://stats.example.invalid/pixel.gif" width="1" height="1" alt="">
""",
    "posts/2025/hoaks.md": """\
Title: Pesan Berantai Bansos lewat Tautan WhatsApp Adalah Hoaks
Date: 2025-10-15 08:00
Category: Klarifikasi
Tags: hoaks, bansos
OPD: diskominfo
Kecamatan: Tembalang
Klaim: Warga bisa mendaftar bansos Rp2 juta lewat tautan di WhatsApp.
Putusan: Hoaks
Summary: Pemerintah Kota tidak membuka pendaftaran bansos lewat tautan WhatsApp.

Tautan itu meminta data pribadi dan bukan milik pemerintah.
""",
    "imported/warta/2025/banjir.md": """Title: Genangan di Kaligawe Surut Sore Hari
Date: 2025-10-12T16:00:00+07:00
Slug: warta-genangan-kaligawe
Category: Berita
Channel: warta-semarang
Source: https://warta.example.id/2025/10/genangan-kaligawe
Kecamatan: Gayamsari
Tags: banjir

Genangan di Jalan Kaligawe surut pada sore hari setelah pompa dinyalakan.
""",
    "posts/2025/video.md": """Title: Menyusuri Kota Lama Semarang di Malam Hari
Date: 2025-10-10 19:00
Category: Wisata
Tags: kota lama
Kecamatan: Semarang Utara
Video: https://www.youtube.com/watch?v=abcdEFGH123
Image: images/2025/kebun.jpg
Image_alt: Cuplikan video Kota Lama
Summary: Video perjalanan malam di kawasan Kota Lama.

Kawasan Kota Lama ramai dikunjungi pada malam hari, bank sampah juga ada.
""",
    "posts/2025/bukan-prestasi.md": """Title: Pelatihan Juri Lomba Kelurahan
Date: 2025-09-01 09:00
Category: Prestasi
Prestasi: tidak
Tags: lingkungan
Kecamatan: Tembalang

Pelatihan bagi juri lomba kelurahan, bukan sebuah penghargaan.
""",
    "posts/2025/tanpa-foto.md": """Title: Jalan Baru di Mijen Mulai Dibangun
Date: 2025-08-01 09:00
Category: Berita
Kecamatan: Mijen
Image: images/2025/jalan-mijen.jpg

Pembangunan jalan baru di Mijen dimulai bulan ini.
""",
    "pages/tentang.md": """Title: Tentang Pelita
Slug: tentang

Pelita menghimpun kabar resmi dari semua kanal.
""",
}
