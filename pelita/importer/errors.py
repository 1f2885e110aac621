"""The importer's exceptions: one family, so callers can catch what they mean."""

from __future__ import annotations

import datetime as dt


class ImporterError(Exception):
    """Something the importer cannot do; the message names the thing and the fix."""


class ImporterConfigError(ImporterError):
    """The ``IMPORTER`` setting or a command-line option is wrong."""


class ChannelConfigError(ImporterError):
    """The channel registry is missing, malformed, or names something unknown."""


class FetchError(ImporterError):
    """A feed (or page, or image) could not be fetched within the limits."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class RetryLater(FetchError):
    """The server asked us to come back later (429/503 with ``Retry-After``)."""

    def __init__(self, message: str, status: int, retry_at: dt.datetime | None) -> None:
        super().__init__(message, status)
        self.retry_at = retry_at


class BlockedAddressError(FetchError):
    """A URL resolves to an address the network policy forbids (SSRF guard)."""


class FeedError(ImporterError):
    """The fetched document is not a usable feed (an HTML page, empty, broken)."""


class ImportLockedError(ImporterError):
    """Another import holds the state file's lock."""


class MediaError(ImporterError):
    """An image that cannot be used: refused, broken or too large.

    The post is written without it; the report counts it per channel.
    ``permanent`` failures (the bytes themselves are the problem) are not
    tried again while the entry stays in its feed; others (a timeout) are.
    """

    def __init__(self, message: str, permanent: bool = True) -> None:
        super().__init__(message)
        self.permanent = permanent
