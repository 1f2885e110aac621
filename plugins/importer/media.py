"""The media stage: what happens to an entry's images before it is written.

``MediaStage`` is the seam where image downloading and re-encoding plugs in
(content-addressed copies under ``content/images/imported/``). The stage
shipped here, ``BasicMedia``, downloads nothing:

* an ``https`` featured image stays a remote URL in ``Image`` (a YouTube
  thumbnail, a WordPress upload); ``http`` images are dropped (mixed content);
* images of a local demo feed (``file:`` URLs next to the registry, inside
  its folder) are copied into the content tree, content-addressed, and
  referenced as ``images/...`` (``Image``) or ``{static}/images/...`` (body);
  any other ``file:`` image is removed, so no machine path is ever published.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from .model import Channel, Entry, MediaRef
from .write import atomic_write_bytes

logger = logging.getLogger(__name__)

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
_FILE_IMAGE = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\((file:[^)\s]+)\)")


class MediaStage(Protocol):
    """Turns an entry's image references into what the site should publish."""

    async def localize(self, channel: Channel, entry: Entry) -> Entry:
        """The entry with its featured image and body images settled."""
        ...


class BasicMedia:
    """Keep https images remote; copy a local demo feed's own images."""

    def __init__(
        self,
        content_root: Path,
        images_dir: str,
        local_root: Path | None,
        max_bytes: int,
        dry_run: bool = False,
    ) -> None:
        self.content_root = content_root
        self.images_dir = images_dir.strip("/")
        self.local_root = local_root.resolve() if local_root else None
        self.max_bytes = max_bytes
        self.dry_run = dry_run

    async def localize(self, channel: Channel, entry: Entry) -> Entry:
        """Settle the featured image and the body's ``file:`` images."""
        image = self._featured(entry.image)
        body = _FILE_IMAGE.sub(self._body_image, entry.body)
        if image == entry.image and body == entry.body:
            return entry
        return replace(entry, image=image, body=body)

    def _featured(self, image: MediaRef | None) -> MediaRef | None:
        if image is None:
            return None
        scheme = urlsplit(image.url).scheme.lower()
        if scheme == "https":
            return image
        if scheme == "file":
            stored = self._copy_local(image.url)
            return MediaRef(stored, image.alt) if stored else None
        return None

    def _body_image(self, match: re.Match[str]) -> str:
        stored = self._copy_local(match.group(2))
        return f"![{match.group(1)}]({{static}}/{stored})" if stored else match.group(1)

    def _copy_local(self, url: str) -> str | None:
        """Copy a demo feed's image into the content tree; its content path."""
        if self.local_root is None:
            return None
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not path.is_relative_to(self.local_root) or not path.is_file():
            logger.warning("importer: image %s is not a file next to the feed", url)
            return None
        suffix = path.suffix.lower()
        if suffix not in IMAGE_SUFFIXES or path.stat().st_size > self.max_bytes:
            logger.warning("importer: image %s is not a usable image file", path.name)
            return None
        data = path.read_bytes()
        name = f"{hashlib.sha256(data).hexdigest()[:20]}{suffix}"
        relative = f"{self.images_dir}/{name}"
        target = self.content_root / relative
        if not self.dry_run and not target.exists():
            atomic_write_bytes(target, data)
        return relative
