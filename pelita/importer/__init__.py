"""Feed importer: the city's channels into Markdown posts under content/.

``invoke import-feeds`` (``pelita.importer.cli.run_import``) fetches the
registry's feeds and writes posts. It never loads Pelican: the build-time
half (re-sanitizing imported posts, giving templates the channel) is the
build plugin ``pelita.build.imported``.

The subpackages, in the order a run uses them: ``registry`` (the channels),
``fetching`` (network, SSRF guard), ``feeds`` (documents into clean
entries), ``htmlchannels`` (channels without a feed), ``media`` (images),
``writing`` (posts, state, report), ``stories`` (grouping after a run);
``run`` drives them for many channels at once, ``cli`` is the command, and
``channeladd`` is ``invoke channel-add``.
"""
