"""Names of releases: when they were built and from which commit.

A release name sorts by time (``20250908T170000Z-1a2b3c4d``), so the newest
release is simply the last one in sorted order, on the server as here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

RELEASE_NAME = re.compile(r"^\d{8}T\d{6}Z-[0-9a-z]{1,40}(?:-\d{1,4})?$")
_REVISION = re.compile(r"[^0-9a-z]")


def source_revision(root: Path, environ: Mapping[str, str] | None = None) -> str:
    """Short commit id of the sources being published (``nogit`` outside git).

    The checkout's own commit comes first: a deploy job checks out the commit
    its build job built, which may be newer than the ``GITHUB_SHA`` that
    started the run.
    """
    environ = os.environ if environ is None else environ
    result = subprocess.run(
        ["git", "rev-parse", "--short=8", "HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    sha = result.stdout.strip() if result.returncode == 0 else ""
    sha = sha or environ.get("GITHUB_SHA", "")
    return _REVISION.sub("", sha.lower())[:8] or "nogit"


def new_release_name(
    existing: Iterable[str], revision: str, now: dt.datetime | None = None
) -> str:
    """A fresh release name that sorts after ``existing`` and does not clash."""
    now = now or dt.datetime.now(dt.UTC)
    base = f"{now.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}-{revision}"
    taken = set(existing)
    name, counter = base, 1
    while name in taken:
        counter += 1
        name = f"{base}-{counter}"
    return name


def is_release_name(name: str) -> bool:
    """True for names this package made (nothing else is ever pruned)."""
    return bool(RELEASE_NAME.match(name))
