"""The demo hub's hand-written posts and photos, copied into ``content/`` for its build.

Semarang's demo posts live in ``demo/posts/`` and their photos in
``demo/images/``, apart from ``content/posts/``, so a new city's content
starts empty. ``make site`` (``invoke demo-content``) copies them to
``content/demo-posts/`` and ``content/images/demo/``, folders that are never
committed, beside the demo import in ``content/demo/``; the posts keep their
``Image: images/demo/...`` paths. Copies, not links: the build refuses linked
files in ``content/``.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)

# Where each demo folder goes, relative to the repository and to content/.
DEMO_FOLDERS: dict[str, str] = {
    "demo/posts": "demo-posts",
    "demo/images/demo": "images/demo",
}


class DemoContentError(RuntimeError):
    """A demo folder is missing: the checkout is incomplete."""


def stage_demo_content(repo: Path, content: Path) -> list[Path]:
    """Mirror the demo folders of ``repo`` into ``content``; the folders written.

    A file removed from ``demo/`` disappears from the copy too; unchanged
    files keep their times (``copy2``), so an incremental build sees them
    unchanged.
    """
    written = []
    for source_name, target_name in DEMO_FOLDERS.items():
        source, target = repo / source_name, content / target_name
        if not source.is_dir():
            raise DemoContentError(
                f"{source}: the demo folder is missing; expected it in the "
                "repository (git checkout -- demo/)"
            )
        if target.is_symlink() or target.is_file():
            target.unlink()
        elif target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("README.md"))
        logger.info("demo: %s copied to %s", source_name, target)
        written.append(target)
    return written
