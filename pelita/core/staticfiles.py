"""Which files under ``content/`` may be published on the site's own origin.

A static file is served from the city's domain with a type taken from its
name: an SVG or HTML file there runs its script with the site's origin, and
a symbolic link publishes whatever it points to (``.git/config``, holding a
CI token, was one). So a file is published only when

* it is a regular file reached without any symbolic link, inside
  ``content/``, with no second name (no hard link to a file elsewhere);
* its name ends in one of :data:`ALLOWED_TYPES` (the raster images the
  build re-encodes without their metadata, and PDF), and its first bytes
  say it is that type (a page saved as ``foto.jpg`` is refused).

``invoke check`` reports every other file under ``content/`` and the build
guard refuses to publish it, both with the messages below. The theme's own
static files are the site's code, not content, and are not judged here.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Suffix -> the type its first bytes must show.
ALLOWED_TYPES: dict[str, str] = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".webp": "WebP",
    ".pdf": "PDF",
}
# Photos the build re-encodes (without their metadata) whatever the suffix.
RASTER_TYPES = frozenset({"JPEG", "PNG", "WebP"})
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
# Empty marker files that keep a folder in git.
FOLDER_MARKERS = frozenset({".gitkeep", ".keep"})
SNIFF_BYTES = 512
# Types a browser runs script in, or renders as a page of the site.
MARKUP_SUFFIXES = frozenset(
    {
        ".svg", ".svgz", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml",
        ".xsl", ".xslt", ".js", ".mjs", ".swf", ".php",
    }
)  # fmt: skip

_PICTURE = (
    "simpan sebagai gambar PNG atau JPG (mis. ekspor dari aplikasinya) lalu "
    "pasang dengan ![teks](…)"
)
_PAGE = (
    "tulis isinya sebagai halaman Markdown di content/pages/ (atau sebagai "
    "tulisan), atau simpan sebagai PDF"
)
_ADVICE = {
    ".svg": _PICTURE,
    ".svgz": _PICTURE,
    ".html": _PAGE,
    ".htm": _PAGE,
    ".xhtml": _PAGE,
    ".xml": _PAGE,
    ".js": "skrip tidak boleh ada di folder content/; hapus berkas ini",
    ".mjs": "skrip tidak boleh ada di folder content/; hapus berkas ini",
    ".heic": "ubah ke JPG (di iPhone: Pengaturan > Kamera > Format > Paling "
    "Kompatibel)",
    ".doc": "simpan sebagai PDF",
    ".docx": "simpan sebagai PDF",
    ".xls": "simpan sebagai PDF",
    ".xlsx": "simpan sebagai PDF",
    ".ppt": "simpan sebagai PDF",
    ".pptx": "simpan sebagai PDF",
}


@dataclass(frozen=True)
class FileProblem:
    """Why a file under content/ is not published: code, message, advice.

    ``markup`` is True when the file holds (or may hold) a page or script
    the browser would run: a link out of content/, an SVG or HTML file,
    or such a file under an image's name. An image that is merely broken is
    not markup: the image check words that better.
    """

    code: str
    message: str
    suggestion: str
    markup: bool = True


def sniff(head: bytes) -> str | None:
    """The type the first bytes of a file show, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head.startswith(b"%PDF-"):
        return "PDF"
    return None


def _looks_like(head: bytes) -> str:
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in lowered:
        return "gambar SVG (bisa memuat skrip)"
    if lowered.startswith((b"<!doctype", b"<html", b"<?xml")) or b"<script" in lowered:
        return "halaman HTML (bisa memuat skrip)"
    return _OTHER


_OTHER = "jenis lain"


def link_problem(path: Path, content: Path) -> FileProblem | None:
    """A symbolic link, a hard link, or a way out of ``content`` on the path.

    Every step from ``content`` down to ``path`` is looked at, so a linked
    folder is found as well as a linked file.
    """
    try:
        relative = path.relative_to(content)
    except ValueError:
        relative = None
    if relative is None or ".." in relative.parts:
        return _outside(path)
    step = content
    for part in relative.parts:
        step = step / part
        try:
            info = os.lstat(step)
        except OSError:
            return None  # missing: reported as missing by whoever named it
        if stat.S_ISLNK(info.st_mode):
            return FileProblem(
                "berkas-tautan",
                f"{step.relative_to(content).as_posix()} adalah tautan simbolik "
                f"(symlink) ke {os.readlink(step)}; situs tidak menerbitkan isi "
                "di luar berkas itu sendiri",
                "hapus tautannya dan simpan salinan berkasnya sendiri di "
                "content/ (bila memang boleh terbit)",
            )
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        return FileProblem(
            "berkas-jenis",
            "bukan berkas biasa (mis. perangkat atau pipa)",
            "hapus dari folder content/",
        )
    if info.st_nlink > 1:
        return FileProblem(
            "berkas-tautan",
            f"berkas ini juga tersimpan dengan nama lain ({info.st_nlink} nama, "
            "hard link), bisa di luar folder content/",
            "simpan salinan berkasnya sendiri (salin, jangan tautkan)",
        )
    return None


def _outside(path: Path) -> FileProblem:
    return FileProblem(
        "berkas-tautan",
        f"{path.as_posix()} berada di luar folder content/",
        "simpan berkasnya di content/ dan tautkan dari sana",
    )


def static_problem(path: Path, content: Path) -> FileProblem | None:
    """Why ``path`` (under ``content``) may not be published, or None.

    Markdown files are posts and pages (their text is judged elsewhere);
    only the link rules apply to them.
    """
    found = link_problem(path, content)
    if found is not None:
        return found
    name = PurePosixPath(path.name)
    suffix = name.suffix.lower()
    if path.name.lower().endswith(MARKDOWN_SUFFIXES):
        return None
    if path.name in FOLDER_MARKERS and path.stat().st_size == 0:
        return None
    expected = ALLOWED_TYPES.get(suffix)
    if expected is None:
        return FileProblem(
            "berkas-jenis",
            f"berkas {suffix or 'tanpa akhiran'} tidak diterbitkan: hanya gambar "
            f"dan PDF ({', '.join(sorted(ALLOWED_TYPES))}) yang boleh ada di "
            "content/",
            _ADVICE.get(suffix, "simpan sebagai JPG, PNG atau PDF"),
            markup=suffix in MARKUP_SUFFIXES or not suffix,
        )
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    shown = sniff(head)
    if shown == expected or {shown, expected} <= RASTER_TYPES:
        return None  # a photo saved under another photo's suffix: re-encoded
    if shown is not None:
        seems, advice = shown, f"ganti akhiran namanya menjadi {_suffix_of(shown)}"
    else:
        seems = _looks_like(head)
        advice = (
            _ADVICE[".svg" if "SVG" in seems else ".html"]
            if seems != _OTHER
            else f"simpan ulang sebagai {expected} dari aplikasi gambarnya"
        )
    return FileProblem(
        "berkas-jenis",
        f"berakhiran {suffix} tetapi isinya {seems}, bukan {expected}",
        advice,
        markup=seems != _OTHER and shown is None,
    )


def _suffix_of(kind: str) -> str:
    return next(suffix for suffix, name in ALLOWED_TYPES.items() if name == kind)
