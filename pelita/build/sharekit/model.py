"""A share kit's vocabulary: what a post's cards say, the card formats, a kit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

KIND_ACHIEVEMENT = "prestasi"
KIND_CLARIFICATION = "klarifikasi"


@dataclass(frozen=True)
class KitFacts:
    """What the cards and captions of one post say, as plain text.

    ``kind`` is :data:`KIND_ACHIEVEMENT` or :data:`KIND_CLARIFICATION`;
    award fields are empty on clarifications, claim fields on achievements.
    ``url`` is the post's canonical address (absolute when the site's is),
    ``short_url`` the same without scheme or trailing slash, for printing.
    """

    kind: str
    title: str
    date: str
    site: str
    url: str
    short_url: str
    summary: str = ""
    # The post's category as the site names it (the clarification card's
    # label follows a renamed category).
    category: str = ""
    award: str = ""
    level: str = ""
    recipient: str = ""
    giver: str = ""
    claim: str = ""
    verdict: str = ""
    source: str = ""
    hashtags: tuple[str, ...] = ()

    @property
    def is_clarification(self) -> bool:
        """True for a hoax clarification."""
        return self.kind == KIND_CLARIFICATION


@dataclass(frozen=True)
class CardFormat:
    """One card size, what it is for, and the smallest text it may carry.

    ``label`` names it on a post's page, ``short`` under a thumbnail.
    """

    name: str
    width: int
    height: int
    label: str
    short: str

    @property
    def min_text(self) -> int:
        """Smallest legible text in pixels: 1/36 of the width.

        A card is seen about 360 px wide on a phone, a third of its
        1080 px, so 30 px text shows at 10 px: the smallest size phone
        interfaces use for captions.
        """
        return round(self.width / 36)


PORTRAIT = CardFormat("portrait", 1080, 1350, "Instagram & Facebook (4:5)", "Feed")
STORY = CardFormat("story", 1080, 1920, "Story & status WhatsApp (9:16)", "Story")
LINK = CardFormat("link", 1200, 630, "Pratinjau tautan (1,91:1)", "Tautan")
FORMATS: tuple[CardFormat, ...] = (PORTRAIT, STORY, LINK)


@dataclass(frozen=True)
class Card:
    """One drawn card as the pages show it: image, thumbnail, caption."""

    format: CardFormat
    path: str
    thumb: str
    thumb_width: int
    thumb_height: int
    bytes: int
    download_name: str
    caption: str
    # The smaller thumbnail, for narrow slots (``srcset``; see cards.ThumbWidths).
    thumb_small: str = ""
    thumb_small_width: int = 0

    @property
    def width(self) -> int:
        """Pixel width of the card."""
        return self.format.width

    @property
    def height(self) -> int:
        """Pixel height of the card."""
        return self.format.height


@dataclass(frozen=True)
class Kit:
    """A post's share kit: its facts, three cards and the WhatsApp link.

    ``page`` is the post's URL path (``prestasi/adipura/``), for links that
    follow the site's relative or absolute URLs.
    """

    facts: KitFacts
    date: dt.datetime
    page: str
    cards: tuple[Card, ...]
    whatsapp_url: str

    def card(self, name: str) -> Card:
        """The card of one format ("portrait", "story", "link")."""
        return next(card for card in self.cards if card.format.name == name)
