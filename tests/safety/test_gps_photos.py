"""A photo that tells where it was taken: an error, one command fixes it, not published.

``invoke check`` reports a GPS position in EXIF or XMP as an error naming
the file, where the position is kept and the command that strips it;
``invoke strip-photos`` re-encodes such photos in place; a build publishes
every photo re-encoded without it (the post is not held back), and the
guard refuses to copy one as it is when nothing re-encodes it.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from pelican.settings import read_settings
from PIL import Image, PngImagePlugin
from sitebuild import run_pelican

from pelita.tools.check import Severity, run_check
from pelita.tools.check.holdback import files_to_hold
from pelita.tools.check.runner import check_run
from pelita.tools.stripphotos import StripPhotosError, run_strip_photos
from tests.images.photos import XMP, phone_jpeg

from .hostile import admin_post

REPO = Path(__file__).resolve().parents[2]
GPS_IFD = 0x8825
POSITION = {1: "S", 2: (6.0, 59.0, 1.0), 3: "E", 4: (110.0, 25.0, 2.0)}


def _exif() -> bytes:
    exif = Image.Exif()
    exif[0x0110] = "PelitaPhone X1"
    exif[GPS_IFD] = POSITION
    return exif.tobytes()


def _encode(fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), (40, 120, 80)).save(buffer, fmt, **options)
    return buffer.getvalue()


def _png_with_xmp() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return _encode("PNG", pnginfo=info)


# Where a position hides, in every photo format the site publishes.
PHOTOS: dict[str, tuple[bytes, str]] = {
    "images/2025/ponsel.jpg": (phone_jpeg((1200, 800)), "EXIF"),
    "images/2025/xmp.jpg": (_encode("JPEG", xmp=XMP), "XMP"),
    "images/2025/drone.webp": (_encode("WEBP", exif=_exif()), "EXIF"),
    "images/2025/peta.png": (_png_with_xmp(), "XMP"),
    "images/2025/layar.png": (_encode("PNG", exif=_exif()), "EXIF"),
    # A JPEG under a PNG's name is still a photo the site publishes.
    "images/2025/salah-nama.png": (_encode("JPEG", exif=_exif()), "EXIF"),
}
CLEAN = "images/2025/bersih.jpg"
POST = "posts/2025/foto.md"


def has_position(data: bytes) -> bool:
    """A GPS position in EXIF or XMP, read without the project's own reader."""
    if b"gpslatitude" in data.lower() or b"gpslongitude" in data.lower():
        return True
    try:
        with Image.open(io.BytesIO(data)) as image:
            return bool(image.getexif().get_ifd(GPS_IFD))
    except OSError:
        return False


def write_content(content: Path) -> None:
    """The photos, a clean one, and a post that shows them all."""
    for relative, (data, _) in PHOTOS.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_bytes(data)
    (content / CLEAN).write_bytes(_encode("JPEG"))
    body = "\n\n".join(f"![Warga bekerja bakti {i}]({{static}}/{relative})"
                       for i, relative in enumerate(PHOTOS))  # fmt: skip
    extra = "Image: images/2025/ponsel.jpg\nImage_alt: Warga bekerja bakti"
    (content / POST).parent.mkdir(parents=True)
    (content / POST).write_text(admin_post("foto-warga", extra, body), "utf-8")


def _settings(**overrides: object) -> dict:
    settings = dict(read_settings(str(REPO / "pelicanconf.py")))
    settings.update(overrides)
    return settings


# -- invoke check -------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_content(tmp_path / "content")
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path


def _gps_problems(root: Path):
    settings = _settings(PATH=str(root / "content"))
    result = run_check(settings, root=root)
    return [p for p in result.problems if p.code == "gambar-gps"]


def test_every_photo_with_a_position_is_an_error_naming_file_place_and_fix(site):
    found = _gps_problems(site)
    assert len(found) == len(PHOTOS)
    for problem in found:
        assert problem.severity is Severity.ERROR
    text = "\n".join(f"{p.message} {p.suggestion}" for p in found)
    for relative, (_, where) in PHOTOS.items():
        assert f"Foto {relative} menyimpan lokasi GPS" in text
        assert f"invoke strip-photos content/{relative}" in text
        assert any(relative in p.message and f"(di {where})" in p.message
                   for p in found), relative  # fmt: skip


def test_a_gps_photo_holds_no_post_back(site):
    run = check_run(_settings(PATH=str(site / "content")), root=site)
    assert any(p.code == "gambar-gps" for p in run.result.errors)
    assert files_to_hold(run) == {}


def test_the_gps_setting_no_longer_lowers_it_to_a_warning(site):
    result = run_check(
        _settings(PATH=str(site / "content"), CHECK={"gps": "warning"}), root=site
    )
    (problem,) = [p for p in result.problems if p.code == "pengaturan"]
    assert "gps" in problem.message


