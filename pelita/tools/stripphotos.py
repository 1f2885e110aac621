"""``invoke strip-photos``: re-encode in place the photos that tell where they were.

``invoke check`` reports a photo under ``content/`` whose EXIF or XMP holds a
GPS position as an error: the site publishes it without the position, but
the repository is public. This is the fix the check names: each such photo
is replaced by a copy without location and camera data
(:func:`pelita.core.photos.strip_in_place`), upright, in its own format.
Photos reached through a symbolic link or with a second name (hard link)
are left alone and named: writing through them would change a file
outside the photo itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pelita.core.photos import location_in, strip_in_place
from pelita.core.staticfiles import link_problem

from .check.imageinfo import SUPPORTED_SUFFIXES

logger = logging.getLogger(__name__)


class StripPhotosError(ValueError):
    """A path given to strip-photos does not exist or lies outside content/."""


@dataclass(frozen=True)
class PhotoResult:
    """What happened to one photo: stripped (with where its position was) or skipped."""

    path: Path
    where: str
    skipped: str = ""


def photos_under(paths: Iterable[Path]) -> Iterator[Path]:
    """Every photo file named, or under a named folder, sorted, each once."""
    seen: set[Path] = set()
    for path in paths:
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        for candidate in found:
            if candidate.suffix.lower() in SUPPORTED_SUFFIXES and candidate not in seen:
                seen.add(candidate)
                yield candidate


def strip_photos(paths: Iterable[Path], content: Path) -> list[PhotoResult]:
    """Strip every photo among ``paths`` (under ``content``) that holds a position."""
    content = content.absolute()
    results = []
    for path in photos_under(_inside(paths, content)):
        where = location_in(path)
        if where is None:
            continue
        linked = link_problem(path.absolute(), content)
        if linked is not None:
            results.append(PhotoResult(path, where, linked.message))
            continue
        strip_in_place(path)
        logger.info("strip-photos: %s: GPS position (%s) removed", path, where)
        results.append(PhotoResult(path, where))
    return results


def _inside(paths: Iterable[Path], content: Path) -> list[Path]:
    chosen = []
    for path in paths:
        if not path.exists():
            raise StripPhotosError(f"{path} tidak ada")
        try:
            path.absolute().relative_to(content)
        except ValueError:
            raise StripPhotosError(
                f"{path} berada di luar folder {content.name}/; strip-photos "
                "hanya mengubah foto di folder content/"
            ) from None
        chosen.append(path)
    return chosen


def run_strip_photos(
    paths: list[str], content: Path, say: Callable[[str], None] = print
) -> list[PhotoResult]:
    """The task: strip the named photos (or all of ``content``) and report each."""
    results = strip_photos([Path(p) for p in paths] or [content], content)
    stripped = [r for r in results if not r.skipped]
    for result in results:
        if result.skipped:
            say(f"dilewati {result.path}: {result.skipped}")
        else:
            say(f"disimpan ulang tanpa lokasi GPS ({result.where}): {result.path}")
    if not stripped:
        say("Tidak ada foto yang menyimpan lokasi GPS.")
        return results
    say(
        f"{len(stripped)} foto disimpan ulang. Commit perubahannya; versi lama "
        "masih ada di riwayat git: bila lokasinya pribadi (mis. rumah warga), "
        "minta pengelola repositori menghapusnya dari riwayat."
    )
    return results
