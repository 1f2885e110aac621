"""The body a new post starts with: new-post's scaffold for its category.

One owner for the scaffolds (``newpost/templates/post.md.j2``): the editor
shows the same sections ``invoke new-post`` writes, and ``invoke check``
refuses a post that still has a ``[[…]]`` placeholder.
"""

from __future__ import annotations

from pelita.core.schema import ROLE_DEFAULTS, CategoryRoles
from pelita.tools.newpost.render import render_post

from .kinds import category_of

_EMPTY_ANSWERS = dict.fromkeys(
    (
        "title", "date", "tags", "slug", "kecamatan", "kelurahan", "opd",
        "penghargaan", "pemberi", "tingkat", "penerima", "tahun", "bukti",
        "klaim", "putusan", "image_alt", "summary",
    ),
    "",
)  # fmt: skip


def body_scaffold(kind: str, roles: CategoryRoles = ROLE_DEFAULTS) -> str:
    """The Markdown body new-post writes for a post of this form's category."""
    answers = {**_EMPTY_ANSWERS, "category": category_of(kind, roles)}
    text = render_post(answers, roles=roles)
    return text.split("\n\n", 1)[1] if "\n\n" in text else ""
