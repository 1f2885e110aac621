"""A GPS position written only in a photo's XMP is found like one in EXIF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pelita.tools.check.imageinfo import inspect_image

XMP = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description
 xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="6,59.5S"
 exif:GPSLongitude="110,25.1E"/></rdf:RDF></x:xmpmeta>"""
NO_POSITION = b"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description
 xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="image/jpeg"/></rdf:RDF>
 </x:xmpmeta>"""


@pytest.mark.parametrize("suffix", [".jpg", ".webp", ".png"])
def test_a_position_in_xmp_is_gps(tmp_path: Path, suffix: str):
    photo = tmp_path / f"foto{suffix}"
    image = Image.new("RGB", (64, 48), "teal")
    if suffix == ".png":
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        image.save(photo, pnginfo=info)
    else:
        image.save(photo, xmp=XMP)
    assert inspect_image(photo).gps is not None


def test_xmp_without_a_position_is_not_gps(tmp_path: Path):
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (64, 48), "teal").save(photo, xmp=NO_POSITION)
    assert inspect_image(photo).gps is None
