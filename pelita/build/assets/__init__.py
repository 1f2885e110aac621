"""The theme's files, published under fingerprinted names.

Templates name a theme file with the ``asset`` filter
(``{{ SITEURL }}/{{ "css/pages/article.css"|asset }}``) and get its
published path (``theme/css/pages/article.3f9a2b1c7e.css``); the plugin
writes every published file into ``output/<THEME_STATIC_DIR>/`` at the end
of the build. See :mod:`pelita.core.themeassets`.
"""

from .plugin import register

__all__ = ["register"]
