"""The "tentang" (about) page, made from the city block and the registries.

``facts`` (pure) counts what the page says about the city; ``render`` fills
the Markdown template; ``plugin`` adds the page to Pelican's pages unless an
admin wrote their own page with the same slug.
"""

from .facts import CityFacts, city_facts
from .plugin import register
from .render import render_about

__all__ = ["CityFacts", "city_facts", "register", "render_about"]
