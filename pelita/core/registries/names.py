"""Name normalisation and closest-match suggestions shared by all registries."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_PREFIXES = re.compile(
    r"^(?:kecamatan|kelurahan|kec|kel|desa|kota|kabupaten|kab)\.?\s+", re.IGNORECASE
)


def normalize_name(value: str) -> str:
    """Fold case, accents, punctuation and spacing so spellings compare equal.

    "KEC. Gunung  Pati" and "gunungpati" both become "gunungpati": Indonesian
    place names are written with and without inner spaces ("Tanjung Mas",
    "Tanjungmas"), so spaces are dropped from the key.
    """
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PREFIXES.sub("", text.strip())
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def slugify_name(value: str) -> str:
    """Return the URL slug of a name: "Semarang Tengah" -> "semarang-tengah"."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^0-9a-z]+", "-", text).strip("-")


def closest(value: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """Return up to ``limit`` of ``choices`` closest to ``value``, best first."""
    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(normalize_name(choice), choice)
    keys = difflib.get_close_matches(normalize_name(value), by_key, limit, 0.6)
    return [by_key[key] for key in keys]
