"""Pelita's Pelican plugins, one job each, listed by dotted name in PLUGINS.

Each plugin is a thin adapter: it connects Pelican signals and hands the
work to ``pelita.core``. A build plugin never imports ``pelita.importer``
or ``pelita.tools``.
"""
