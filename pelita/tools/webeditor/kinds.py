"""The editor's three forms and the category each one writes.

The categories come from ``CATEGORY_ROLES`` (``pelita.core.schema``): the
achievements category gets the "prestasi" form, the clarifications category
the "klarifikasi" form, every other category the "kabar" form.
"""

from __future__ import annotations

from pelita.core.schema import ROLE_DEFAULTS, CategoryRoles

DEFAULT_KIND = "kabar"


def kinds(roles: CategoryRoles = ROLE_DEFAULTS) -> dict[str, str]:
    """Category -> form, for the categories that have a form of their own."""
    return {roles.achievements: "prestasi", roles.clarifications: "klarifikasi"}


def category_of(kind: str, roles: CategoryRoles = ROLE_DEFAULTS) -> str:
    """The category a form writes ("" for the kabar form, which lets admins pick)."""
    return {form: category for category, form in kinds(roles).items()}.get(kind, "")
