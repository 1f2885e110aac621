"""Draw kit cards into a cache keyed by their content; never draw one twice.

A card's key hashes everything that shows on it (the text, the format, the
fonts and colours, the design's version), so the nightly build, which keeps
the cache, draws only cards of new or changed posts. A cache hit costs two
``stat`` calls and no Pillow work. Missing cards are drawn on every core
(:mod:`pelita.build.buildspeed.parallel`), each written atomically.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from PIL import Image

from pelita.build.buildspeed.parallel import in_parallel
from pelita.build.ogcard.card import DESIGN_VERSION as LAYOUT_VERSION
from pelita.build.ogcard.card import encode_png

from .design import DESIGN_VERSION, compose, render
from .model import CardFormat, KitFacts
from .palette import Palette

logger = logging.getLogger(__name__)

THUMB_QUALITY = 80
# A cached card no post of the build uses is deleted once it is this old
# (an edited post's old cards, a previous design); younger ones stay for
# builds with other settings sharing the cache (a preview's SITEURL).
PRUNE_AFTER_DAYS = 90
# Facts that do not show on a card: changing them does not redraw it.
_NOT_DRAWN = {"url", "hashtags", "kind"}
_DRAWN_FIELDS = tuple(f for f in fields(KitFacts) if f.name not in _NOT_DRAWN)


@dataclass(frozen=True)
class Job:
    """One card to have in the cache: its key, format and text."""

    key: str
    format: CardFormat
    facts: KitFacts


@dataclass(frozen=True)
class CacheFiles:
    """The cached image and its two thumbnails (larger and smaller) of one card."""

    image: Path
    thumb: Path
    thumb_small: Path


@dataclass(frozen=True)
class ThumbWidths:
    """The widths of a card's two thumbnails (pages pick one by ``srcset``).

    One size cannot fit every slot: a thumbnail 96 px wide on a phone of
    twice the density needs about 200 px, a link card across a desktop
    column about 360 px. Sending the larger one everywhere tripled the
    share-kit page's weight.
    """

    large: int
    small: int


def card_key(
    facts: KitFacts, fmt: CardFormat, palette: str, widths: ThumbWidths
) -> str:
    """Content hash of one card (16 hex digits)."""
    drawn = [(f.name, getattr(facts, f.name)) for f in _DRAWN_FIELDS]
    digest = hashlib.sha256(f"{DESIGN_VERSION}/{LAYOUT_VERSION}".encode())
    digest.update(
        f"{fmt.name}:{fmt.width}x{fmt.height}:{widths.large}:{widths.small}".encode()
    )
    digest.update(palette.encode())
    digest.update(repr((facts.is_clarification, drawn)).encode())
    return digest.hexdigest()[:16]


def cache_files(cache: Path, key: str) -> CacheFiles:
    """Where a card and its thumbnails live in the cache."""
    return CacheFiles(
        cache / f"{key}.png",
        cache / f"{key}.thumb.webp",
        cache / f"{key}.thumb-small.webp",
    )


def thumb_size(fmt: CardFormat, thumb_width: int) -> tuple[int, int]:
    """The thumbnail's size: ``thumb_width`` wide, the card's proportions."""
    return thumb_width, round(fmt.height * thumb_width / fmt.width)


class CardCache:
    """Cards of one build: drawn on a miss, found on a hit."""

    def __init__(
        self, cache: Path, palette: Palette, widths: ThumbWidths, workers: int
    ) -> None:
        self.cache = cache
        self.palette = palette
        self.widths = widths
        self.workers = workers or os.cpu_count() or 1
        self.drawn = 0

    def missing(self, jobs: Iterable[Job]) -> list[Job]:
        """The jobs whose image or thumbnail is not in the cache."""
        return [job for job in jobs if not self._cached(job.key)]

    def ensure(self, jobs: Iterable[Job]) -> int:
        """Draw every job whose files are missing; returns how many were drawn."""
        missing = self.missing(jobs)
        if not missing:
            return 0
        in_parallel(self.draw, [(job,) for job in missing], self.workers)
        self.drawn += len(missing)
        return len(missing)

    def _cached(self, key: str) -> bool:
        # os.path on strings: this runs for every card of every build.
        base = os.path.join(self.cache, key)
        return all(
            os.path.isfile(f"{base}{suffix}")
            for suffix in (".png", ".thumb.webp", ".thumb-small.webp")
        )

    def prune(self, keep: set[str], now: float | None = None) -> int:
        """Delete old cached cards whose key is not in ``keep``; returns how many.

        Temporary files a killed build left behind go too, once as old.
        """
        if not self.cache.is_dir():
            return 0
        limit = (time.time() if now is None else now) - PRUNE_AFTER_DAYS * 86_400
        removed = 0
        with os.scandir(self.cache) as entries:
            for entry in entries:
                key = entry.name.split(".", 1)[0]
                unused = key not in keep or entry.name.endswith(".tmp")
                if unused and entry.stat().st_mtime < limit:
                    os.unlink(entry.path)
                    removed += 1
        return removed

    def draw(self, job: Job) -> CacheFiles:
        """Draw one card and its thumbnail into the cache."""
        image = render(compose(job.facts, job.format, self.palette), self.palette)
        files = cache_files(self.cache, job.key)
        self.cache.mkdir(parents=True, exist_ok=True)
        _write_atomically(files.thumb, _thumbnail(image, job.format, self.widths.large))
        _write_atomically(
            files.thumb_small, _thumbnail(image, job.format, self.widths.small)
        )
        _write_atomically(files.image, encode_png(image))
        logger.debug("sharekit: drew %s (%s)", files.image.name, job.format.name)
        return files


def _thumbnail(image: Image.Image, fmt: CardFormat, width: int) -> bytes:
    """A small WebP of the card for the pages.

    A box filter is enough for a threefold reduction of flat colours and
    text, and several times faster than Lanczos; so is WebP's method 2.
    """
    small = image.resize(thumb_size(fmt, width), Image.Resampling.BOX)
    buffer = io.BytesIO()
    small.save(buffer, "WEBP", quality=THUMB_QUALITY, method=2)
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary name, then rename: a killed build leaves no half file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
