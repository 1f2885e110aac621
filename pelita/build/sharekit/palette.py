"""The kit cards' fonts and colours, taken from the theme's tokens."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pelita.build.ogcard.card import CardStyle
from pelita.build.ogcard.tokens import VERDICT_TOKENS, read_color_tokens, require
from pelita.core.schema import verdict_of

# Card colour -> theme token (``--color-<token>`` in tokens.css).
TOKENS: dict[str, str] = {
    "background": "brand-strong",
    "band": "brand",
    "on_brand": "on-brand",
    "flame": "flame",
    "ink": "text",
    "muted_ink": "muted",
    "award_bg": "award-bg",
    "award_ink": "award-text",
    "surface": "bg",
    "on_verdict": "on-verdict",
}


@dataclass(frozen=True)
class Palette:
    """Fonts and colours of every kit card."""

    font_bold: str
    font_regular: str
    background: str
    band: str
    on_brand: str
    flame: str
    ink: str
    muted_ink: str
    award_bg: str
    award_ink: str
    surface: str
    on_verdict: str
    # Verdict (case-folded, as in the post schema) -> its stamp colour.
    verdicts: dict[str, str] = field(default_factory=dict)

    @property
    def soft_on_brand(self) -> str:
        """Secondary text on the brand colour: 80 % of the way to white."""
        return mix(self.background, self.on_brand, 0.8)

    def verdict(self, verdict: str) -> str:
        """The colour of a verdict stamp; the band's colour when unknown."""
        known = verdict_of(verdict)
        if known is None:
            return self.band
        return self.verdicts.get(known.name.casefold(), self.band)

    def mark_style(self) -> CardStyle:
        """The style ogcard's lamp mark is drawn with."""
        return CardStyle(
            self.font_bold, self.font_regular, accent=self.flame, text=self.on_brand
        )

    def fingerprint(self) -> str:
        """Changes when a colour or a font file changes (part of the cache key)."""
        digest = hashlib.sha256()
        for key, value in sorted(asdict(self).items()):
            shown = value
            if key.startswith("font_"):
                shown = f"{Path(value).name}:{Path(value).stat().st_size}"
            digest.update(f"{key}={shown};".encode())
        return digest.hexdigest()[:16]


def load_palette(tokens_file: Path, font_bold: str, font_regular: str) -> Palette:
    """The palette from the theme's tokens file (an error names what is missing)."""
    tokens = read_color_tokens(tokens_file)
    require(tokens, [*TOKENS.values(), *VERDICT_TOKENS.values()], tokens_file)
    colours = {key: tokens[name] for key, name in TOKENS.items()}
    verdicts = {key: tokens[name] for key, name in VERDICT_TOKENS.items()}
    return Palette(
        font_bold=font_bold, font_regular=font_regular, verdicts=verdicts, **colours
    )


def mix(start: str, end: str, amount: float) -> str:
    """The colour ``amount`` (0..1) of the way from ``start`` to ``end``."""
    a = [int(start[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(end[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True)
    )
