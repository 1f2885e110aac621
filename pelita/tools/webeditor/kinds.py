"""The editor's three forms and the category each one writes."""

from __future__ import annotations

ACHIEVEMENTS = "Prestasi"
CLARIFICATIONS = "Klarifikasi"
# Category -> form; every other category is written with the "kabar" form.
KINDS = {ACHIEVEMENTS: "prestasi", CLARIFICATIONS: "klarifikasi"}
DEFAULT_KIND = "kabar"


def category_of(kind: str) -> str:
    """The category a form writes ("" for the kabar form, which lets admins pick)."""
    return {form: category for category, form in KINDS.items()}.get(kind, "")
