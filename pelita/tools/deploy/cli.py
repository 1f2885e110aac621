"""The bodies of ``invoke publish``, ``deploy``, ``rollback``, ``pin`` and ``unpin``.

Each returns the exit code and prints what it did, so ``tasks.py`` stays a
list of options and the tests drive the same code the workflows run.

Exit codes: 0 done (or held by a pin, which is a decision, not a failure:
it is printed, written to the job summary and, in GitHub Actions, raised as
a warning); 1 the gate or the deploy failed; 3
(:data:`pelita.core.heldback.HELD_BACK_EXIT`) the build held back posts and
the rest was published (the run ends red so someone fixes them, and a
workflow can tell it from a failure of the site).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from pelita.core.heldback import HELD_BACK_EXIT

from .base import Outcome, Target
from .errors import DeployError, GateFailed
from .gate import GateReport, default_steps
from .pin import new_pin
from .project import Project, load_project
from .publish import publish
from .run import deploy, make_target, rollback, set_pin
from .summary import (
    HeldBack,
    append,
    build_summary,
    deploy_summary,
    held_back_path,
    parse_pushed_at,
    read_held_back,
)

logger = logging.getLogger(__name__)


def _setup_logging() -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(message)s")


def _fail(error: Exception) -> int:
    sys.stderr.write(f"{error}\n")
    return 1


def _say(outcome: Outcome, environ: Mapping[str, str]) -> None:
    print("\n".join(outcome.lines()))
    if outcome.skipped and outcome.pinned and environ.get("GITHUB_ACTIONS") == "true":
        text = outcome.summary.replace("%", "%25").replace("\n", " ")
        print(f"::warning title=Not deployed: the site is pinned::{text}")


def run_publish(
    root: Path,
    settings_file: str,
    *,
    target: str | None = None,
    deploy_after: bool = True,
    dry_run: bool = False,
    force: bool = False,
    summary: str | None = None,
    pushed_at: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Check, production build, gate, then deploy (unless ``deploy_after`` is off)."""
    _setup_logging()
    environ = os.environ if environ is None else environ
    project: Project | None = None
    try:
        when = parse_pushed_at(pushed_at)
    except ValueError as error:
        return _fail(error)
    try:
        project = load_project(root, settings_file, environ=environ)
        factory = _factory(project, target, environ) if deploy_after else None
        done = publish(project, factory, dry_run=dry_run, force=force)
    except GateFailed as error:
        report = error.report if isinstance(error.report, GateReport) else None
        held = read_held_back(held_back_path(project)) if project else []
        append(summary, build_summary(report, str(error), held))
        return _fail(error)
    except DeployError as error:
        append(summary, deploy_summary(None, str(error)))
        return _fail(error)
    held = read_held_back(held_back_path(project))
    if done.gate is not None:
        append(
            summary, build_summary(done.gate, None, held if not deploy_after else [])
        )
    if done.outcome is not None:
        _say(done.outcome, environ)
        append(summary, deploy_summary(done.outcome, pushed_at=when, held_back=held))
    return _held_back_code(held, done.outcome)


def run_deploy(
    root: Path,
    settings_file: str,
    *,
    target: str | None = None,
    dry_run: bool = False,
    force: bool = False,
    passed_only: bool = False,
    summary: str | None = None,
    pushed_at: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Publish output/ once it passed the gate (``passed_only``: never build)."""
    _setup_logging()
    environ = os.environ if environ is None else environ
    try:
        when = parse_pushed_at(pushed_at)
    except ValueError as error:
        return _fail(error)
    try:
        project = load_project(root, settings_file, environ=environ)
        outcome = deploy(
            project,
            make_target(project, target, environ),
            lambda: default_steps(project),
            dry_run=dry_run,
            force=force,
            passed_only=passed_only,
        )
    except DeployError as error:
        append(summary, deploy_summary(None, str(error)))
        return _fail(error)
    held = read_held_back(held_back_path(project))
    _say(outcome, environ)
    append(summary, deploy_summary(outcome, pushed_at=when, held_back=held))
    return _held_back_code(held, outcome)


def run_rollback(
    root: Path,
    settings_file: str,
    *,
    to: str | None = None,
    target: str | None = None,
    dry_run: bool = False,
    reason: str = "",
    environ: Mapping[str, str] | None = None,
) -> int:
    """Serve the previous release (or ``to``) and pin it."""
    return _with_target(
        root, settings_file, target, environ,
        lambda found: rollback(
            found, to, dry_run=dry_run,
            pin=new_pin("", reason, root=root, environ=environ),
        ),
    )  # fmt: skip


def run_pin(
    root: Path,
    settings_file: str,
    *,
    target: str | None = None,
    reason: str = "",
    environ: Mapping[str, str] | None = None,
) -> int:
    """Pin what the target serves now, so scheduled deploys leave it alone."""
    return _with_target(
        root, settings_file, target, environ,
        lambda found: set_pin(found, new_pin("", reason, root=root, environ=environ)),
    )  # fmt: skip


def run_unpin(
    root: Path,
    settings_file: str,
    *,
    target: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """Lift the pin; the next scheduled or pushed deploy publishes again."""
    return _with_target(
        root, settings_file, target, environ, lambda found: set_pin(found, None)
    )


def _with_target(
    root: Path,
    settings_file: str,
    target: str | None,
    environ: Mapping[str, str] | None,
    action: Callable[[Target], Outcome],
) -> int:
    _setup_logging()
    environ = os.environ if environ is None else environ
    try:
        project = load_project(root, settings_file, environ=environ)
        outcome = action(make_target(project, target, environ))
    except DeployError as error:
        return _fail(error)
    print("\n".join(outcome.lines()))
    return 0


def _factory(
    project: Project, target: str | None, environ: Mapping[str, str]
) -> Callable[[], Target]:
    return lambda: make_target(project, target, environ)


def _held_back_code(held: list[HeldBack], outcome: Outcome | None) -> int:
    """:data:`HELD_BACK_EXIT` when posts were held back from a published site."""
    if not held or outcome is None or outcome.skipped or outcome.dry_run:
        return 0
    sys.stderr.write(
        f"deploy: {len(held)} post(s) were held back by the build and are not on "
        "the site; the rest was published. Fix them (see the summary).\n"
    )
    return HELD_BACK_EXIT
