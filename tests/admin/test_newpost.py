"""``invoke new-post``: questions in Indonesian, flags, and no overwriting."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pelita.tools.check import run_check
from pelita.tools.check.imageinfo import inspect_image
from pelita.tools.newpost.cli import run_new_post
from pelita.tools.newpost.prompting import NewPostError

from .conftest import NOW, REPO, repo_settings, write_fixture_images


class Terminal:
    """Plays the admin: answers prompts in order, records what was shown."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        self.output: list[str] = []

    def ask(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)

    def say(self, text: str) -> None:
        self.output.append(text)

    @property
    def shown(self) -> str:
        return "\n".join(self.output)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    return tmp_path


def new_post(site: Path, given=None, answers=(), yes=False) -> tuple[Path, Terminal]:
    terminal = Terminal(list(answers))
    path = run_new_post(
        repo_settings(), given or {}, yes=yes, ask=terminal.ask, say=terminal.say,
        root=site, now=NOW,
    )  # fmt: skip
    return path, terminal


def problems(site: Path) -> list[tuple[str, str]]:
    result = run_check(repo_settings(), root=site, now=NOW)
    return [(Path(p.path).name, p.code) for p in result.problems]


PRESTASI_ANSWERS = [
    "Kelurahan Meteseh Juara Lomba Kampung Hijau Tingkat Kota",
    "prestasi",  # any case
    "",  # date: now
    "Warga Meteseh menata kampung dengan kebun gizi dan bank sampah.",
    "Dinas Lingkungan Hidup",  # a name, written as its id
    "Tembalng",  # mistyped
    "",  # Enter takes the suggestion
    "meteseh",
    "Lingkungan, Kampung Hijau, lingkungan",
    "Juara I Lomba Kampung Hijau 2026",
    "Pemerintah Kota Semarang",
    "Kota",
    "Meteseh",
    "",  # year of the post
    "-",  # no proof link
    "",  # no photo
    "",  # slug from the title
    "y",
]


def test_interactive_prestasi_post_with_a_mistyped_kecamatan(site):
    path, terminal = new_post(site, answers=PRESTASI_ANSWERS)
    assert (
        'Kecamatan "Tembalng" tidak dikenal — maksud Anda "Tembalang"?'
        in terminal.shown
    )
    question = (
        "Kecamatan (boleh beberapa, pisahkan dengan koma; kosongkan bila tidak ada)"
    )
    assert f"{question} [Tembalang]: " in terminal.prompts
    assert (
        path
        == site
        / "content/posts/2026"
        / "kelurahan-meteseh-juara-lomba-kampung-hijau-tingkat-kota.md"
    )
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    assert header == [
        "Title: Kelurahan Meteseh Juara Lomba Kampung Hijau Tingkat Kota",
        "Date: 2026-11-01 12:00",
        "Category: Prestasi",
        "Tags: lingkungan, kampung hijau",
        "Slug: kelurahan-meteseh-juara-lomba-kampung-hijau-tingkat-kota",
        "Kecamatan: Tembalang",
        "Kelurahan: Meteseh",
        "OPD: dlh",
        "Prestasi: ya",
        "Penghargaan: Juara I Lomba Kampung Hijau 2026",
        "Pemberi: Pemerintah Kota Semarang",
        "Tingkat: kota",
        "Penerima: Meteseh",
        "Tahun: 2026",
        "Summary: Warga Meteseh menata kampung dengan kebun gizi dan bank sampah.",
    ]
    assert (site / "content/images/2026" / path.stem).is_dir()
    # Only the body is left to write: the check flags the template's [[…]].
    assert {code for _, code in problems(site)} == {"templat"}


def test_wrong_answers_are_asked_again_with_the_closest_choice(site):
    answers = [
        "Hoaks Bantuan Tunai Lewat Tautan WhatsApp",
        "Klarifkasi", "",  # category: suggestion taken
        "14/08/2026 09:30", "",  # date: ISO suggestion taken
        "-", "-", "-", "-", "-",
        "Pemkot membagikan bantuan tunai lewat tautan.",
        "hoax", "",  # verdict: suggestion taken
        "-", "", "y",
    ]  # fmt: skip
    path, terminal = new_post(site, answers=answers)
    text = path.read_text(encoding="utf-8")
    assert "Category: Klarifikasi\n" in text
    assert "Date: 2026-08-14 09:30\n" in text
    assert "Putusan: Hoaks\n" in text
    assert 'maksud Anda "Klarifikasi"?' in terminal.shown
    assert 'maksud Anda "2026-08-14 09:30"?' in terminal.shown
    assert "## Faktanya" in text


