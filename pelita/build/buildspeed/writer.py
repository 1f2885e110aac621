"""Pelican's writer, made to replace output files instead of writing into them.

Output files may be hard links into the build's caches (pages, cards and
photo sizes, see :func:`.files.publish_file`). Pelican's writer opens an
existing file for writing, which would change the cached copy through the
link: a development build after a production build rewrote the cached
pages with relative links, and the next production build published them.
This writer unlinks such a file first, so every build writes a file of its
own. It is the writer of every build, with or without the page cache.
"""

from __future__ import annotations

from typing import Any

from pelican.writers import Writer

from .files import break_link


class ReplacingWriter(Writer):
    """A :class:`pelican.writers.Writer` that never writes through a link."""

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if filename not in self._overridden_files:  # else Pelican skips or fails
            break_link(filename)
        return super()._open_w(filename, encoding, override)
