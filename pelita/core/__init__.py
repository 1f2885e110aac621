"""The pure layer: what the build plugins, the importer and the tools share.

Nothing here imports Pelican, ``pelita.build``, ``pelita.importer`` or
``pelita.tools``, so a tool or the importer can use a registry, the HTML
allow-lists or a domain core (wilayah tagging, prestasi classifying, ralat
parsing, Indonesian dates) without loading a build plugin.
"""