def test_flags_only_with_yes(site):
    given = {
        "title": "Jam Layanan Perpustakaan Diperpanjang Selama Ujian",
        "category": "Layanan Publik",
        "tanggal": None,
        "date": "2026-10-20 08:00",
        "opd": "disarpus",
        "kecamatan": "Ngaliyan",
        "kelurahan": "Tambakaji",
        "summary": "Perpustakaan buka hingga pukul 21.00 selama pekan ujian.",
    }
    path, terminal = new_post(site, given, yes=True)
    assert terminal.prompts == []
    assert path.name == "jam-layanan-perpustakaan-diperpanjang-selama-ujian.md"
    assert path.parent.name == "2026"
    assert "Kelurahan: Tambakaji\n" in path.read_text(encoding="utf-8")
    assert "invoke check --path content/posts/2026/" in terminal.shown


def test_flags_with_mistakes_write_nothing_and_say_everything(site):
    given = {
        "title": "Pelatihan Membatik untuk Pelajar",
        "category": "Prestasi",
        "kecamatan": "Semarang Tmur",
        "tingkat": "nasionall",
    }
    with pytest.raises(NewPostError) as caught:
        new_post(site, given, yes=True)
    message = str(caught.value)
    assert (
        '--kecamatan: Kecamatan "Semarang Tmur" tidak dikenal '
        '(maksud Anda "Semarang Timur"?)' in message
    )
    assert '(maksud Anda "nasional"?)' in message
    for flag in ("--penghargaan", "--pemberi", "--penerima"):
        assert f"{flag}: wajib diisi" in message
    assert not any((site / "content" / "posts").rglob("*.md"))


def test_never_overwrites_and_offers_a_free_slug(site):
    given = {
        "title": "Kerja Bakti Bersihkan Saluran di Tlogosari Kulon",
        "category": "Berita",
        "date": "2026-09-01 07:00",
    }
    first, _ = new_post(site, given, yes=True)
    original = first.read_text(encoding="utf-8")
    second, _ = new_post(site, given, yes=True)
    assert second.name == "kerja-bakti-bersihkan-saluran-di-tlogosari-kulon-2.md"
    with pytest.raises(
        NewPostError,
        match='maksud Anda "kerja-bakti-bersihkan-saluran-di-tlogosari-kulon-3"',
    ):
        new_post(site, {**given, "slug": first.stem}, yes=True)
    assert first.read_text(encoding="utf-8") == original


def test_photo_is_copied_beside_the_post(site, tmp_path):
    write_fixture_images(tmp_path / "kamera")
    given = {
        "title": "Taman Tabanas Dibuka Kembali untuk Umum",
        "category": "Wisata",
        "date": "2026-05-02 08:00",
        "image": str(tmp_path / "kamera" / "gps.jpg"),
        "image_alt": "Anak-anak bermain di taman yang rindang",
    }
    path, terminal = new_post(site, given, yes=True)
    slug = "taman-tabanas-dibuka-kembali-untuk-umum"
    copied = site / "content/images/2026" / slug
    assert (copied / "taman-tabanas-dibuka-kembali-untuk-umum.jpg").is_file()
    text = path.read_text(encoding="utf-8")
    assert f"Image: images/2026/{slug}/{slug}.jpg\n" in text
    assert "tanpa lokasi dan data kamera" in terminal.shown
    # The copy keeps no position and no camera data; the check agrees.
    photo = copied / "taman-tabanas-dibuka-kembali-untuk-umum.jpg"
    assert inspect_image(photo).gps is None
    with Image.open(photo) as image:
        assert not image.getexif() and "xmp" not in image.info
    assert ("taman-tabanas-dibuka-kembali-untuk-umum.md", "gambar-gps") not in (
        problems(site)
    )


def test_end_of_input_aborts_without_writing(site):
    with pytest.raises(NewPostError, match="Dibatalkan"):
        new_post(site, answers=["Judul Tulisan yang Tidak Selesai"])
    assert not any((site / "content").rglob("*.md"))


def test_invoke_new_post_reads_answers_from_standard_input(site):
    shutil.copy(REPO / "tasks.py", site)
    shutil.copy(REPO / "pelicanconf.py", site)
    answers = [
        "Lomba Kebersihan Pasar Tradisional Dimulai",
        "Berita", "2026-10-01 09:00", "Penilaian dimulai pekan ini.",
        "dinas perdagangan", "Gayamsri", "", "-", "pasar", "", "", "y",
    ]  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "new-post"],
        cwd=site, input="\n".join(answers) + "\n", capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'maksud Anda "Gayamsari"?' in done.stdout
    post = site / "content/posts/2026/lomba-kebersihan-pasar-tradisional-dimulai.md"
    assert "Kecamatan: Gayamsari\n" in post.read_text(encoding="utf-8")
    assert "OPD: disdag\n" in post.read_text(encoding="utf-8")
