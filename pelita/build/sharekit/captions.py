"""Ready-to-copy Indonesian captions, one per card.

- the feed card (Instagram, Facebook) gets the full text: headline, summary,
  the award or the claim and facts, the link and every hashtag;
- the story card (Instagram story, WhatsApp status) a line, the link and a
  few hashtags, since little text shows over a story;
- the link card (a WhatsApp message, X, Telegram) WhatsApp's ``*bold*``, the
  link and a few hashtags, within X's 280 characters (a link counts 23).

The link is the post's canonical URL; the verdict is written ``[HOAKS]``, the
way Indonesian fact-checks label a claim.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .model import KitFacts

X_LIMIT = 280
X_LINK_WEIGHT = 23
STATUS_HASHTAGS = 3


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to ``limit`` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)].rsplit(" ", 1)[0].rstrip(" ,.;:—-")
    return f"{cut}…" if cut else "…"


def award_sentence(facts: KitFacts) -> str:
    """The award in a sentence (X meraih Y dari Z) from the fields there are."""
    if not facts.award:
        return ""
    sentence = (
        f"{facts.recipient} meraih {facts.award}"
        if facts.recipient
        else f"Penghargaan: {facts.award}"
    )
    if facts.giver:
        sentence += f" dari {facts.giver}"
    if facts.level:
        sentence += f" (tingkat {facts.level.lower()})"
    return sentence + "."


def verdict_label(facts: KitFacts) -> str:
    """``[HOAKS]``, ``[TIDAK TEPAT]``, ``[BENAR]``; empty without a verdict."""
    return f"[{facts.verdict.upper()}]" if facts.verdict else ""


def _fact(facts: KitFacts) -> str:
    """What a clarification says is true: its summary, else its headline."""
    return facts.summary or facts.title


def _join(*parts: str) -> str:
    """Paragraphs separated by blank lines, empty ones left out."""
    return "\n\n".join(part for part in parts if part)


def _award_lines(facts: KitFacts) -> str:
    lines = [
        f"Penghargaan: {facts.award}" if facts.award else "",
        f"Tingkat: {facts.level}" if facts.level else "",
        f"Penerima: {facts.recipient}" if facts.recipient else "",
        f"Pemberi: {facts.giver}" if facts.giver else "",
    ]
    return "\n".join(line for line in lines if line)


def feed_caption(facts: KitFacts) -> str:
    """The full caption for the 4:5 feed card."""
    tags = " ".join(facts.hashtags)
    if facts.is_clarification:
        claim = f"Klaim: {facts.claim}" if facts.claim else ""
        source = f"Sumber: {facts.source}" if facts.source else ""
        return _join(
            f"{verdict_label(facts)} {facts.title}".strip(),
            claim,
            f"Faktanya: {_fact(facts)}",
            source,
            f"Penjelasan lengkap: {facts.url}",
            tags,
        )
    return _join(
        facts.title,
        facts.summary or award_sentence(facts),
        _award_lines(facts),
        f"Selengkapnya: {facts.url}",
        tags,
    )


def status_caption(facts: KitFacts) -> str:
    """A short caption for a story or WhatsApp status."""
    tags = " ".join(facts.hashtags[:STATUS_HASHTAGS])
    if facts.is_clarification:
        first = f"{verdict_label(facts)} {facts.claim or facts.title}".strip()
        return _join(shorten(first, 160), f"Cek faktanya: {facts.url}", tags)
    return _join(facts.title, f"Selengkapnya: {facts.url}", tags)


def x_length(text: str) -> int:
    """Length as X counts it: every link weighs 23 characters."""
    return len(re.sub(r"https?://\S+", "x" * X_LINK_WEIGHT, text))


def link_caption(facts: KitFacts) -> str:
    """The message sent with the link: WhatsApp bold, within 280 for X."""
    tags = " ".join(facts.hashtags[:STATUS_HASHTAGS])
    if facts.is_clarification:
        head = f"*{verdict_label(facts)}* {facts.claim or facts.title}".strip()
        body = f"*Faktanya:* {_fact(facts)}"
        tail = f"Penjelasan resmi: {facts.url}"
    else:
        head = f"*{facts.title}*"
        body = facts.summary or award_sentence(facts)
        tail = f"Selengkapnya: {facts.url}"
    text = _join(head, body, tail, tags)
    excess = x_length(text) - X_LIMIT
    if excess > 0 and body:
        body = shorten(body, max(0, len(body) - excess))
        text = _join(head, body, tail, tags)
    if x_length(text) > X_LIMIT:
        plain = head.replace("*", "")
        text = _join(shorten(plain, X_LIMIT - x_length(tail) - 2), tail)
    return text


def captions(facts: KitFacts) -> dict[str, str]:
    """Caption per card format name."""
    return {
        "portrait": feed_caption(facts),
        "story": status_caption(facts),
        "link": link_caption(facts),
    }


def whatsapp_url(text: str) -> str:
    """A wa.me link that opens WhatsApp with ``text`` ready to send."""
    return "https://wa.me/?text=" + quote(text, safe="")
