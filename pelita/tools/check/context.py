"""Everything the checks share in one run: settings, registries, the corpus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pelita.core.registries import Gazetteer, OpdRegistry

from .config import CheckConfig
from .contacts import Contacts
from .corpus import Corpus
from .model import Problem, Severity
from .source import SourceFile


@dataclass
class CheckContext:
    """The shared state of one check run (built once, read by every check)."""

    settings: Mapping[str, Any]
    root: Path
    config: CheckConfig
    now: dt.datetime
    corpus: Corpus
    gazetteer: Gazetteer | None = None
    opd: OpdRegistry | None = None
    contacts: Contacts = field(default_factory=Contacts)

    @property
    def timezone(self) -> ZoneInfo:
        """The site's time zone (``TIMEZONE``), for dates written without one."""
        return ZoneInfo(self.settings.get("TIMEZONE") or "Asia/Jakarta")

    @property
    def categories(self) -> list[str]:
        """The allowed categories (``CATEGORIES``), empty when unrestricted."""
        return list(self.settings.get("CATEGORIES") or [])


def problem(  # noqa: PLR0917 (the fields of Problem, in order)
    source: SourceFile,
    line: int | None,
    severity: Severity,
    code: str,
    message: str,
    suggestion: str = "",
) -> Problem:
    """A :class:`Problem` in ``source`` (a shorthand the checks share)."""
    return Problem(source.display, line, severity, code, message, suggestion)


ERROR = Severity.ERROR
WARNING = Severity.WARNING
