"""Pelita's command-line tools (run through ``invoke``), not Pelican plugins.

They may use ``pelita.core`` and each other, never a build plugin.
"""
