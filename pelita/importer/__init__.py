"""Feed importer: the city's channels into Markdown posts under content/.

``invoke import-feeds`` (``pelita.importer.cli.run_import``) fetches the
registry's feeds and writes posts. It never loads Pelican: the build-time
half (re-sanitizing imported posts, giving templates the channel) is the
build plugin ``pelita.build.imported``.
"""
