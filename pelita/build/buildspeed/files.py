"""Files an article names (its photo, linked images); cached files published.

A page shows a photo's size and derived versions, so replacing the photo
must change the page's key even when the post's text is the same.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path
from typing import Any

from .output import OutputKeeper
from .paths import looks_like_file

_LINK = re.compile(r"""(?:src|href)=["']([^"'#?]+)""")


def html_links(html: str) -> tuple[str, ...]:
    """Every ``src``/``href`` of the HTML that may name a local file."""
    return tuple(
        sorted({link for link in _LINK.findall(html) if looks_like_file(link)})
    )


def linked_candidates(metadata: dict[str, Any], links: tuple[str, ...]) -> list[str]:
    """Metadata values and links that look like files under ``PATH``."""
    named = [v for v in metadata.values() if isinstance(v, str) and looks_like_file(v)]
    return [*named, *links]


def publish_file(cached: Path, target: Path) -> None:
    """Put a cached file (page, card, resized photo) at ``target`` in output/.

    A hard link costs no copying: a 20,000-post site has some 18,000 cards
    and 10,000 photo sizes, about a gigabyte copied on every build otherwise
    (measured: 5.8 s to link 20,000 pages against 34 s to copy them on the
    2-core machine). A target that already is the cached file (the same
    inode) is left alone and noted as kept, so an unchanged site costs one
    ``stat`` per file. The link is safe because nothing of the build writes
    into an output file: the link itself replaces the target, every writer
    replaces files (:mod:`.writer`), and static files are broken off first
    (:func:`unlink_shared_static_targets`), so a later build, a development
    build with other settings included, leaves the cache as it was. Falls
    back to a copy across file systems.
    """
    try:
        here, there = os.stat(cached), os.stat(target)
        if (here.st_ino, here.st_dev) == (there.st_ino, there.st_dev):
            OutputKeeper.current().kept(target)
            return
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.pelita-tmp")
    partial.unlink(missing_ok=True)
    try:
        os.link(cached, partial)
    except OSError:
        shutil.copyfile(cached, partial)
    partial.replace(target)


def break_link(path: str | os.PathLike[str]) -> bool:
    """Remove ``path`` if writing into it would write somewhere else too.

    A hard link (more than one name for the file: a cached page, card or
    photo published by :func:`publish_file`) or a symbolic link (writing
    follows it out of output/) is unlinked, so that the next write makes a
    new file. Say whether it was removed.
    """
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or (stat.S_ISREG(info.st_mode) and info.st_nlink > 1):
        os.unlink(path)
        return True
    return False


def unlink_shared_static_targets(generator: Any) -> None:
    """Break links at the output paths Pelican is about to copy static files to.

    Pelican copies a static file with ``shutil.copyfile`` into an existing
    output file, which writes through a hard link: a photo the images plugin
    published from its cache would have its cached, re-encoded copy replaced
    by the original (camera data and all) the first time a build copies it
    as it is (the images plugin disabled, or a photo it could not read).
    """
    output = Path(generator.output_path)
    for static in generator.staticfiles:
        break_link(output / static.save_as)
