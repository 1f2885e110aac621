"""The about page's Markdown, from its template and the city's facts."""

from __future__ import annotations

import html
import re
from dataclasses import asdict
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .facts import CityFacts

TEMPLATES = Path(__file__).parent / "templates"
# Python-Markdown's escapable punctuation (with extra's): a city's name is
# text, never markup.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!:|>])")


def markdown_text(value: object) -> str:
    """``value`` as literal text inside a Markdown paragraph (one line)."""
    text = html.escape(" ".join(str(value).split()), quote=False)
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def metadata_text(value: object) -> str:
    """``value`` as one line of a Markdown metadata field."""
    return " ".join(str(value).split())


def render_about(facts: CityFacts, template: str = "tentang.md.j2") -> str:
    """The Markdown source of the about page (metadata and body)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown: values go through the md and meta filters
    )
    env.filters["md"] = markdown_text
    env.filters["meta"] = metadata_text
    return env.get_template(template).render(**asdict(facts))
