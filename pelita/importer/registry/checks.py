"""The importer's own checks of a channel: what fetching needs.

The fields every reader shares are checked by
:mod:`pelita.core.registries.channelfields`.
"""

from __future__ import annotations

from pelita.core.registries.channelfields import Report, hint
from pelita.importer.model import IMAGE_MODES


def check_images(value: object, report: Report) -> str:
    """``download`` (the default) or ``remote`` (keep the images' https URLs)."""
    if not isinstance(value, str):
        return IMAGE_MODES[0]  # absent, or reported as "not text" already
    if value not in IMAGE_MODES:
        report(
            "images",
            f"{value!r} is not allowed; allowed: {', '.join(IMAGE_MODES)}"
            + hint(str(value), IMAGE_MODES),
        )
        return IMAGE_MODES[0]
    return str(value)
