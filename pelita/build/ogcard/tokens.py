"""The theme's colour tokens, read from its CSS, for images drawn at build time.

Cards must wear the city's colours. The theme keeps every colour as a custom
property in one tokens file (``--color-brand: #0b5394;``); reading the light
scheme's ``:root`` block from that file means a city that re-skins the site
there re-skins its cards too, with no second list of colours to forget.
"""

from __future__ import annotations

import re
from pathlib import Path

from pelita.core.schema import VERDICT_SET

from .card import CardStyle

_ROOT_BLOCK = re.compile(r"(?<![\w-]):root\s*\{(?P<body>[^{}]*)\}", re.DOTALL)
_COLOR = re.compile(
    r"--color-(?P<name>[a-z0-9-]+)\s*:\s*(?P<value>#[0-9a-fA-F]{3,8})\b"
)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


class TokenError(ValueError):
    """The tokens file is missing, or lacks a colour a card needs."""


def read_color_tokens(path: str | Path) -> dict[str, str]:
    """``{"brand": "#0b5394", ...}`` from the first top-level ``:root`` block.

    Only the first block counts: later ones (inside ``@media
    (prefers-color-scheme: dark)``) are the dark scheme, which a shared image
    cannot follow.
    """
    path = Path(path)
    try:
        css = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TokenError(
            f"ogcard: cannot read colour tokens from {path}: {error}"
        ) from error
    match = _ROOT_BLOCK.search(_COMMENT.sub("", css))
    if match is None:
        raise TokenError(f"ogcard: {path} has no :root {{ ... }} block of tokens")
    return {
        found["name"]: _long_hex(found["value"])
        for found in _COLOR.finditer(match["body"])
    }


def require(tokens: dict[str, str], names: list[str], path: str | Path) -> None:
    """Fail with the missing token names (and the file) rather than draw wrong."""
    missing = [name for name in names if name not in tokens]
    if missing:
        listed = ", ".join(f"--color-{name}" for name in missing)
        raise TokenError(
            f"ogcard: {path} lacks {listed}; the cards need them "
            f"(found: {', '.join(sorted(tokens)) or 'none'})"
        )


def _long_hex(value: str) -> str:
    """``#abc`` -> ``#aabbcc``; longer forms lower-cased as they are."""
    value = value.lower()
    if len(value) in (4, 5):
        return "#" + "".join(ch * 2 for ch in value[1:])
    return value


# Card colour -> theme token it comes from.
STYLE_TOKENS: dict[str, str] = {
    "background": "brand-strong",
    "band": "brand",
    "text": "on-brand",
    "accent": "flame",
    "accent_text": "text",
}
# Verdict (case-folded) -> its token: every verdict of the post schema.
VERDICT_TOKENS: dict[str, str] = {v.name.casefold(): v.token for v in VERDICT_SET}


def style_from_tokens(
    tokens_file: str | Path, font_bold: str, font_regular: str
) -> CardStyle:
    """A link-card style in the theme's colours (see :data:`STYLE_TOKENS`)."""
    tokens = read_color_tokens(tokens_file)
    require(tokens, [*STYLE_TOKENS.values(), *VERDICT_TOKENS.values()], tokens_file)
    return CardStyle(
        font_bold=font_bold,
        font_regular=font_regular,
        **{key: tokens[name] for key, name in STYLE_TOKENS.items()},
        verdict_colors={key: tokens[name] for key, name in VERDICT_TOKENS.items()},
    )
