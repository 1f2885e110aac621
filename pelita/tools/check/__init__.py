"""``invoke check``: catch an admin's mistakes before they go public.

Not a Pelican plugin: a checker run before every build (by CI on each push,
by the deploy gate every night, by admins on their own machines). It reads
the content tree the way Pelican will, and reports every problem as
``file:line: kesalahan|peringatan: problem — suggestion [code]`` in plain
Indonesian. ``run_check(settings, paths=None) -> CheckResult`` is the pure
entry point; ``cli.main`` prints and returns the exit code.
"""

from .config import DEFAULTS, CheckConfigError
from .model import CheckResult, FieldIssue, Problem, Severity
from .reporter import as_json, format_problem
from .runner import CheckRun, check_run, run_check

__all__ = [
    "DEFAULTS",
    "CheckConfigError",
    "CheckResult",
    "CheckRun",
    "FieldIssue",
    "Problem",
    "Severity",
    "as_json",
    "check_run",
    "format_problem",
    "run_check",
]
