"""Install gettext into every generator's Jinja environment."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican import signals

from pelita.core.settings import I18N, merge_settings

from .catalog import DOMAIN, load_translations

logger = logging.getLogger(__name__)


def install_gettext(generator: Any) -> None:
    """Add ``jinja2.ext.i18n`` and the site language's catalog to the env."""
    options = merge_settings(generator.settings, I18N)
    language = options["language"] or generator.settings.get("DEFAULT_LANG") or "id"
    directory = Path(generator.theme) / options["translations_dir"]
    translations = load_translations(directory, language, DOMAIN)
    env = generator.env
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations, newstyle=True)
    logger.debug("i18n: %s catalog installed for %s", language, type(generator))


def register() -> None:
    """Pelican entry point."""
    signals.generator_init.connect(install_gettext)
