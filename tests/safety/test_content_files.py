"""Files under content/: only real images and PDFs, and never a link.

``invoke check`` reports each refused file with what to do instead; the
build refuses the same files (tests/safety/test_guard_build.py).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file
from PIL import Image

from pelita.core.staticfiles import sniff, static_problem
from pelita.tools.check import Severity, run_check

REPO = Path(__file__).resolve().parents[2]
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script>"


def _settings() -> dict:
    settings = dict(DEFAULT_CONFIG)
    settings.update(get_settings_from_file(str(REPO / "pelicanconf.py")))
    return settings


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (10, 20, 30)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    for folder in ("images/2025", "extra", "posts"):
        (content / folder).mkdir(parents=True)
    (content / "images" / "2025" / "foto.jpg").write_bytes(_jpeg())
    (content / "extra" / "surat.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[remote]\n  token = rahasia\n")
    return tmp_path


def _problems(root: Path) -> dict[str, tuple[str, str, str]]:
    result = run_check(_settings(), root=root)
    return {
        p.path: (p.code, p.message, p.suggestion)
        for p in result.problems
        if p.code.startswith("berkas-") and p.severity is Severity.ERROR
    }


def test_real_images_and_pdfs_pass(site):
    # A photo under another photo's suffix is re-encoded like any photo.
    (site / "content" / "images" / "2025" / "salah-nama.png").write_bytes(_jpeg())
    assert _problems(site) == {}


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("images/2025/peta.svg", SVG, ["svg", "PNG atau JPG"]),
        ("images/2025/peta.SVG", SVG, ["svg", "PNG atau JPG"]),
        ("extra/halaman.html", HTML, [".html", "content/pages/"]),
        ("extra/halaman.htm", HTML, [".htm", "content/pages/"]),
        ("extra/data.xml", b"<?xml version='1.0'?><x/>", [".xml"]),
        ("extra/skrip.js", b"alert(1)", ["skrip", "hapus"]),
        ("extra/tanpa-akhiran", b"hello", ["tanpa akhiran"]),
        ("images/2025/foto-palsu.jpg", HTML, ["HTML", "bukan JPEG"]),
        ("images/2025/gambar.png", SVG, ["SVG", "bukan PNG"]),
        ("extra/surat-palsu.pdf", HTML, ["HTML", "bukan PDF"]),
    ],
)
def test_other_types_are_refused_with_what_to_do(site, name, data, words):
    (site / "content" / name).write_bytes(data)
    found = _problems(site)
    assert list(found) == [f"content/{name}"]
    code, message, suggestion = found[f"content/{name}"]
    assert code == "berkas-jenis"
    for word in words:
        assert word in message + " " + suggestion, (word, message, suggestion)


def test_a_symbolic_link_to_a_secret_is_refused(site):
    link = site / "content" / "extra" / "config.pdf"
    link.symlink_to(site / ".git" / "config")
    code, message, suggestion = _problems(site)["content/extra/config.pdf"]
    assert code == "berkas-tautan"
    assert "symlink" in message
    assert ".git/config" in message
    assert "salinan" in suggestion


def test_a_linked_folder_and_the_files_in_it_are_refused(site):
    (site / "content" / "images" / "luar").symlink_to(site / ".git")
    found = _problems(site)
    assert found["content/images/luar"][0] == "berkas-tautan"
    assert all(code == "berkas-tautan" for code, _, _ in found.values())


def test_a_linked_post_is_refused(site):
    (site / "content" / "posts" / "rahasia.md").symlink_to(site / ".git" / "config")
    assert _problems(site)["content/posts/rahasia.md"][0] == "berkas-tautan"


def test_a_hard_link_is_refused(site):
    os.link(site / ".git" / "config", site / "content" / "extra" / "config.pdf")
    code, message, _ = _problems(site)["content/extra/config.pdf"]
    assert code == "berkas-tautan"
    assert "hard link" in message


def test_a_broken_photo_is_left_to_the_image_check(site):
    (site / "content" / "images" / "2025" / "rusak.jpg").write_bytes(b"teks biasa")
    result = run_check(_settings(), root=site)
    found = result.for_path("content/images/2025/rusak.jpg")
    assert [p.code for p in found] == ["gambar-rusak"]


def test_the_rule_itself():
    assert sniff(_jpeg()) == "JPEG"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "WebP"
    assert sniff(SVG) is None


def test_paths_outside_content_are_refused(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    outside = tmp_path / "foto.jpg"
    outside.write_bytes(_jpeg())
    found = static_problem(content / ".." / "foto.jpg", content)
    assert found is not None
    assert found.code == "berkas-tautan"
    assert static_problem(outside, content) is not None