# -- invoke strip-photos ------------------------------------------------------


def test_strip_photos_fixes_what_the_check_reports(site, monkeypatch):
    monkeypatch.chdir(site)
    clean_before = (site / "content" / CLEAN).read_bytes()
    said: list[str] = []
    results = run_strip_photos([], Path("content"), say=said.append)
    assert sorted(r.path.as_posix() for r in results) == sorted(
        f"content/{relative}" for relative in PHOTOS
    )
    for relative in PHOTOS:
        path = site / "content" / relative
        assert not has_position(path.read_bytes()), relative
        with Image.open(path) as image:
            # The phone's orientation 6 is applied to the pixels.
            upright = (800, 1200) if "ponsel" in relative else (900, 600)
            assert image.size == upright
            assert b"PelitaPhone" not in path.read_bytes()
    assert (site / "content" / CLEAN).read_bytes() == clean_before
    assert not list((site / "content").rglob(".*stripping"))
    assert "riwayat git" in said[-1]
    assert _gps_problems(site) == []


def test_strip_photos_of_one_file_leaves_the_others(site, monkeypatch):
    monkeypatch.chdir(site)
    run_strip_photos(["content/images/2025/xmp.jpg"], Path("content"), say=print)
    assert not has_position((site / "content/images/2025/xmp.jpg").read_bytes())
    assert has_position((site / "content/images/2025/ponsel.jpg").read_bytes())


def test_strip_photos_never_writes_through_a_link_or_outside_content(site, monkeypatch):
    monkeypatch.chdir(site)
    outside = site / "rumah.jpg"
    outside.write_bytes(phone_jpeg((400, 300)))
    (site / "content" / "images" / "tautan.jpg").symlink_to(outside)
    said: list[str] = []
    results = run_strip_photos(["content/images"], Path("content"), say=said.append)
    (linked,) = [r for r in results if r.skipped]
    assert linked.path.name == "tautan.jpg"
    assert "symlink" in linked.skipped
    assert has_position(outside.read_bytes())
    with pytest.raises(StripPhotosError, match="di luar folder content/"):
        run_strip_photos(["rumah.jpg"], Path("content"))
    with pytest.raises(StripPhotosError, match="tidak ada"):
        run_strip_photos(["content/tidak-ada.jpg"], Path("content"))


# -- the build ----------------------------------------------------------------


def _build(root: Path, **overrides: object) -> Path:
    """Build in a process of its own: Pelican's signals outlive a build, so a
    plugin left out here must never have been registered in this process."""
    write_content(root / "content")
    settings = {
        "CACHE_PATH": str(root / "cache"),
        "SITEURL": "https://kabar.example.id",
        "RELATIVE_URLS": False,
        **overrides,
    }
    run_pelican(root / "content", root / "output", **settings)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("gps-build"))


def test_a_built_site_holds_no_photo_with_a_position(built):
    output = built / "output"
    files = [p for p in output.rglob("*") if p.is_file()]
    photos = [p for p in files if p.suffix.lower() in {".jpg", ".png", ".webp"}]
    for relative in PHOTOS:
        assert (output / relative).is_file(), relative
    assert len(photos) > len(PHOTOS)
    assert [p for p in files if has_position(p.read_bytes())] == []


def test_the_post_with_gps_photos_is_published(built):
    page = built / "output" / "berita" / "foto-warga" / "index.html"
    assert page.is_file()
    held = json.loads((built / "held-back.json").read_text("utf-8"))
    assert held == []


@pytest.fixture(scope="module")
def built_without_images(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plugins = [
        name for name in read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"]
        if name not in {"pelita.build.images", "pelita.build.ogcard",
                        "pelita.build.sharekit"}
    ]  # fmt: skip
    return _build(tmp_path_factory.mktemp("gps-raw"), PLUGINS=plugins)


def test_without_the_image_step_the_guard_copies_no_photo_with_a_position(
    built_without_images,
):
    output = built_without_images / "output"
    assert (output / CLEAN).is_file()  # copied as it is: nothing to hide
    for relative in PHOTOS:
        assert not (output / relative).exists(), relative
    files = [p for p in output.rglob("*") if p.is_file()]
    assert [p for p in files if has_position(p.read_bytes())] == []
    held = json.loads((built_without_images / "held-back.json").read_text("utf-8"))
    by_file = {Path(entry["file"]).name: entry for entry in held}
    assert set(by_file) == {Path(relative).name for relative in PHOTOS}
    for relative, (_, where) in PHOTOS.items():
        entry = by_file[Path(relative).name]
        assert entry["field"] == "gambar-gps"
        assert f"(di {where})" in entry["message"]
        assert "invoke strip-photos" in entry["suggestion"]
        assert entry["file"].endswith(f"content/{relative}")
