"""Exceptions of the deploy package; messages name the thing, the value, the fix."""


class DeployError(Exception):
    """A deploy, dry run or rollback could not be done; nothing was switched."""


class DeployConfigError(DeployError):
    """The ``DEPLOY`` setting or a ``PELITA_DEPLOY_*`` variable is wrong."""


class GateFailed(DeployError):
    """The gate found a problem, so the build must not be published.

    ``report`` is the gate's :class:`~.gate.GateReport` (for the job summary).
    """

    def __init__(self, message: str, report: object = None):
        super().__init__(message)
        self.report = report
