"""Share kits: cards and captions that let every admin spread the city's news.

For every achievement (the prestasi plugin's ``article.prestasi``) and every
Klarifikasi post, the build draws with Pillow a 1080x1350 feed card, a
1080x1920 story card and the 1200x630 link card (also the post's og:image),
writes a ready-to-copy Indonesian caption for each, and lists the kits of
the last 30 days on ``/bagikan/``. Cards are cached by a hash of what they
show, so a rebuild draws only new or changed posts.
"""

from .captions import captions, whatsapp_url
from .design import compose, render
from .facts import kit_articles, kit_facts
from .hashtags import hashtag, hashtags
from .model import FORMATS, LINK, PORTRAIT, STORY, Card, CardFormat, Kit, KitFacts
from .palette import load_palette
from .plugin import register
from .recent import recent_kits

__all__ = [
    "FORMATS",
    "LINK",
    "PORTRAIT",
    "STORY",
    "Card",
    "CardFormat",
    "Kit",
    "KitFacts",
    "captions",
    "compose",
    "hashtag",
    "hashtags",
    "kit_articles",
    "kit_facts",
    "load_palette",
    "recent_kits",
    "register",
    "render",
    "whatsapp_url",
]
