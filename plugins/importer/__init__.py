"""Feed importer: the city's channels into Markdown posts under content/.

Two faces: ``invoke import-feeds`` (``importer.cli.run_import``) fetches the
registry's feeds and writes posts; as a Pelican plugin (``register``) it
re-sanitizes imported posts at build time and gives templates the channel.
The plugin part is imported lazily, so the import command does not pay for
loading Pelican.
"""


def register() -> None:
    """Connect the build-time handlers (Pelican calls this)."""
    from .plugin import connect  # noqa: PLC0415 - loads Pelican only for builds

    connect()
