"""Images: present, described (alt text), readable, not huge, no GPS position.

A GPS position is an error (the repository is public) that holds nothing
back: the build publishes every photo re-encoded without it, and
``invoke strip-photos`` strips the repository's copy.

Each image file is inspected once per run, however many posts use it; its
problems are reported where it is first used, or on the file itself when no
post uses it (a photo in the repository is public even if no page shows it).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from pelita.core.staticfiles import static_problem

from .context import ERROR, WARNING, CheckContext, problem
from .corpus import IMAGE_SUFFIXES, display_path
from .imageinfo import SUPPORTED_SUFFIXES, ImageInfo, inspect_image
from .model import Problem, Severity
from .references import content_path, find_references, suggest_path
from .source import SourceFile

_GENERIC_ALT = re.compile(
    r"(?i)^(?:foto|gambar|image|img|picture|photo|ilustrasi|dokumentasi)?[\s_-]*"
    r"(?:\d+|img[\s_-]*\d+)?(?:\.(?:jpe?g|png|webp|heic))?$"
)
MB = 1024 * 1024


class ImageChecker:
    """Checks image references in posts, then the image files no post uses."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.inspected: dict[str, ImageInfo] = {}
        self.reported: set[str] = set()

    def check_source(self, source: SourceFile) -> Iterator[Problem]:
        """The featured image and every image in the body of ``source``."""
        yield from self._featured(source)
        for ref in find_references(source):
            if ref.is_image:
                yield from self._inline(source, ref.line, ref.target, ref.alt)

    def _featured(self, source: SourceFile) -> Iterator[Problem]:
        image, alt = source.first("image"), source.first("image_alt")
        if image is None or not image.value:
            if alt is not None and source.is_admin:
                yield problem(
                    source,
                    alt.line,
                    WARNING,
                    "gambar-alt",
                    "Image_alt ditulis tanpa Image",
                    'tambahkan "Image: images/…" atau hapus baris Image_alt',
                )
            return
        if "://" in image.value:
            yield problem(
                source,
                image.line,
                WARNING,
                "gambar-luar",
                "Image menunjuk ke situs lain; gambar itu bisa hilang sewaktu-waktu",
                "unduh gambarnya (bila boleh dipakai) ke content/images/ dan "
                "tulis jalurnya, misalnya images/2025/nama-tulisan/foto.jpg",
            )
            return
        path = re.sub(r"^\{(?:static|attach|filename)\}", "", image.value).lstrip("/")
        yield from self._file(source, image.line, posixpath.normpath(path), "Image")
        if source.is_admin:
            yield from self._small(source, image.line, posixpath.normpath(path))
            yield from self._alt(source, image.line, alt.value if alt else None, True)

    def _inline(
        self, source: SourceFile, line: int, target: str, alt: str | None
    ) -> Iterator[Problem]:
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target, re.IGNORECASE):
            return  # an image on another site (or a data: URL, see rawhtml)
        relative = content_path(target, source, self.ctx.corpus)
        if relative is None:
            relative = posixpath.normpath(target.split("?", 1)[0].lstrip("/"))
        yield from self._file(source, line, relative, "Gambar")
        if source.is_admin:
            yield from self._alt(source, line, alt, False)

    def _alt(
        self, source: SourceFile, line: int, alt: str | None, featured: bool
    ) -> Iterator[Problem]:
        if not (alt or "").strip():
            yield problem(
                source,
                line,
                ERROR,
                "gambar-alt",
                "Gambar tanpa teks alternatif"
                + (" (Image_alt)" if featured else " (teks di antara ![ dan ])"),
                'tambahkan "Image_alt: …"' if featured else "tulis ![keterangan](…)",
            )
        elif _GENERIC_ALT.match(alt.strip()):
            yield problem(
                source,
                line,
                WARNING,
                "gambar-alt",
                f'Teks alternatif "{alt.strip()}" tidak menggambarkan isi gambar',
                'jelaskan apa yang tampak, misalnya "Wali Kota menyerahkan piala '
                'kepada ketua RW di Balai Kota"',
            )

    def _file(
        self, source: SourceFile, line: int, relative: str, label: str
    ) -> Iterator[Problem]:
        corpus = self.ctx.corpus
        if relative not in corpus.all_paths:
            if source.is_admin or not self._imported_media(relative):
                hint = suggest_path(relative, corpus)
                yield problem(
                    source,
                    line,
                    ERROR,
                    "gambar-tidak-ada",
                    f"{label} {relative} tidak ada di folder content/",
                    f'maksud Anda "{hint}"?'
                    if hint
                    else "unggah gambarnya ke content/images/ atau perbaiki jalurnya",
                )
            return
        if not source.is_admin or relative in self.reported:
            return
        self.reported.add(relative)
        for severity, code, message, suggestion in self._judge(relative):
            yield problem(source, line, severity, code, message, suggestion)

    def _imported_media(self, relative: str) -> bool:
        return any(
            relative.startswith(folder.rstrip("/") + "/")
            for folder in self.ctx.config.imported_media
        )

    def loose_files(self) -> Iterator[Problem]:
        """Problems in image files that no checked post uses."""
        corpus = self.ctx.corpus
        if corpus.everything_selected:
            paths = [
                corpus.content / p for p in sorted(corpus.all_paths)
                if posixpath.splitext(p)[1].lower() in IMAGE_SUFFIXES
                and not self._imported_media(p)
            ]  # fmt: skip
        else:
            paths = corpus.selected_images
        for path in paths:
            relative = corpus.relative(path) or path.as_posix()
            if relative in self.reported:
                continue
            self.reported.add(relative)
            shown = display_path(path, self.ctx.root)
            for severity, code, message, suggestion in self._judge(relative, path):
                yield problem_at(shown, severity, code, message, suggestion)

    def _judge(
        self, relative: str, path: Path | None = None
    ) -> list[tuple[Severity, str, str, str]]:
        path = path or self.ctx.corpus.content / relative
        refused = static_problem(path, self.ctx.corpus.content)
        if refused is not None and refused.markup:
            return [(ERROR, refused.code, f"{relative}: {refused.message}",
                     refused.suggestion)]  # fmt: skip
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            return [_unsupported(relative, suffix)]
        info = self._info(relative, path)
        if info.error:
            return [(ERROR, "gambar-rusak", f"Gambar {relative} {info.error}",
                     "simpan ulang sebagai JPG atau PNG")]  # fmt: skip
        return self._limits(relative, info, display_path(path, self.ctx.root))

    def _info(self, relative: str, path: Path) -> ImageInfo:
        if relative not in self.inspected:
            self.inspected[relative] = inspect_image(path)
        return self.inspected[relative]

    def _small(self, source: SourceFile, line: int, relative: str) -> Iterator[Problem]:
        path = self.ctx.corpus.content / relative
        if relative not in self.ctx.corpus.all_paths:
            return
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            return
        info = self._info(relative, path)
        minimum = self.ctx.config.image_min_width
        if not info.error and info.width < minimum:
            yield problem(
                source,
                line,
                WARNING,
                "gambar-kecil",
                f"Gambar utama {relative} hanya {info.width}x{info.height} piksel "
                "dan akan tampak buram",
                f"pakai foto selebar paling sedikit {minimum} piksel",
            )

    def _limits(
        self, relative: str, info: ImageInfo, shown: str
    ) -> list[tuple[Severity, str, str, str]]:
        config = self.ctx.config
        found = []
        if info.size_bytes > config.image_max_bytes:
            found.append((ERROR, "gambar-besar",
                f"Gambar {relative} berukuran {_size(info.size_bytes)} "
                f"(batas {_size(config.image_max_bytes)})",
                "perkecil dulu, misalnya kirim ke diri sendiri lewat WhatsApp "
                "lalu simpan hasilnya"))  # fmt: skip
        elif info.size_bytes > config.image_warn_bytes:
            found.append((WARNING, "gambar-besar",
                f"Gambar {relative} berukuran {_size(info.size_bytes)}",
                "situs tetap memperkecilnya, tetapi repositori ikut membengkak; "
                "perkecil bila bisa"))  # fmt: skip
        if info.pixels > config.image_max_pixels:
            found.append((ERROR, "gambar-piksel",
                f"Gambar {relative} berukuran {info.width}x{info.height} piksel "
                f"({info.pixels / 1e6:.1f} megapiksel)",
                f"perkecil menjadi paling banyak "
                f"{config.image_max_pixels / 1e6:.0f} megapiksel"))  # fmt: skip
        if info.gps is not None:
            found.append(_gps(relative, info.gps_in, shown))
        return found


