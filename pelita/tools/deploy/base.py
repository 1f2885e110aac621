"""What every deploy target offers, and what it reports back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Outcome:
    """What a publish, dry run or rollback did (or would do)."""

    target: str
    summary: str
    dry_run: bool = False
    details: tuple[str, ...] = field(default_factory=tuple)

    def lines(self) -> list[str]:
        """The summary, then one line per detail, for the terminal."""
        prefix = "dry run: " if self.dry_run else ""
        return [f"deploy ({self.target}): {prefix}{self.summary}", *self.details]


class Target(Protocol):
    """A place the built site is published to."""

    name: str

    def publish(self, output: Path, revision: str, *, dry_run: bool) -> Outcome:
        """Publish ``output`` (built from ``revision``), or say what would change."""
        ...  # pragma: no cover

    def rollback(self, to: str | None, *, dry_run: bool) -> Outcome:
        """Serve the previous release again (or ``to``)."""
        ...  # pragma: no cover
