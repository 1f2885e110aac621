"""What every deploy target offers, and what it reports back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .pin import Pin


@dataclass(frozen=True)
class Outcome:
    """What a publish, dry run, rollback or pin did (or would do).

    ``uploaded`` counts the files whose bytes were sent (``None`` when the
    target cannot tell); ``pinned`` is the pin that stopped a publish, which
    then did nothing (``skipped``).
    """

    target: str
    summary: str
    dry_run: bool = False
    details: tuple[str, ...] = field(default_factory=tuple)
    uploaded: int | None = None
    uploaded_bytes: int | None = None
    unchanged: int | None = None
    skipped: bool = False
    pinned: Pin | None = None

    def lines(self) -> list[str]:
        """The summary, then one line per detail, for the terminal."""
        prefix = "dry run: " if self.dry_run else ""
        return [f"deploy ({self.target}): {prefix}{self.summary}", *self.details]


def pinned_outcome(target: str, pin: Pin) -> Outcome:
    """The outcome of a publish that a pin stopped."""
    return Outcome(
        target,
        f"not deployed: the site is {pin.describe()}. Deploy on purpose with "
        "`invoke deploy --force` (or a workflow run with force), or lift the pin "
        "with `invoke unpin`",
        skipped=True,
        pinned=pin,
    )


class Target(Protocol):
    """A place the built site is published to."""

    name: str

    def publish(
        self, output: Path, revision: str, *, dry_run: bool, force: bool = False
    ) -> Outcome:
        """Publish ``output`` (built from ``revision``), or say what would change.

        A pinned target publishes nothing (a skipped outcome naming the pin)
        unless ``force``, which publishes and clears the pin.
        """
        ...  # pragma: no cover

    def rollback(
        self, to: str | None, *, dry_run: bool, pin: Pin | None = None
    ) -> Outcome:
        """Serve the previous release again (or ``to``), pinned with ``pin``."""
        ...  # pragma: no cover

    def read_pin(self) -> Pin | None:
        """The pin on the target, or None."""
        ...  # pragma: no cover

    def set_pin(self, pin: Pin | None) -> Outcome:
        """Pin what is served now (``pin.release`` is filled in), or unpin."""
        ...  # pragma: no cover
