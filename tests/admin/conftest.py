"""Shared fixtures for the admin tools: settings, a fixture site, one check run."""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file
from PIL import ExifTags, Image

from pelita.tools.check import run_check

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures" / "content"
WIB = ZoneInfo("Asia/Jakarta")
# A fixed clock, so "in the future" and "this year" never drift.
NOW = dt.datetime(2026, 11, 1, 12, 0, tzinfo=WIB)
# Small limits, so small generated images can cross them.
CHECK_LIMITS = {
    "image_warn_bytes": 60_000,
    "image_max_bytes": 120_000,
    "image_max_pixels": 2_000_000,
}


def repo_settings(**overrides) -> dict:
    """Pelican settings as tasks.py builds them, with overrides."""
    settings = dict(DEFAULT_CONFIG)
    settings.update(get_settings_from_file(str(REPO / "pelicanconf.py")))
    settings.update(overrides)
    return settings


def _jpeg(size: tuple[int, int], exif: Image.Exif | None = None, noise=False) -> bytes:
    image = Image.new("RGB", size, (70, 120, 160))
    if noise:
        rng = random.Random(8)
        image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(
        buffer, "JPEG", quality=95, exif=exif if exif is not None else Image.Exif()
    )
    return buffer.getvalue()


def _gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {1: "S", 2: (6.0, 59.0, 30.5), 3: "E", 4: (110.0, 25.0, 10.0)}
    )
    return exif


def write_fixture_images(images: Path) -> None:
    """The images the fixture posts use, drawn with Pillow."""
    images.mkdir(parents=True, exist_ok=True)
    (images / "foto-baik.jpg").write_bytes(_jpeg((800, 450)))
    (images / "utama.jpg").write_bytes(_jpeg((1200, 675)))
    (images / "kecil.jpg").write_bytes(_jpeg((320, 180)))
    (images / "gps.jpg").write_bytes(_jpeg((800, 450), _gps_exif()))
    (images / "besar.jpg").write_bytes(_jpeg((700, 700), noise=True))
    Image.new("RGB", (1700, 1300), (200, 200, 200)).save(images / "piksel.png")
    (images / "rusak.jpg").write_bytes(b"bukan gambar, hanya teks")
    (images / "foto.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")


def make_site(root: Path) -> Path:
    """A copy of the fixture content with its images, and the repo's data/."""
    shutil.copytree(FIXTURES, root / "content")
    write_fixture_images(root / "content" / "images" / "uji")
    shutil.copytree(REPO / "data", root / "data")
    return root


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once per session."""
    return make_site(tmp_path_factory.mktemp("admin-site"))


@pytest.fixture(scope="session")
def fixture_result(fixture_site: Path):
    """One check over the whole fixture site."""
    return run_check(repo_settings(CHECK=CHECK_LIMITS), root=fixture_site, now=NOW)
