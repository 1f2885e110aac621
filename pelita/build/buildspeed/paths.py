"""Whether a metadata value or link looks like a file under content/."""

from __future__ import annotations


def looks_like_file(value: str) -> bool:
    """``images/2025/foto.jpg`` does; a title, a date or a bare word does not."""
    return "/" in value and "." in value.rsplit("/", 1)[-1] and " " not in value
