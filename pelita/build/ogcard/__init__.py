"""Link-preview cards (1200x630 PNG) drawn with Pillow.

Posts without a photo still need an image when shared on WhatsApp or
Facebook; hoax clarifications get a card that shows the verdict even in the
preview. The text fitting (``textfit``) and drawing (``card``) are plain
functions, reusable for other share images.
"""

from .card import CardSpec, CardStyle, encode_png, render_card
from .plugin import register
from .textfit import FittedText, clean_text, fit_text, load_font, wrap_text

__all__ = [
    "CardSpec",
    "CardStyle",
    "FittedText",
    "clean_text",
    "encode_png",
    "fit_text",
    "load_font",
    "register",
    "render_card",
    "wrap_text",
]
