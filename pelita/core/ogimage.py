"""A post's og:image (its link preview picture), chosen in one place.

Three plugins have a picture to offer a post: ``images`` (the post's own
photo), ``ogcard`` (a drawn card: a verdict card for a clarification, a plain
card for a post without a photo) and ``sharekit`` (the share kit's link card).
None of them sets ``article.og_image``: each :func:`offer` s its picture, and
:func:`write_og_images`, the one writer, sets it once every generator has
made its context (Pelican's ``all_generators_finalized``), by
:data:`PRECEDENCE`. So the result no longer depends on which plugin runs last.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Best first. A kit's link card shows the headline (and a clarification's
# verdict) even in a preview; a verdict card must win over the photo of a
# hoax; a photo draws readers in; a plain card is better than nothing.
PRECEDENCE: tuple[str, ...] = ("kit_card", "verdict_card", "photo", "card")
_OFFERS = "_og_image_offers"


def offer(article: Any, kind: str, image: Mapping[str, Any]) -> None:
    """Offer ``image`` (``path``, ``width``, ``height``, ``alt``) as ``kind``."""
    if kind not in PRECEDENCE:
        raise ValueError(f"og:image offer {kind!r}: expected one of {PRECEDENCE}")
    offers = getattr(article, _OFFERS, None)
    if offers is None:
        offers = {}
        setattr(article, _OFFERS, offers)
    offers[kind] = dict(image)


def offers(article: Any) -> Mapping[str, Mapping[str, Any]]:
    """What has been offered to ``article`` so far, by kind."""
    return getattr(article, _OFFERS, None) or {}


def choose(offered: Mapping[str, Mapping[str, Any]]) -> dict[str, Any] | None:
    """The offer that wins by :data:`PRECEDENCE` (None when there is none)."""
    for kind in PRECEDENCE:
        if kind in offered:
            return dict(offered[kind])
    return None


def write_og_images(generators: Iterable[Any]) -> None:
    """Set ``og_image`` of every post with an offer: the only place that does."""
    for generator in generators:
        for name in ("articles", "hidden_articles", "drafts"):
            for article in getattr(generator, name, None) or ():
                chosen = choose(offers(article))
                if chosen is not None:
                    article.og_image = chosen
