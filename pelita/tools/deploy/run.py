"""Deploy, roll back and pin: the gate first, then the configured target.

Nothing is published unless output/ is exactly what passed the gate: either
a pass recorded by ``invoke gate`` (or ``invoke publish``) for this very
output/, or a gate run here. Nothing is published over a pin unless the
deploy is forced (see :mod:`pin`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .base import Outcome, Target, pinned_outcome
from .errors import DeployConfigError, DeployError
from .gate import GateStep, has_passed, require_gate
from .ghpages import GhPagesTarget
from .pin import Pin
from .project import Project
from .release import source_revision
from .rsync_ssh import RsyncTarget
from .s3 import S3Target

logger = logging.getLogger(__name__)


def make_target(
    project: Project,
    name: str | None = None,
    environ: Mapping[str, str] | None = None,
    s3_client: Any = None,
) -> Target:
    """The target called ``name`` (default: ``DEPLOY['target']``)."""
    environ = os.environ if environ is None else environ
    name = name or project.deploy.target
    if name == "rsync":
        return RsyncTarget(project.deploy.rsync, environ)
    if name == "ghpages":
        return GhPagesTarget(project.deploy.ghpages, project.root, environ)
    if name == "s3":
        return S3Target(project.deploy.s3, client=s3_client)
    raise DeployConfigError(
        f"deploy: unknown target {name!r}; expected rsync, ghpages or s3"
    )


def deploy(
    project: Project,
    target: Target,
    gate_steps: Callable[[], Sequence[GateStep]],
    *,
    dry_run: bool = False,
    force: bool = False,
    passed_only: bool = False,
) -> Outcome:
    """Publish output/ to ``target`` after the gate; raise on any failure.

    A pinned target is told first, so that nothing is built for a deploy
    that would not happen; the target checks again as it publishes (under
    its lock, for rsync). ``passed_only`` refuses to build: the deploy job of
    a workflow holds secrets and only publishes what its build job gated.
    """
    if not force:
        pin = target.read_pin()
        if pin is not None:
            logger.warning("deploy: %s: %s; not deploying", target.name, pin.describe())
            return pinned_outcome(target.name, pin)
    if has_passed(project):
        logger.info("deploy: output/ passed the gate already; not building again")
    elif passed_only:
        raise DeployError(
            f"deploy: {project.output} has not passed the gate (no pass recorded "
            f"in {project.state_dir / 'gate.json'} matches it), and this deploy "
            "only publishes a build that did; run `invoke gate` or `invoke "
            "publish --no-deploy` first"
        )
    else:
        require_gate(project, gate_steps())
    revision = source_revision(project.root)
    logger.info(
        "deploy: publishing %s (%s) to %s", project.output, revision, target.name
    )
    return target.publish(project.output, revision, dry_run=dry_run, force=force)


def rollback(
    target: Target,
    to: str | None = None,
    *,
    dry_run: bool = False,
    pin: Pin | None = None,
) -> Outcome:
    """Serve the previous release again (or release ``to``), pinned with ``pin``."""
    return target.rollback(to, dry_run=dry_run, pin=pin)


def set_pin(target: Target, pin: Pin | None) -> Outcome:
    """Pin what the target serves now (``pin``), or lift the pin (None)."""
    return target.set_pin(pin)
