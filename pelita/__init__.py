"""Pelita: one public hub for the news and achievements of a city's channels.

Four layers, each in its own subpackage (see the README's Layout):

- ``pelita.core``: pure code every other layer shares (registries, HTML
  safety, settings merge, the domain cores); it never imports Pelican or
  another layer.
- ``pelita.importer``: the offline feed importer (``invoke import-feeds``).
- ``pelita.build``: the Pelican plugins, listed in ``PLUGINS`` by dotted
  name (``"pelita.build.wilayah"``); thin adapters over the core.
- ``pelita.tools``: command-line tools (check, new-post, deploy, site
  check, search index).
"""
