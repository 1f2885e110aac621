"""A pin: the site stays as someone put it until someone deploys on purpose.

``invoke rollback`` (and ``invoke pin``) record a pin on the target itself,
beside what it serves, so every machine and every workflow sees it: the
rsync server keeps ``<path>/pin.json``, the ``gh-pages`` branch carries it in
its newest commit's message, the bucket holds ``.pelita-pin.json``. A deploy
that finds a pin publishes nothing and says why (the hourly, nightly and
push runs put it in the job summary); ``invoke deploy --force`` publishes and
clears it, ``invoke unpin`` clears it without publishing.

A pin that cannot be read still counts as a pin: better a site that stays
put than a rollback undone by a damaged file.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import subprocess
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

UNREADABLE = "(unreadable pin)"


@dataclass(frozen=True)
class Pin:
    """What is pinned (a release or commit), since when, by whom, and why."""

    release: str
    at: str
    by: str
    reason: str = ""

    def describe(self) -> str:
        """One sentence for logs, messages and the job summary."""
        text = f"pinned to {self.release} since {self.at} by {self.by}"
        return text + (f" ({self.reason})" if self.reason else "")

    def to_json(self) -> str:
        """The pin as one line of JSON (how every target stores it)."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


def parse_pin(text: str) -> Pin:
    """The pin stored as ``text``; a damaged one is still a pin."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return Pin(UNREADABLE, "?", "?", f"stored as {text.strip()[:200]!r}")
    return Pin(
        release=str(data.get("release") or UNREADABLE),
        at=str(data.get("at") or "?"),
        by=str(data.get("by") or "?"),
        reason=str(data.get("reason") or ""),
    )


def new_pin(
    release: str,
    reason: str = "",
    *,
    root: Path | None = None,
    environ: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> Pin:
    """A pin of ``release`` made now by whoever runs this."""
    at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return Pin(
        release=release,
        at=at.isoformat(timespec="seconds"),
        by=who(root, environ),
        reason=" ".join(reason.split())[:500],
    )


def who(root: Path | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The person (or workflow run) pinning: CI actor, git user, or login name."""
    environ = os.environ if environ is None else environ
    actor = environ.get("GITHUB_ACTOR")
    if actor:
        return f"{actor} (GitHub Actions run {environ.get('GITHUB_RUN_ID', '?')})"
    result = subprocess.run(
        ["git", "config", "user.name"],
        cwd=root or Path.cwd(),
        capture_output=True,
        text=True,
        check=False,
    )
    name = result.stdout.strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
