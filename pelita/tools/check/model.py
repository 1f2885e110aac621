"""What a check finds: problems with a place, a severity and a suggestion."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    """Errors stop a build; warnings are shown but let it through."""

    ERROR = "kesalahan"
    WARNING = "peringatan"


@dataclass(frozen=True)
class Problem:
    """One finding, worded for an admin who is not a programmer.

    ``path`` is relative to the repository when possible, ``line`` is 1-based
    (None for a whole-file finding), ``code`` is the short name the panduan
    explains (e.g. ``kecamatan``), ``message`` says what is wrong and
    ``suggestion`` how to fix it.
    """

    path: str
    line: int | None
    severity: Severity
    code: str
    message: str
    suggestion: str = ""

    @property
    def is_error(self) -> bool:
        """Whether this problem fails the check."""
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """``path:line`` (or just ``path``), the form editors can jump to."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def sort_key(self) -> tuple[str, int, str]:
        """Order problems by file, then line, then code."""
        return (self.path, self.line or 0, self.code)


@dataclass(frozen=True)
class FieldIssue:
    """A problem with one metadata field, before it is given a file and line.

    The small per-field validators (wilayah, prestasi, klarifikasi) return
    these, so they stay free of files and line numbers and can be swapped for
    the build plugins' own validators.
    """

    key: str
    severity: Severity
    code: str
    message: str
    suggestion: str = ""


@dataclass
class CheckResult:
    """Everything one run found, plus how many files it looked at."""

    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        """The problems that fail the check."""
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        """The problems shown as advice only."""
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return not self.errors

    def for_path(self, path: str) -> list[Problem]:
        """The problems found in one file, in order."""
        return sorted(
            (p for p in self.problems if p.path == path), key=Problem.sort_key
        )

    def exit_code(self, strict: bool = False) -> int:
        """1 when there are errors (or, if ``strict``, warnings), else 0."""
        return 1 if self.errors or (strict and self.warnings) else 0
