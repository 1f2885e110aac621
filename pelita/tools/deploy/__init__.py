"""Publishing the built site: the gate, then rsync over SSH, GitHub Pages or S3.

Not a Pelican plugin: ``tasks.py`` calls it (``invoke gate``, ``invoke
deploy``, ``invoke rollback``) after the production build.
"""

from .base import Outcome, Target
from .config import DeployConfig, load_deploy_config
from .errors import DeployConfigError, DeployError, GateFailed
from .gate import GateReport, GateStep, default_steps, require_gate, run_gate
from .project import Project, load_project
from .run import deploy, make_target, rollback

__all__ = [
    "DeployConfig",
    "DeployConfigError",
    "DeployError",
    "GateFailed",
    "GateReport",
    "GateStep",
    "Outcome",
    "Project",
    "Target",
    "default_steps",
    "deploy",
    "load_deploy_config",
    "load_project",
    "make_target",
    "require_gate",
    "rollback",
    "run_gate",
]
