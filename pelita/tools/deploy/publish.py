"""``invoke publish``: check, production build, gate, deploy, in one command.

The workflows call the same code (``invoke publish --no-deploy`` in the job
that builds, ``invoke deploy --passed-only`` in the job that deploys), so
what a workflow does can be run, and tested, on a laptop. The check runs
first, so a broken post is reported before a long build starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .base import Outcome, Target, pinned_outcome
from .gate import GateReport, GateStep, default_steps, require_gate
from .project import Project
from .run import deploy


@dataclass(frozen=True)
class Published:
    """What the gate found, and what the deploy did.

    ``gate`` is None when a pin stopped the publish before building;
    ``outcome`` is None when it did not deploy.
    """

    gate: GateReport | None
    outcome: Outcome | None


def publish_steps(project: Project) -> list[GateStep]:
    """The gate's steps with ``invoke check`` first (fast, and before building)."""
    steps = default_steps(project)
    return sorted(steps, key=lambda step: step.name != "check")


def publish(
    project: Project,
    make_target: Callable[[], Target] | None,
    *,
    steps: Callable[[Project], Sequence[GateStep]] = publish_steps,
    dry_run: bool = False,
    force: bool = False,
) -> Published:
    """Gate the site, then deploy it with the target ``make_target`` makes.

    ``make_target`` None stops after the gate (the workflows' build job, which
    holds no deploy settings). Raises :class:`~.errors.GateFailed` or
    :class:`~.errors.DeployError`; a pinned target is not an error (the
    outcome says so).
    """
    target = make_target() if make_target is not None else None
    if target is not None and not force:
        pin = target.read_pin()
        if pin is not None:  # nothing would be deployed: do not even build
            return Published(None, pinned_outcome(target.name, pin))
    report = require_gate(project, steps(project))
    if target is None:
        return Published(report, None)
    outcome = deploy(
        project,
        target,
        lambda: steps(project),
        dry_run=dry_run,
        force=force,
        passed_only=True,
    )
    return Published(report, outcome)
