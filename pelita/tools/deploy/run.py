"""Deploy and roll back: the gate first, then the configured target.

Nothing is published unless output/ is exactly what passed the gate: either
a pass recorded by ``invoke gate`` for this very output/, or a gate run here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .base import Outcome, Target
from .errors import DeployConfigError
from .gate import GateStep, has_passed, require_gate
from .ghpages import GhPagesTarget
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
) -> Outcome:
    """Publish output/ to ``target`` after the gate; raise on any failure."""
    if has_passed(project):
        logger.info("deploy: output/ passed the gate already; not building again")
    else:
        require_gate(project, gate_steps())
    revision = source_revision(project.root)
    logger.info(
        "deploy: publishing %s (%s) to %s", project.output, revision, target.name
    )
    return target.publish(project.output, revision, dry_run=dry_run)


def rollback(
    target: Target, to: str | None = None, *, dry_run: bool = False
) -> Outcome:
    """Serve the previous release again (or release ``to``)."""
    return target.rollback(to, dry_run=dry_run)
