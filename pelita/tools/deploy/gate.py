"""The gate: what a build must pass before anything is published.

The gate is an ordered list of named steps. Each step returns the problems
it found (an empty list means it passed). A *blocking* step stops the gate
when it fails, because the steps after it would only check a broken build;
the others all run, so one gate run reports every problem at once.

A pass is recorded in ``.cache/deploy/gate.json`` with a fingerprint of
output/ (every file's path, size and modification time) and ``SITEURL``;
``invoke deploy`` publishes only an output/ whose fingerprint matches a
recorded pass, and runs the gate itself otherwise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import importlib.util
import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pelita.core.settings import plugin_enabled
from pelita.tools.check import check_run, format_problem
from pelita.tools.check.codes import REPAIRED_IN_BUILD
from pelita.tools.check.holdback import files_to_hold
from pelita.tools.sitecheck.links import check_links
from pelita.tools.sitesearch import SearchIndexError, index_built_site
from pelita.tools.webeditor import EditorBundleError, EditorSettingsError, write_editor

from .errors import GateFailed
from .precompress import compression_problems, precompress
from .project import Project

logger = logging.getLogger(__name__)

BUILD_OUTPUT_LINES = 40
_LOCAL_HOSTS = ("localhost", "127.", "[::1]", "0.0.0.0")


@dataclass(frozen=True)
class GateStep:
    """One named check; ``run`` returns the problems it found."""

    name: str
    summary: str
    run: Callable[[], list[str]]
    blocking: bool = False


@dataclass(frozen=True)
class StepResult:
    """What one step found, and how long it took."""

    name: str
    problems: tuple[str, ...]
    seconds: float
    skipped: bool = False

    @property
    def ok(self) -> bool:
        """True when the step ran and found nothing."""
        return not self.problems and not self.skipped


@dataclass(frozen=True)
class GateReport:
    """The results of every step, in order."""

    results: tuple[StepResult, ...]

    @property
    def passed(self) -> bool:
        """True when every step ran and passed."""
        return all(result.ok for result in self.results)

    def failure_message(self) -> str:
        """A message naming each failed step and its problems."""
        lines = ["gate: FAILED, nothing was deployed"]
        for result in self.results:
            if result.skipped:
                lines.append(f"- {result.name}: not run (an earlier step failed)")
            elif result.problems:
                lines.append(f"- {result.name}: {len(result.problems)} problem(s)")
                lines += [f"    {problem}" for problem in result.problems]
        return "\n".join(lines)


def run_gate(steps: Sequence[GateStep]) -> GateReport:
    """Run ``steps`` in order; stop after a failing blocking step."""
    results: list[StepResult] = []
    stopped = False
    for number, step in enumerate(steps, start=1):
        if stopped:
            results.append(StepResult(step.name, (), 0.0, skipped=True))
            continue
        logger.info("gate: [%d/%d] %s: %s", number, len(steps), step.name, step.summary)
        started = time.perf_counter()
        try:
            problems = list(step.run())
        except Exception as error:  # a crashing check must block, not pass
            logger.exception("gate: %s crashed", step.name)
            problems = [f"the check crashed: {type(error).__name__}: {error}"]
        seconds = time.perf_counter() - started
        results.append(StepResult(step.name, tuple(problems), seconds))
        state = "passed" if not problems else f"FAILED ({len(problems)} problems)"
        logger.info("gate: %s %s in %.1f s", step.name, state, seconds)
        stopped = bool(problems) and step.blocking
    return GateReport(tuple(results))


def default_steps(project: Project, *, include_check: bool = True) -> list[GateStep]:
    """The production gate: settings, build, ``invoke check``, links, budgets."""
    steps = [
        GateStep("settings", "SITEURL is the public address", _site_url_step(project)),
        GateStep(
            "build",
            f"production build with {project.settings_file.name}, errors fatal",
            lambda: build_problems(project),
            blocking=True,
        ),
    ]
    # `invoke check` (content and registry validation); tests of the other
    # steps on synthetic sites leave it out.
    if include_check:
        steps.append(
            GateStep("check", "invoke check", lambda: check_task_problems(project))
        )
    steps.append(links_step(project))
    if precompresses(project):
        steps.append(compressed_step(project))
    budgets = budgets_step(project)
    if budgets is not None:
        steps.append(budgets)
    return steps


def links_step(project: Project) -> GateStep:
    """Every internal link, asset, feed and sitemap entry resolves in output/."""

    def run() -> list[str]:
        report = check_links(
            project.output, project.site_url, project.deploy.link_check_ignore
        )
        return report.lines() if not report.ok else []

    return GateStep("links", "internal links and assets resolve in output/", run)


def precompresses(project: Project) -> bool:
    """Whether the target's server sends the ``.gz`` copies the build writes.

    Only ``rsync``'s: the S3 target stores text gzipped itself and GitHub
    Pages compresses on its own (docs/deploy.md).
    """
    return project.deploy.target == "rsync" and project.deploy.rsync.precompress


def compressed_step(project: Project) -> GateStep:
    """Every text file has a ``.gz`` copy holding exactly its bytes."""
    return GateStep(
        "compressed",
        "a gzipped copy beside every text file, none stale",
        lambda: compression_problems(project.output),
    )


def budgets_step(project: Project) -> GateStep | None:
    """The page budgets, when ``sitecheck.budgets`` is part of the project.

    The module is called as ``check_budgets(output_dir) -> iterable`` of
    problems (anything with a readable ``str()``); none means within budget.
    """
    if importlib.util.find_spec("pelita.tools.sitecheck.budgets") is None:
        return None

    def run() -> list[str]:
        module = importlib.import_module("pelita.tools.sitecheck.budgets")
        check = getattr(module, "check_budgets", None)
        if check is None:
            return ["sitecheck.budgets has no check_budgets(output_dir) to call"]
        return [str(problem) for problem in check(project.output)]

    return GateStep("budgets", "page weight budgets", run)


def build_problems(project: Project) -> list[str]:
    """Build with the production settings in a fresh process, index, add /admin/.

    Last, for the rsync target, the gzipped copy of every text file
    (:mod:`pelita.tools.deploy.precompress`).

    Errors are fatal. The index is part of the build, as in ``invoke build``:
    a site published without it would have a search page that finds nothing.
    """
    command = [
        sys.executable, "-m", "pelican", str(project.content),
        "-s", str(project.settings_file), "-o", str(project.output),
        "--fatal", "errors",
    ]  # fmt: skip
    problems = _run_problems(command, project.root, "the production build")
    if problems:
        return problems
    try:
        index_built_site(project.output, project.settings, project.root)
    except SearchIndexError as error:
        return [f"the search index could not be built: {error}"]
    try:
        write_editor(project.output, project.settings, project.root)
    except (EditorBundleError, EditorSettingsError) as error:
        return [f"the web editor (/admin/) could not be written: {error}"]
    if precompresses(project):
        precompress(project.output, project.state_dir / "gzip")
    return []


def check_task_problems(project: Project) -> list[str]:
    """Run the checks of ``invoke check``; every error of the site is a problem.

    An error in a post, page or file under content/ holds back that file,
    not the site: the build leaves it out with the same validators
    (:func:`~pelita.tools.check.holdback.files_to_hold`), lists it in
    ``.cache/held-back.json`` and the run ends with status 3 after the rest
    is published. Errors the build repairs in what it publishes (a photo's
    GPS position) are logged. Errors elsewhere (registries, settings) block
    the gate.
    Called in-process rather than through a subprocess so no error can scroll
    out of view behind warnings: the gate lists each one.
    """
    settings = {**project.settings, "PATH": str(project.content)}
    run = check_run(settings, root=project.root)
    # Without the guard in PLUGINS the build would publish such a file: then
    # every error blocks, as before.
    guarded = plugin_enabled(project.settings, "guard")
    held = files_to_hold(run) if guarded else {}
    shown = {entry.file for entries in held.values() for entry in entries}
    for warning in run.result.warnings:
        logger.info("gate: check: %s", format_problem(warning))
    problems = []
    for error in run.result.errors:
        if guarded and error.code in REPAIRED_IN_BUILD:
            logger.warning("gate: check: published repaired: %s", format_problem(error))
        elif error.path in shown:
            logger.warning("gate: check: held back: %s", format_problem(error))
        else:
            problems.append(format_problem(error))
    return problems


def _run_problems(command: list[str], cwd: Path, what: str) -> list[str]:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False
    )
    output = (result.stdout + result.stderr).strip().splitlines()
    if result.returncode == 0:
        for line in output[-3:]:
            logger.info("gate: %s", line)
        return []
    tail = output[-BUILD_OUTPUT_LINES:]
    return [f"{what} exited with status {result.returncode}", *tail]


def _site_url_step(project: Project) -> Callable[[], list[str]]:
    def run() -> list[str]:
        url = project.site_url
        if not url.startswith(("https://", "http://")):
            return [
                f"SITEURL is {url!r}; set it to the public address, e.g. "
                "SITEURL=https://kabar.semarangkota.go.id"
            ]
        host = url.split("://", 1)[1]
        if host.startswith(_LOCAL_HOSTS):
            return [f"SITEURL is {url!r}, a local address; set the public address"]
        return []

    return run


def output_fingerprint(output: Path) -> str:
    """A digest of every file's path, size and modification time in ``output``."""
    digest = hashlib.sha256()
    entries = []
    for folder, _dirs, names in os.walk(output):
        for name in names:
            path = os.path.join(folder, name)
            info = os.stat(path)
            rel = os.path.relpath(path, output)
            entries.append(f"{rel}\0{info.st_size}\0{info.st_mtime_ns}\n")
    for entry in sorted(entries):
        digest.update(entry.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _stamp_path(project: Project) -> Path:
    return project.state_dir / "gate.json"


def record_pass(project: Project, report: GateReport) -> None:
    """Remember that this exact output/ passed the gate."""
    stamp = {
        "fingerprint": output_fingerprint(project.output),
        "site_url": project.site_url,
        "passed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "steps": [
            {"name": result.name, "seconds": round(result.seconds, 2)}
            for result in report.results
        ],
    }
    path = _stamp_path(project)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")


def has_passed(project: Project) -> bool:
    """True when output/ is exactly what last passed the gate."""
    try:
        stamp = json.loads(_stamp_path(project).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not project.output.is_dir() or stamp.get("site_url") != project.site_url:
        return False
    return stamp.get("fingerprint") == output_fingerprint(project.output)


def forget_pass(project: Project) -> None:
    """Drop a recorded pass (a failed gate must never leave an old one behind)."""
    _stamp_path(project).unlink(missing_ok=True)


def require_gate(project: Project, steps: Sequence[GateStep]) -> GateReport:
    """Run the gate and record a pass; raise :class:`GateFailed` on any failure."""
    forget_pass(project)
    report = run_gate(steps)
    if not report.passed:
        raise GateFailed(report.failure_message(), report)
    record_pass(project, report)
    logger.info("gate: passed, %s may be deployed", project.output)
    return report
