"""The media stage: an entry's images become files of the site, or stay remote.

``ImageMedia`` downloads the entry's featured image (``media:content``,
``enclosure``, ``media:thumbnail``, else the first image of the content),
and the body's images that come from the channel's own site, through the
run's ``HttpFetcher`` (its size cap, timeouts and SSRF guard) with the
smaller ``image_max_bytes`` cap; a local demo feed's images are read from
its folder instead. Each goes through ``imaging`` (sniffed, size-checked,
upright, stripped, WebP) and is stored content-addressed as
``<images_dir>/<sha256 of the downloaded bytes>.webp``: the same image from
two channels or two runs is one file, and one that exists is not decoded
again. ``Image`` then names that file and keeps the alt text; body images
become ``{static}/...`` links. A channel with ``images: remote`` keeps
https URLs as they are.

A bad image never fails its post: the featured image is left out (a body
image keeps its original address, which the theme shows as a link), and the
channel's report counts it. What became of each URL is remembered in the
channel's state (``MediaMemo``), so a re-run over unchanged entries
downloads nothing; refusals are remembered too, network failures are not.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from pelita.importer.errors import BlockedAddressError, FetchError, MediaError
from pelita.importer.fetching.decode import BodyTooLargeError
from pelita.importer.model import Channel, Entry, MediaRef
from pelita.importer.writing.files import atomic_write_bytes

from .imaging import declared_mismatch, sniff
from .pool import ImageWorkers

logger = logging.getLogger(__name__)

IMAGE_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1"
REMOTE = "remote"
_BODY_IMAGE = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\(((?:https?|file):[^)\s]+)\)")


class MediaStage(Protocol):
    """Turns an entry's image references into what the site should publish."""

    async def localize(self, channel: Channel, entry: Entry, memo: MediaMemo) -> Entry:
        """The entry with its featured image and body images settled."""
        ...


@dataclass(frozen=True)
class Settled:
    """What became of one image URL."""

    path: str | None = None  # stored, relative to the content root
    pixel: bool = False  # a tracking pixel: drop the reference
    error: str | None = None  # why it could not be used
    permanent: bool = True  # a refusal to remember (not a network hiccup)
    kept: bool = False  # left as it is (a dry run downloads nothing)

    def record(self) -> dict[str, Any]:
        """The state's record of it."""
        if self.path:
            return {"path": self.path}
        return {"pixel": True} if self.pixel else {"refused": self.error}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Settled:
        """Read a state record back."""
        return cls(
            path=record.get("path"),
            pixel=bool(record.get("pixel")),
            error=record.get("refused"),
        )


@dataclass
class MediaMemo:
    """One channel's images: known outcomes, this run's use and tally."""

    known: dict[str, dict[str, Any]] = field(default_factory=dict)
    used: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    stored: int = 0

    def records(self) -> dict[str, dict[str, Any]]:
        """What to keep in the state: the URLs the feed still uses."""
        return dict(sorted(self.used.items()))


def _site(host: str | None) -> str:
    host = (host or "").lower().rstrip(".")
    return host.removeprefix("www.")


def channel_hosts(channel: Channel, entry: Entry) -> frozenset[str]:
    """The hosts that are the channel's own: its feed's and its entry's site."""
    hosts = {_site(urlsplit(u).hostname) for u in (channel.url, entry.link or "")}
    return frozenset(h for h in hosts if h)


def is_own_host(url: str, hosts: frozenset[str]) -> bool:
    """Whether ``url`` is on one of ``hosts`` or a subdomain of one."""
    host = _site(urlsplit(url).hostname)
    return bool(host) and any(host == h or host.endswith("." + h) for h in hosts)


