"""Turn the answers into the Markdown of a new post, from a template file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

from pelita.core.schema import ROLE_DEFAULTS, CategoryRoles

TEMPLATES = Path(__file__).parent / "templates"
MAX_SLUG_LENGTH = 60


# Pelican's default slug rules (SLUG_REGEX_SUBSTITUTIONS).
SLUG_SUBSTITUTIONS = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]


def slug_for(title: str, substitutions: list | None = None) -> str:
    """The slug of a title as Pelican makes it, cut at a word boundary."""
    slug = slugify(title, regex_subs=substitutions or SLUG_SUBSTITUTIONS)
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    return slug[: MAX_SLUG_LENGTH + 1].rsplit("-", 1)[0]


def render_post(
    answers: Mapping[str, str],
    image_path: str = "",
    roles: CategoryRoles = ROLE_DEFAULTS,
) -> str:
    """The post's text: metadata filled in, the body to write marked [[…]].

    ``roles`` says which category gets the award fields, which the claim and
    verdict, and which the service outline (``CATEGORY_ROLES``).
    """
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML; values are single plain lines
    )
    fields = {key: answers.get(key, "") for key in _KEYS}
    return env.get_template("post.md.j2").render(
        **fields, image_path=image_path, roles=roles
    )


_KEYS = (
    "title",
    "date",
    "category",
    "tags",
    "slug",
    "opd",
    "kecamatan",
    "kelurahan",
    "summary",
    "penghargaan",
    "pemberi",
    "tingkat",
    "penerima",
    "tahun",
    "bukti",
    "klaim",
    "putusan",
    "image_alt",
)
