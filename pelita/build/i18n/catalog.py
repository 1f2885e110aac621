"""Load a .po catalog into gettext translations, compiling it in memory."""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

SOURCE_LANGUAGE = "en"
DOMAIN = "messages"


class CatalogError(ValueError):
    """A catalog is missing or cannot be read."""


def catalog_path(translations_dir: Path, language: str, domain: str = DOMAIN) -> Path:
    """Where the .po file of ``language`` lives under ``translations_dir``."""
    return translations_dir / language / "LC_MESSAGES" / f"{domain}.po"


def available_languages(translations_dir: Path, domain: str = DOMAIN) -> list[str]:
    """Languages with a catalog under ``translations_dir``, sorted."""
    if not translations_dir.is_dir():
        return []
    return sorted(
        child.name
        for child in translations_dir.iterdir()
        if catalog_path(translations_dir, child.name, domain).is_file()
    )


def load_translations(
    translations_dir: Path, language: str, domain: str = DOMAIN
) -> gettext.NullTranslations:
    """Return translations for ``language``; the source language needs none.

    Raises :class:`CatalogError` naming the expected file and the languages
    that do have a catalog when ``language`` has none.
    """
    if language.split("_", maxsplit=1)[0] == SOURCE_LANGUAGE:
        return NullTranslations()
    path = catalog_path(translations_dir, language, domain)
    if not path.is_file():
        have = available_languages(translations_dir, domain)
        raise CatalogError(
            f"i18n: no catalog for language {language!r}: expected {path}; "
            f"languages with a catalog: {', '.join(have) or 'none'} "
            f"(and {SOURCE_LANGUAGE!r}, the templates' own language)"
        )
    return _compiled(path, path.stat().st_mtime_ns, language)


@lru_cache(maxsize=8)
def _compiled(path: Path, mtime_ns: int, language: str) -> Translations:
    """Compile ``path`` to .mo bytes in memory (cached per file version)."""
    del mtime_ns  # part of the cache key only
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    except Exception as error:
        raise CatalogError(f"i18n: cannot read {path}: {error}") from error
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)
