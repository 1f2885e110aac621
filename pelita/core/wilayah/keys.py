"""Comparison keys for names: case, accents, spaces and hyphens folded away."""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(value: str) -> str:
    """Return the key "Tanjung-Mas", "TANJUNGMAS" and "tanjung mas" share.

    Unlike ``registries.normalize_name`` this keeps words such as "Kota" or
    "Desa": "Kota Lama" is a place, not "Lama".
    """
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", text.casefold())