class ImageMedia:
    """Download, clean and store images; share one fetcher and one pool."""

    def __init__(
        self,
        content_root: Path,
        images_dir: str,
        local_root: Path | None,
        workers: ImageWorkers,
        max_bytes: int,
        *,
        dry_run: bool = False,
    ) -> None:
        self.content_root = content_root
        self.images_dir = images_dir.strip("/")
        self.local_root = local_root.resolve() if local_root else None
        self.workers = workers
        self.max_bytes = max_bytes
        self.dry_run = dry_run
        self._fetcher: Any = None
        self._inflight: dict[str, asyncio.Task[tuple[Settled, bool]]] = {}
        # The image files this run wrote (relative to the content root): the
        # run checks at its end that a post uses each of them.
        self.stored: set[str] = set()

    def use_fetcher(self, fetcher: Any) -> None:
        """The run's ``HttpFetcher`` (its limits and SSRF guard apply)."""
        self._fetcher = fetcher

    def close(self) -> None:
        """Stop the image workers."""
        self.workers.shutdown()

    async def localize(self, channel: Channel, entry: Entry, memo: MediaMemo) -> Entry:
        """Settle the featured image and the body's images of ``entry``."""
        hosts = channel_hosts(channel, entry)
        image = await self._featured(channel, entry.image, memo)
        matches = list(_BODY_IMAGE.finditer(entry.body))
        wanted = {
            m.group(2) for m in matches if self._wanted(channel, m.group(2), hosts)
        }
        urls = sorted(wanted)
        settled = await asyncio.gather(*(self._settle(u, memo) for u in urls))
        outcome = dict(zip(urls, settled, strict=True))
        body = _BODY_IMAGE.sub(
            lambda m: _body_image(m, outcome.get(m.group(2))), entry.body
        )
        if image == entry.image and body == entry.body:
            return entry
        return replace(entry, image=image, body=body)

    def _wanted(self, channel: Channel, url: str, hosts: frozenset[str]) -> bool:
        if url.startswith("file:"):
            return True
        return channel.images != REMOTE and is_own_host(url, hosts)

    async def _featured(
        self, channel: Channel, image: MediaRef | None, memo: MediaMemo
    ) -> MediaRef | None:
        if image is None:
            return None
        scheme = urlsplit(image.url).scheme.lower()
        if scheme not in ("http", "https", "file"):
            return None
        if scheme != "file" and channel.images == REMOTE:
            return image if scheme == "https" else None
        settled = await self._settle(image.url, memo)
        if settled.path:
            return MediaRef(settled.path, image.alt)
        return image if settled.kept and scheme == "https" else None

    def _key(self, url: str) -> str:
        if not url.startswith("file:") or self.local_root is None:
            return url
        path = Path(unquote(urlsplit(url).path))
        try:
            return "file:" + path.resolve().relative_to(self.local_root).as_posix()
        except ValueError:
            return url

    async def _settle(self, url: str, memo: MediaMemo) -> Settled:
        key = self._key(url)
        if key in memo.known and self._still_there(memo.known[key]):
            memo.used[key] = memo.known[key]
            return Settled.from_record(memo.known[key])
        if self.dry_run:
            return Settled(kept=True, permanent=False)
        task = self._inflight.get(key)
        first = task is None
        if task is None:
            task = asyncio.ensure_future(self._obtain(url))
            self._inflight[key] = task
        settled, wrote = await task
        if settled.error:
            memo.failures.append(f"image {url[:200]}: {settled.error}")
            logger.warning("importer: image %s: %s", url[:200], settled.error)
        memo.stored += int(wrote and first)
        if settled.permanent:
            memo.used[key] = memo.known[key] = settled.record()
        return settled

    def _still_there(self, record: dict[str, Any]) -> bool:
        """A remembered file that was removed (as an orphan) is fetched again."""
        path = record.get("path")
        return not path or (self.content_root / path).is_file()

    async def _obtain(self, url: str) -> tuple[Settled, bool]:
        """Fetch, check, convert and store one image: (outcome, file written)."""
        try:
            data, declared = await self._bytes(url)
            kind = sniff(data)
            note = declared_mismatch(declared, kind)
            if note:
                logger.info("importer: image %s %s", url[:200], note)
            relative = f"{self.images_dir}/{hashlib.sha256(data).hexdigest()[:20]}.webp"
            if (self.content_root / relative).is_file():
                return Settled(path=relative), False
            processed = await self.workers.process(data)
        except MediaError as exc:
            return Settled(error=str(exc), permanent=exc.permanent), False
        except FetchError as exc:
            return Settled(error=str(exc), permanent=_permanent(exc)), False
        if processed.pixel:
            return Settled(pixel=True), False
        atomic_write_bytes(self.content_root / relative, processed.data)
        self.stored.add(relative)
        return Settled(path=relative), True

    async def _bytes(self, url: str) -> tuple[bytes, str | None]:
        if url.startswith("file:"):
            return self._local_bytes(url), None
        if self._fetcher is None:
            raise MediaError("no fetcher for images in this run", permanent=False)
        result = await self._fetcher.fetch(
            url, accept=IMAGE_ACCEPT, max_bytes=self.max_bytes
        )
        return result.body, result.header("content-type")

    def _local_bytes(self, url: str) -> bytes:
        """A demo feed's image: a file inside the registry's folder."""
        path = Path(unquote(urlsplit(url).path)).resolve()
        if self.local_root is None or not path.is_relative_to(self.local_root):
            raise MediaError("not a file next to the feed")
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise MediaError(f"{size} bytes, over the {self.max_bytes}-byte cap")
            return path.read_bytes()
        except OSError as exc:
            raise MediaError(f"cannot be read ({exc.strerror})") from exc


def _permanent(exc: FetchError) -> bool:
    """Refusals and 4xx answers are remembered; timeouts and 5xx are retried."""
    if isinstance(exc, BlockedAddressError | BodyTooLargeError):
        return True
    return exc.status is not None and 400 <= exc.status < 500 and exc.status != 429


def _body_image(match: re.Match[str], settled: Settled | None) -> str:
    """The Markdown for one body image once its URL is settled."""
    alt, url = match.group(1), match.group(2)
    if settled is None or settled.kept:
        return match.group(0)
    if settled.path:
        return f"![{alt}]({{static}}/{settled.path})"
    if settled.pixel:
        return ""
    return match.group(0) if not url.startswith("file:") else alt
