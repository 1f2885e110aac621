"""What a slug may be: ``[a-z0-9]`` words joined by single hyphens.

A slug becomes a folder and a URL (``/berita/<slug>/``), is printed into
``href`` attributes on every list the post is on, and names the post's
image folder. Allowing nothing but lower-case ASCII letters, digits and
single hyphens keeps it inert wherever it goes (no quote, angle bracket,
slash, dot or space can reach an attribute or a path). ``invoke check``,
the build guard, new-post, the web editor and the importer share this rule
and :func:`make_slug`, which turns any text into the closest valid slug.
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def make_slug(text: str) -> str:
    """An ASCII slug of ``text`` (may be empty for an emoji-only text).

    Transliterated with Unidecode as Pelican does, every other character run
    becomes one hyphen, and a slug over :data:`MAX_SLUG` characters is cut
    at a hyphen.
    """
    ascii_text = unidecode(unicodedata.normalize("NFKC", text)).lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG]
        slug = slug[: slug.rindex("-")] if "-" in slug[MAX_SLUG // 2 :] else slug
    return slug.strip("-")


def is_valid_slug(value: str) -> bool:
    """Whether ``value`` is a slug as Pelita allows it."""
    return bool(SLUG_RE.match(str(value)))


def closest_slug(value: str, fallback: str = "tulisan") -> str:
    """The valid slug nearest ``value`` (``fallback`` when nothing is left)."""
    return make_slug(str(value)) or fallback


def slug_problem(value: str, fallback: str = "tulisan") -> tuple[str, str] | None:
    """None for a valid slug, else the message and the closest valid slug.

    The words ``invoke check`` and the build guard both print.
    """
    if is_valid_slug(value):
        return None
    better = closest_slug(value, fallback)
    return (
        f'Slug "{value}" memuat huruf besar, spasi, atau tanda baca',
        f'pakai huruf kecil, angka, dan tanda hubung: "{better}"',
    )
