"""A second city made of data alone: Kota Tanjung Selaras (tests/fixtures/city-kecil).

Its site is set up as a new city's web team would set up theirs: the
repository's ``pelicanconf.py`` with only the city block replaced, its own
``data/`` and ``content/``, and nothing of Semarang's. It is built and
checked with the project's own commands (``invoke build``, ``invoke check``)
and its output must not name Semarang anywhere.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, shared_build

FIXTURE = REPO / "tests" / "fixtures" / "city-kecil"
CITY_BLOCK = re.compile(r"^CITY_PROFILE = \{\n.*?^\}\n", re.MULTILINE | re.DOTALL)
# Files a browser or a crawler reads as text; Pagefind's are gzip.
TEXT_SUFFIXES = {
    ".html", ".xml", ".json", ".css", ".js", ".mjs", ".txt", ".svg", ".md",
    ".webmanifest", ".atom", ".rss", ".csv", ".yml", ".yaml",
}  # fmt: skip
PAGEFIND_PREFIX = ".pf_"


def city_pelicanconf() -> str:
    """The repository's settings with the city block swapped for the fixture's."""
    conf = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    block = (FIXTURE / "city_profile.py").read_text(encoding="utf-8")
    block = block[block.index("CITY_PROFILE = {") :]
    swapped, count = CITY_BLOCK.subn(lambda _: block, conf)
    assert count == 1, "pelicanconf.py has no CITY_PROFILE = {...} block"
    return swapped


def city_site(root: Path) -> Path:
    """The second city's repository: its data, content, settings and tasks."""
    shutil.copytree(FIXTURE / "data", root / "data")
    shutil.copytree(FIXTURE / "content", root / "content")
    (root / "pelicanconf.py").write_text(city_pelicanconf(), encoding="utf-8")
    for name in ("publishconf.py", "tasks.py"):
        shutil.copyfile(REPO / name, root / name)
    (root / "theme").symlink_to(REPO / "theme", target_is_directory=True)
    return root


def invoke(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PELITA_")}
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=root, env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip


def build_city(root: Path) -> Path:
    city_site(root)
    built = invoke(root, "build")
    assert built.returncode == 0, f"{built.stdout}\n{built.stderr}"
    return root / "output"


@pytest.fixture(scope="module")
def city_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "city-kecil", build_city)


def page(output: Path, path: str) -> str:
    return (output / path / "index.html").read_text(encoding="utf-8")


def output_texts(output: Path):
    for path in sorted(output.rglob("*")):
        if path.is_dir():
            continue
        if path.suffix in TEXT_SUFFIXES:
            yield path, path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix.startswith(PAGEFIND_PREFIX):
            yield path, gzip.decompress(path.read_bytes()).decode("utf-8", "replace")


def test_the_fixture_has_no_file_of_semarang_s():
    for path in FIXTURE.rglob("*"):
        if path.is_file():
            assert "semarang" not in path.read_text(encoding="utf-8").casefold(), path


def test_the_city_s_pages_exist(city_output):
    assert "Kecamatan di Kota Tanjung Selaras" in page(city_output, "kecamatan")
    for kecamatan in ("selaras-barat", "selaras-timur", "bukit-rimba"):
        assert (city_output / "kecamatan" / kecamatan / "index.html").is_file()
    kelurahan = page(city_output, "kecamatan/bukit-rimba/cempaka-wangi")
    assert "Kelurahan Cempaka Wangi Juara Lomba Kampung Hijau" in kelurahan
    assert (city_output / "kecamatan/selaras-barat/pasir-putih/index.html").is_file()
    for opd in ("diskominfo", "dinkes", "bappeda", "setda"):
        assert (city_output / "opd" / opd / "index.html").is_file()
    assert "Juara I Lomba Kampung Hijau" in page(city_output, "prestasi")


def test_a_city_without_boundaries_has_no_map(city_output):
    assert "peta-kecamatan" not in page(city_output, "kecamatan")
    assert not list(city_output.rglob("*.geojson"))


def test_the_about_page_counts_the_city_s_registries(city_output):
    about = page(city_output, "tentang")
    assert "<h1>Tentang Pelita Tanjung Selaras</h1>" in about
    text = " ".join(about.split())
    assert "4 organisasi perangkat daerah (OPD), 3 kecamatan, dan 8 kelurahan" in text
    assert "Pemerintah Kota Tanjung Selaras" in text
    assert "Tentang isi contoh" not in text  # not the demo


def test_the_city_block_names_the_site(city_output):
    home = page(city_output, "")
    assert "<title>Pelita Tanjung Selaras" in home
    assert "Kabar dan prestasi Kota Tanjung Selaras dari semua kanal resmi" in home


def test_no_output_file_names_semarang(city_output):
    leaks = [
        f"{path.relative_to(city_output)}: …{text[max(0, i - 60) : i + 40]}…"
        for path, text in output_texts(city_output)
        for i in [text.casefold().find("semarang")]
        if i >= 0
    ]
    assert leaks == []


def test_invoke_check_passes_for_the_city(city_output):
    checked = invoke(city_output.parent, "check")
    assert checked.returncode == 0, f"{checked.stdout}\n{checked.stderr}"