def _size(count: int) -> str:
    """``4.2 MB`` or ``350 KB``: sizes as file managers show them."""
    if count >= MB:
        return f"{count / MB:.1f} MB"
    return f"{count / 1024:.0f} KB"


def problem_at(
    shown: str, severity: Severity, code: str, message: str, suggestion: str
) -> Problem:
    """A problem about a whole file (no line)."""
    return Problem(shown, None, severity, code, message, suggestion)


def _unsupported(relative: str, suffix: str) -> tuple[Severity, str, str, str]:
    advice = "ubah ke JPG atau PNG"
    if suffix in (".heic", ".heif"):
        advice = ("ubah ke JPG (di iPhone: Pengaturan > Kamera > Format > Paling "
                  "Kompatibel)")  # fmt: skip
    return (ERROR, "gambar-format",
            f"Format {suffix} pada {relative} tidak bisa ditampilkan situs",
            advice)  # fmt: skip


def _gps(relative: str, where: str, shown: str) -> tuple[Severity, str, str, str]:
    """GPS in a photo: an error, with the command that strips it in place.

    The build publishes the photo re-encoded without its location, so the
    post is not held back; but the file in the repository, and its git
    history, are public.
    """
    return (ERROR, "gambar-gps",
        f"Foto {relative} menyimpan lokasi GPS tempat foto diambil "
        f"(di {where or 'EXIF'}). "
        "Situs menerbitkannya tanpa lokasi, tetapi berkas di repositori (dan "
        "riwayat git-nya) bisa dilihat publik",
        f"jalankan: invoke strip-photos {shown} (menyimpan ulang foto tanpa "
        "lokasi dan data kamera), lalu commit; bila lokasinya pribadi (mis. "
        "rumah warga), minta pengelola repositori menghapusnya dari riwayat "
        "git; matikan penanda lokasi di kamera ponsel")  # fmt: skip
