"""Phone-like photos for the image tests: EXIF orientation, GPS, XMP."""

import io
from pathlib import Path

from PIL import Image, ImageDraw

CAMERA = "PelitaPhone X1"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
    b'02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/"'
    b' exif:GPSLatitude="6,59.1S"/></rdf:RDF></x:xmpmeta>'
)
RED = (220, 0, 0)
GREEN = (30, 110, 60)


def phone_jpeg(size=(1200, 800), orientation: int | None = 6) -> bytes:
    """A landscape JPEG whose top-left corner is red, tagged like a phone's:
    camera, EXIF orientation, GPS and XMP."""
    image = Image.new("RGB", size, GREEN)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 4, size[1] // 4), fill=RED)
    exif = Image.Exif()
    exif[0x010F] = "PelitaPhone"
    exif[0x0110] = CAMERA
    if orientation:
        exif[0x0112] = orientation
    exif[0x8825] = {1: "S", 2: (6.0, 59.0, 1.0), 3: "E", 4: (110.0, 25.0, 2.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes(), xmp=XMP)
    return buffer.getvalue()


def make_photo(path: Path, size=(2400, 1600), orientation: int | None = 6) -> Path:
    """``phone_jpeg`` written to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(phone_jpeg(size, orientation))
    return path
