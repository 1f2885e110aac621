from pathlib import Path

import pytest

from .photos import make_photo


@pytest.fixture
def phone_photo(tmp_path: Path) -> Path:
    """A JPEG tagged like a phone's: orientation 6, GPS, camera, XMP."""
    return make_photo(tmp_path / "images" / "2025" / "foto-warga.jpg")
