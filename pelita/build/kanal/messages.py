"""The importer's error messages, said in plain Indonesian for the admins.

The importer writes precise English messages (for logs and developers);
the health page shows what they mean and what to do, in the admins'
language. Each pattern below matches one class of failure; a message no
pattern knows is shown with a general sentence and its English detail.
"""

from __future__ import annotations

import re

# (pattern on the English message, Indonesian sentence). First match wins.
_PATTERNS: tuple[tuple[str, str], ...] = (
    # Channels read from HTML pages (``format: html``) come first: their
    # messages quote the page errors they sum up.
    (r"new article page\(s\) could be fetched",
     "Tidak satu pun halaman berita baru dari situs kanal ini bisa diambil. "
     "Periksa apakah situsnya berjalan dan alamat halaman daftarnya benar."),
    (r"\bhtml\.\w+ .*(?:matched nothing|none is or holds a link)",
     "Tampilan situs kanal tampaknya berubah: pemilih (selector) di blok html: "
     "registri tidak menemukan apa pun lagi. Cocokkan pemilihnya dengan "
     "halaman yang baru."),
    (r"every link on .* leaves the site",
     "Semua tautan di halaman daftar berita mengarah ke situs lain. Pelita "
     "hanya mengikuti tautan di situs kanal itu sendiri."),
    (r"needs a login|\b401\b",
     "Feed meminta login. Pelita hanya membaca feed publik."),
    (r"refuses Pelita|\(403\)",
     "Server menolak Pelita (403). Minta pengelola situs mengizinkan "
     "pengambil feed Pelita."),
    (r"not found \(404\)",
     "Alamat feed tidak ditemukan (404). Periksa alamat kanal di registri."),
    (r"gone \(410\)",
     "Feed sudah dihapus (410). Perbarui alamat kanal atau nonaktifkan kanalnya."),
    (r"asked Pelita to wait",
     "Server meminta Pelita menunggu karena terlalu banyak permintaan; kanal "
     "dicoba lagi nanti."),
    (r"private or reserved address|unix socket",
     "Alamat feed mengarah ke jaringan internal. Pelita hanya mengambil "
     "alamat publik."),
    (r"cannot resolve|Name or service not known|nodename nor servname",
     "Nama situs kanal tidak ditemukan. Periksa ejaan alamatnya atau apakah "
     "situsnya masih ada."),
    (r"no complete answer within",
     "Server kanal terlalu lambat: feed tidak selesai dikirim dalam batas "
     "waktu."),
    (r"no connection to .* within|cannot reach|cannot connect",
     "Server kanal tidak bisa dihubungi. Mungkin situsnya sedang mati."),
    (r"stopped answering|stopped sending|could not be read",
     "Server kanal berhenti mengirim data di tengah jalan."),
    (r"byte cap|over the .*cap",
     "Feed terlalu besar, melebihi batas ukuran yang diizinkan."),
    (r"redirect loop|more than \d+ redirects|redirect without a Location",
     "Alamat feed dialihkan berputar-putar atau terlalu sering. Gunakan alamat "
     "akhirnya."),
    (r"only http\(s\) may be followed",
     "Feed dialihkan ke alamat yang tidak diizinkan."),
    (r"is a web page, not a feed, and no feed was found",
     "Alamat kanal berisi halaman web biasa, bukan feed, dan tidak ada feed "
     "yang ditemukan dari halaman itu. Isi alamat feed-nya, atau baca halaman "
     "situsnya dengan format: html."),
    (r"returned a web page \(HTML\)",
     "Alamat kanal berisi halaman web biasa, bukan feed. Arahkan ke alamat "
     "feed-nya (situs WordPress biasanya …/feed/)."),
    (r"empty document",
     "Server mengirim dokumen kosong, bukan feed."),
    (r"no entries now",
     "Feed mendadak kosong padahal sebelumnya berisi tulisan. Mungkin feed "
     "sedang rusak."),
    (r"not a feed",
     "Isi alamat itu bukan feed RSS, Atom, atau JSON Feed."),
    (r"no such file|leaves the registry folder|not a relative path",
     "Berkas feed tidak ditemukan."),
    (r"\bHTTP 5\d\d\b",
     "Server kanal sedang bermasalah (galat 5xx). Biasanya pulih sendiri."),
    (r"\bHTTP [45]\d\d\b",
     "Server kanal menolak permintaan. Periksa alamat kanal di registri."),
    (r"internal error",
     "Terjadi galat di Pelita saat mengolah kanal ini. Laporkan kepada "
     "pengelola Pelita."),
)  # fmt: skip
_COMPILED = tuple((re.compile(p, re.IGNORECASE), text) for p, text in _PATTERNS)
FALLBACK = "Kanal gagal diambil."


def indonesian_error(message: str | None) -> str | None:
    """The Indonesian sentence for an importer error message (None for none)."""
    if not message:
        return None
    for pattern, sentence in _COMPILED:
        if pattern.search(message):
            return sentence
    return FALLBACK


def is_known(message: str) -> bool:
    """Whether a pattern covers ``message`` (tests keep the table complete)."""
    return indonesian_error(message) != FALLBACK
