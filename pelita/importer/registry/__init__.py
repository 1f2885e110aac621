"""The channel registry, ``data/channels.yml``: loaded and checked field by field.

An HTML channel's ``html:`` selectors are checked here too, so a broken
registry is refused before any fetch.
"""
