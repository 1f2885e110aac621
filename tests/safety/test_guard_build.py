"""A real ``invoke build`` of a site with hostile and broken files among good ones.

What an attacker with an admin account, a hostile channel's feed or a
hostile static file can put in content/ is held back with a clear message
naming file, line, field and value; everything else is published; the run
ends with status 3 after writing the site; the output has no live script.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from pelita.core.heldback import HELD_BACK_EXIT
from pelita.tools.deploy.gate import check_task_problems
from pelita.tools.deploy.project import load_project

from .hostile import BREAKOUT, MARK, admin_post, imported_post, scan_site

REPO = Path(__file__).resolve().parents[2]

GOOD = {
    "posts/2025/baik.md": admin_post(
        "kabar-baik",
        "Video: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
        "Image: images/2025/foto.jpg\nImage_alt: Warga bekerja bakti",
        "Tulisan yang baik, dengan [surat resmi]({static}/extra/surat.pdf).",
    ),
    "imported/kec-tembalang/2025/kabar-kanal.md": imported_post("kabar-kanal"),
}
HELD = {
    # An admin's hostile metadata (line 7: the key after the six of admin_post).
    "posts/2025/video.md": admin_post("video-skrip", "Video: javascript:alert(1)"),
    "posts/2025/bukti.md": admin_post(
        "bukti-skrip", "Bukti: jav&#x61;script:" + MARK + "=1"
    ),
    "posts/2025/slug.md": admin_post("x").replace("Slug: x", "Slug: " + BREAKOUT),
    "posts/2025/typo.md": admin_post("typo").replace("Tembalang", "Tembalng"),
    # A hostile channel: sealed by the importer, so not an admin's edit.
    "imported/kec-tembalang/2025/skrip.md": imported_post(
        "kanal-skrip", body=f"[Klik]( javascript:{MARK}=4)"
    ),
    "imported/kec-tembalang/2025/nik.md": imported_post(
        "kanal-nik", body="NIK warga 3374 0112 3456 0001 tercantum."
    ),
    # An admin's post linking to a held-back one is held back too.
    "posts/2025/tautan.md": admin_post(
        "tautan", body="Lihat [tulisan ini]({filename}/posts/2025/typo.md)."
    ),
}
STATIC_REFUSED = [
    "images/2025/peta.svg",
    "extra/halaman.html",
    "extra/lama.htm",
    "images/2025/palsu.jpg",
    "extra/config.pdf",
]


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (60, 110, 150)).save(buffer, "JPEG")
    return buffer.getvalue()


def _project(root: Path) -> Path:
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy2(REPO / name, root / name)
    for name in ("theme", "data"):
        shutil.copytree(REPO / name, root / name)
    content = root / "content"
    for relative, text in {**GOOD, **HELD}.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    (content / "images" / "2025").mkdir(parents=True)
    (content / "extra").mkdir()
    (content / "images" / "2025" / "foto.jpg").write_bytes(_jpeg())
    (content / "extra" / "surat.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n")
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" onload="{MARK}=5"/>'
    (content / "images" / "2025" / "peta.svg").write_text(svg)
    page = f"<html><script>{MARK}=6</script></html>"
    (content / "extra" / "halaman.html").write_text(page)
    (content / "extra" / "lama.htm").write_text(page)
    (content / "images" / "2025" / "palsu.jpg").write_text(page)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[http]\n\textraheader = token-rahasia\n")
    (content / "extra" / "config.pdf").symlink_to(root / ".git" / "config")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    root = _project(tmp_path_factory.mktemp("guard"))
    env = {**os.environ, "PELITA_DEMO": ""}
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "build"],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return root, done.returncode, done.stdout + done.stderr


def test_the_run_ends_with_the_held_back_status(built):
    _, code, log = built
    assert code == HELD_BACK_EXIT, log[-3000:]
    assert f"{len(HELD) + len(STATIC_REFUSED)} berkas ditahan" in log
    assert "held-back.md" in log


def test_everything_else_is_published(built):
    root, _, log = built
    output = root / "output"
    assert (output / "berita" / "kabar-baik" / "index.html").is_file(), log[-3000:]
    assert (output / "berita" / "kabar-kanal" / "index.html").is_file()
    assert (output / "extra" / "surat.pdf").is_file()
    assert list((output / "images" / "2025").glob("foto*.webp"))


def test_held_back_posts_and_refused_files_are_not_published(built):
    root, _, _ = built
    output = root / "output"
    for slug in ("video-skrip", "bukti-skrip", "typo", "kanal-skrip", "kanal-nik",
                 "tautan"):  # fmt: skip
        assert not (output / "berita" / slug).exists(), slug
    for relative in STATIC_REFUSED:
        assert not (output / relative).exists(), relative
    published = b"".join(p.read_bytes() for p in output.rglob("*") if p.is_file())
    assert b"token-rahasia" not in published
    assert MARK.encode() not in published.replace(b"pelitaXss&", b"")


def test_the_report_names_file_line_field_value_and_the_fix(built):
    root, _, _ = built
    held = json.loads((root / ".cache" / "held-back.json").read_text("utf-8"))
    by_file = {}
    for entry in held:
        by_file.setdefault(entry["file"], []).append(entry)
    expected = {f"content/{name}" for name in HELD} | {
        f"content/{name}" for name in STATIC_REFUSED
    }
    assert set(by_file) == expected
    (video,) = by_file["content/posts/2025/video.md"]
    assert (video["line"], video["field"], video["value"]) == (
        7,
        "video",
        "javascript:alert(1)",
    )
    assert "skrip" in video["message"]
    assert "https://" in video["suggestion"]
    (typo,) = by_file["content/posts/2025/typo.md"]
    assert (typo["field"], typo["value"]) == ("kecamatan", "Tembalng")
    assert "Tembalang" in typo["suggestion"]
    (slug,) = by_file["content/posts/2025/slug.md"]
    assert slug["field"] == "slug"
    assert '"x-onmouseover-pelitaxss-1-data-x' in slug["suggestion"]
    (nik,) = by_file["content/imported/kec-tembalang/2025/nik.md"]
    assert nik["field"] == "nik"
    assert "3374" not in nik["value"] + nik["message"][20:]  # masked, never repeated
    (link,) = by_file["content/posts/2025/tautan.md"]
    assert "ditahan" in link["message"]
    (secret,) = by_file["content/extra/config.pdf"]
    assert secret["field"] == "berkas-tautan"
    assert "symlink" in secret["message"]
    summary = (root / ".cache" / "held-back.md").read_text("utf-8")
    assert f"{len(expected)} berkas ditahan" in summary
    assert "`content/posts/2025/video.md`" in summary


def test_no_live_script_anywhere_in_the_output(built):
    root, _, _ = built
    assert scan_site(root / "output") == []


def test_the_gate_blocks_on_the_site_not_on_held_back_posts(built):
    root, _, _ = built
    project = load_project(root)
    assert check_task_problems(project) == []
    registry = root / "data" / "channels.yml"
    registry.write_text(registry.read_text("utf-8") + "\n  - id: [rusak\n", "utf-8")
    try:
        problems = check_task_problems(project)
    finally:
        shutil.copy2(REPO / "data" / "channels.yml", registry)
    assert problems
    assert all("channels.yml" in problem for problem in problems)
