"""Bounded decompression: the size cap is counted on the decompressed bytes.

httpx's own decoders inflate a whole network chunk at once, so a 64 KiB
chunk of a gzip bomb can become hundreds of megabytes before any cap sees
it. Here every ``decompress`` call is limited to what is left under the cap,
so memory stays at the cap whatever the compression ratio.
"""

from __future__ import annotations

import zlib

from pelita.importer.errors import FetchError

SUPPORTED_ENCODINGS = ("identity", "gzip", "x-gzip", "deflate")


class BodyTooLargeError(FetchError):
    """The body (after decompression) is larger than the cap."""


class BoundedDecoder:
    """Decode one ``Content-Encoding`` without ever exceeding ``limit`` bytes."""

    def __init__(self, encoding: str | None, limit: int) -> None:
        encoding = (encoding or "identity").strip().lower()
        if encoding not in SUPPORTED_ENCODINGS:
            raise FetchError(
                f"unsupported Content-Encoding {encoding!r}; Pelita accepts "
                "gzip and deflate"
            )
        self.encoding = encoding
        self.limit = limit
        self.size = 0
        self._inflater = self._new_inflater()
        self._first = True

    def _new_inflater(self) -> zlib._Decompress | None:
        if self.encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if self.encoding == "deflate":
            return zlib.decompressobj(zlib.MAX_WBITS)
        return None

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise BodyTooLargeError(
                f"the body is larger than {_mib(self.limit)} after decompression "
                "(IMPORTER['max_bytes'])"
            )
        return data

    def feed(self, chunk: bytes) -> bytes:
        """Decode one raw chunk; raise ``BodyTooLargeError`` past the limit."""
        if self._inflater is None:
            return self._count(chunk)
        if self._first and self.encoding == "deflate":
            self._first = False
            self._maybe_raw_deflate(chunk)
        parts = []
        data = chunk
        while data:
            room = self.limit - self.size + 1
            out = self._inflate(data, room)
            parts.append(self._count(out))
            data = self._inflater.unconsumed_tail
            if self._inflater.eof:
                data = self._next_member(self._inflater.unused_data)
            elif not out and not data:
                break
        return b"".join(parts)

    def _next_member(self, rest: bytes) -> bytes:
        """Start the next gzip member, or drop trailing bytes that are not one."""
        if rest.startswith(b"\x1f\x8b") and self.encoding != "deflate":
            self._inflater = self._new_inflater()
            return rest
        return b""

    def _inflate(self, data: bytes, room: int) -> bytes:
        try:
            return self._inflater.decompress(data, room)
        except zlib.error as exc:
            raise FetchError(f"the {self.encoding} body is corrupt: {exc}") from exc

    def _maybe_raw_deflate(self, chunk: bytes) -> None:
        """Some servers send raw deflate (no zlib header) as ``deflate``."""
        try:
            zlib.decompressobj(zlib.MAX_WBITS).decompress(chunk[:64], 1)
        except zlib.error:
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)

    def finish(self) -> bytes:
        """Flush what the decompressor still holds."""
        if self._inflater is None:
            return b""
        return self._count(self._inflater.flush(self.limit - self.size + 1))


def _mib(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MiB"
    return f"{size} bytes"
