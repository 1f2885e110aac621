"""The channel health page (``/kanal/``) for the channels' admins.

``health`` (pure) turns the importer's registry, state and last report into
one line per channel; ``messages`` says the importer's errors in plain
Indonesian; the Pelican generator in ``plugin`` writes the page.
"""

from .health import ChannelHealth, channel_health, counts
from .messages import indonesian_error
from .plugin import register

__all__ = ["ChannelHealth", "channel_health", "counts", "indonesian_error", "register"]
