"""The GitHub workflows: actionlint (with shellcheck), and the safety rules.

Every rule is checked on every workflow file, not on a list of known jobs, so
a new workflow gets the same scrutiny:

- actions pinned by full commit SHA, with the version in a comment;
- every checkout drops the token (``persist-credentials: false``);
- read-only by default, every job saying what it needs; ``contents: write``
  only where something is pushed, and never in a job that reads feeds or
  builds the site;
- no secret in a job that reads feeds or builds the site;
- every job that deploys runs in the one concurrency group ``pelita-deploy``
  (whatever the branch), only from main, never building anything itself;
- no ``${{ }}`` expression inside a ``run:`` script (inputs, event text and
  outputs reach scripts through the environment only).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"
DEPLOY_GROUP = "pelita-deploy"
ON_MAIN = "github.ref == 'refs/heads/main'"
PINNED = re.compile(
    r"^\s*-?\s*uses:\s*(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})"
    r"\s+#\s*(?P<version>v\d+\.\d+\.\d+)\s*$"
)
# What a job does, recognised by the commands of its steps.
READS_FEEDS = "invoke import-feeds"
BUILDS = ("invoke publish", "invoke gate", "invoke build", "invoke preview")
DEPLOYS = "invoke deploy"
PUSHES = ("scripts/commit-import", DEPLOYS)


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", *map(str, files)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


@cache
def load(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.y*ml"))


def triggers(flow: dict[str, Any]) -> dict[str, Any]:
    return flow[True]  # YAML 1.1 reads the key `on` as True


@dataclass(frozen=True)
class Job:
    """A job with steps, with what its callers add (concurrency, permissions)."""

    where: str  # caller chain, e.g. "nightly.yml:site -> site.yml:deploy"
    spec: dict[str, Any]
    workflow: dict[str, Any]
    concurrency: tuple[Any, ...]  # every concurrency setting that encloses it
    conditions: tuple[str, ...]  # every `if:` on the way to it
    permissions: tuple[Any, ...]  # caller job permissions, then its own

    @property
    def runs(self) -> str:
        return "\n".join(step.get("run", "") for step in self.spec["steps"])

    @property
    def text(self) -> str:
        return yaml.safe_dump(self.spec)

    def does(self, *needles: str) -> bool:
        return any(needle in self.runs for needle in needles)

    def own_permissions(self) -> Any:
        return self.spec.get("permissions", self.workflow.get("permissions"))


def jobs(name: str, chain: tuple = (), outer: tuple = ()) -> Iterator[Job]:
    """Every job with steps in workflow ``name``, following local reusable calls."""
    flow = load(name)
    concurrency, conditions, permissions = outer or ((), (), ())
    if "concurrency" in flow:
        concurrency = (*concurrency, flow["concurrency"])
    for job_id, spec in flow["jobs"].items():
        where = (*chain, f"{name}:{job_id}")
        job_concurrency = concurrency + (
            (spec["concurrency"],) if "concurrency" in spec else ()
        )
        job_conditions = conditions + ((str(spec["if"]),) if "if" in spec else ())
        if "uses" in spec:
            called = spec["uses"].removeprefix("./.github/workflows/")
            assert called != spec["uses"], f"{where}: only local workflows are called"
            caller_permissions = (*permissions, spec.get("permissions"))
            outer_next = (job_concurrency, job_conditions, caller_permissions)
            yield from jobs(called, where, outer_next)
        else:
            yield Job(
                " -> ".join(where),
                spec,
                flow,
                job_concurrency,
                job_conditions,
                (*permissions, spec.get("permissions", flow.get("permissions"))),
            )


def entry_workflows() -> list[str]:
    """Workflows started by an event (not only callable by others)."""
    return [
        path.name
        for path in workflow_files()
        if set(triggers(load(path.name))) - {"workflow_call"}
    ]


def all_jobs() -> list[Job]:
    return [job for name in entry_workflows() for job in jobs(name)]


def group_of(setting: Any) -> str:
    return setting if isinstance(setting, str) else setting["group"]


def writes(permissions: Any) -> bool:
    """Whether ``permissions`` let a job push (``contents: write``)."""
    if permissions == "write-all":
        return True
    return isinstance(permissions, dict) and permissions.get("contents") == "write"


# --- actionlint ---------------------------------------------------------------


def test_every_workflow_passes_actionlint_and_shellcheck():
    assert shutil.which("shellcheck"), "scripts/ensure-system-packages installs it"
    files = workflow_files()
    assert {f.name for f in files} >= {
        "ci.yml", "nightly.yml", "hourly.yml", "publish.yml", "site.yml", "import.yml"
    }  # fmt: skip
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_runs_shellcheck_on_run_blocks(tmp_path: Path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: cp $1 ${{ github.event.head_commit.message }}\n",
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode != 0
    assert "SC2086" in result.stdout  # shellcheck: unquoted variable
    assert "potentially untrusted" in result.stdout  # expression injection


# --- rules for every workflow -------------------------------------------------


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_sha_with_its_version(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if re.match(r"^\s*-?\s*uses:", line) and "./.github/workflows/" not in line:
            assert PINNED.match(line), (
                f"{path.name}:{number}: pin the action by its full commit SHA with "
                f"the version in a comment (uses: owner/action@<40 hex> # vX.Y.Z), "
                f"got: {line.strip()}"
            )


def test_one_version_of_each_action_everywhere():
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in workflow_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if found := PINNED.match(line):
                pins.setdefault(found["action"], set()).add(
                    (found["sha"], found["version"])
                )
    assert pins, "no pinned action found"
    for action, versions in pins.items():
        assert len(versions) == 1, f"{action} is pinned differently: {versions}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_expression_is_interpolated_into_a_script(path: Path):
    for job_id, spec in load(path.name)["jobs"].items():
        for step in spec.get("steps", []):
            script = step.get("run", "")
            assert "${{" not in script, (
                f"{path.name}:{job_id}: step {step.get('name', script[:40])!r} puts "
                "an expression in its script; pass it through `env:` instead"
            )


def test_every_checkout_drops_the_token():
    for job in all_jobs():
        for step in job.spec["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, (
                    f"{job.where}: checkout must set persist-credentials: false"
                )


def test_read_only_unless_the_job_pushes():
    for name in [*entry_workflows(), "site.yml", "import.yml"]:
        assert load(name)["permissions"] == {"contents": "read"}, (
            f"{name}: read-only at the top; grant more job by job"
        )
    pushers = []
    for job in all_jobs():
        own = job.own_permissions()
        assert own is not None, f"{job.where}: declare the job's permissions"
        if writes(own):
            assert job.does(*PUSHES), f"{job.where} writes but pushes nothing"
            assert not job.does(READS_FEEDS, *BUILDS), (
                f"{job.where} holds a write token and reads feeds or builds"
            )
            pushers.append(job.where)
    assert any(where.endswith("import.yml:commit") for where in pushers)
    assert any(where.endswith("site.yml:deploy") for where in pushers)


def test_a_caller_grants_write_only_to_a_workflow_that_pushes():
    for name in entry_workflows():
        for job_id, spec in load(name)["jobs"].items():
            if "uses" in spec and writes(spec.get("permissions")):
                called = jobs(name)
                inside = [j for j in called if j.where.startswith(f"{name}:{job_id} ")]
                assert any(writes(j.own_permissions()) for j in inside), (
                    f"{name}:{job_id} grants write that no job of it uses"
                )


def test_no_secret_where_feeds_are_read_or_the_site_is_built():
    for job in all_jobs():
        if job.does(READS_FEEDS, *BUILDS):
            assert "secrets." not in job.text, f"{job.where} sees a secret"
            assert "github.token" not in job.text, f"{job.where} sees the token"


def test_every_deploy_is_in_one_group_only_from_main_and_never_builds():
    deployers = [job for job in all_jobs() if job.does(DEPLOYS)]
    assert {job.where.split(":")[0] for job in deployers} >= {
        "publish.yml", "hourly.yml", "nightly.yml"
    }  # fmt: skip
    for job in deployers:
        groups = [group_of(setting) for setting in job.concurrency]
        assert DEPLOY_GROUP in groups, f"{job.where}: not in {DEPLOY_GROUP}"
        for setting in job.concurrency:
            if group_of(setting) == DEPLOY_GROUP:
                assert isinstance(setting, dict), job.where
                assert setting["cancel-in-progress"] is False, job.where
        assert any(ON_MAIN in condition for condition in job.conditions), (
            f"{job.where} may deploy from another branch"
        )
        assert "--passed-only" in job.runs, f"{job.where} could build with secrets"
        assert not job.does(READS_FEEDS, *BUILDS), job.where
        # A group that varies (with the branch, say) would let two run at once.
        for setting in job.concurrency:
            assert "${{" not in group_of(setting), job.where


def test_the_import_pushes_only_to_main_and_only_from_main():
    committers = [job for job in all_jobs() if job.does("scripts/commit-import")]
    assert committers
    for job in committers:
        assert re.search(r"scripts/commit-import --patch \S+ main\b", job.runs)
        assert any(ON_MAIN in condition for condition in job.conditions)
        groups = [group_of(setting) for setting in job.concurrency]
        assert "pelita-import" in groups, job.where


# --- the three workflows that publish -----------------------------------------


def test_a_push_to_main_that_changes_the_site_publishes_it():
    flow = load("publish.yml")
    push = triggers(flow)["push"]
    assert push["branches"] == ["main"]
    for path in ("content/**", "data/**", "theme/**", "pelita/**", "admin/**",
                 "pelicanconf.py", "publishconf.py"):  # fmt: skip
        assert path in push["paths"]
    assert "workflow_dispatch" in triggers(flow)
    site = flow["jobs"]["site"]
    assert site["uses"] == "./.github/workflows/site.yml"
    assert "github.event.repository.pushed_at" in site["with"]["pushed-at"]


def test_the_build_checks_builds_gates_and_restores_the_caches():
    build = load("site.yml")["jobs"]["build"]
    steps = build["steps"]
    cache_step = next(s for s in steps if s.get("uses", "").startswith("actions/cache"))
    assert cache_step["with"]["path"] == ".cache/pelican"
    assert cache_step["with"]["restore-keys"] == "pelita-build-"
    runs = [step.get("run", "") for step in steps]
    publish = next(i for i, run in enumerate(runs) if "invoke publish" in run)
    assert steps.index(cache_step) < publish
    assert "--no-deploy" in runs[publish]
    assert "$GITHUB_STEP_SUMMARY" in runs[publish]
    assert "continue-on-error" not in steps[publish]
    checkout = steps[0]
    assert "'main'" in checkout["with"]["ref"]  # the newest main, not a stale sha


def test_the_deploy_reports_push_to_live_and_honours_the_pin():
    deploy = load("site.yml")["jobs"]["deploy"]
    step = next(s for s in deploy["steps"] if DEPLOYS in s.get("run", ""))
    assert step["env"]["PUSHED_AT"] == "${{ inputs.pushed-at }}"
    assert '--pushed-at "$PUSHED_AT"' in step["run"]
    assert '--summary "$GITHUB_STEP_SUMMARY"' in step["run"]
    # --force only when a person asked for it when starting the run.
    assert step["env"]["FORCE"] == "${{ inputs.force }}"
    for name in ("hourly.yml",):
        assert "force" not in load(name)["jobs"]["site"].get("with", {})
    for name in ("nightly.yml", "publish.yml"):
        assert "workflow_dispatch" in triggers(load(name))
        inputs = triggers(load(name))["workflow_dispatch"]["inputs"]
        assert inputs["force"]["default"] is False


def test_nightly_runs_at_midnight_wib_and_always_builds_unless_the_commit_failed():
    flow = load("nightly.yml")
    assert triggers(flow)["schedule"] == [{"cron": "0 17 * * *"}]
    assert "workflow_dispatch" in triggers(flow)
    assert flow["jobs"]["import"]["with"]["mode"] == "nightly"
    condition = flow["jobs"]["site"]["if"]
    assert "needs.import.outputs.committed == 'true'" in condition
    assert "needs.import.outputs.changed == 'false'" in condition


def test_hourly_imports_every_hour_and_skips_the_build_when_nothing_is_new():
    flow = load("hourly.yml")
    (schedule,) = triggers(flow)["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert minute.isdigit() and hour == "*" and rest == ["*", "*", "*"]
    assert flow["jobs"]["import"]["with"]["mode"] == "hourly"
    assert flow["jobs"]["site"]["if"] == (
        "${{ !cancelled() && needs.import.outputs.committed == 'true' }}"
    )
    # `committed` is only set after a push, and the commit job only runs when
    # scripts/import-patch said `changed=true` (tested in test_commit_import).
    imports = load("import.yml")
    commit = imports["jobs"]["commit"]
    assert "needs.import.outputs.changed == 'true'" in commit["if"]
    assert imports["jobs"]["import"]["outputs"]["changed"] == (
        "${{ steps.patch.outputs.changed }}"
    )
    steps = imports["jobs"]["import"]["steps"]
    patch = next(step for step in steps if step.get("id") == "patch")
    hourly = next(line for line in patch["run"].splitlines() if "hourly)" in line)
    assert "scripts/import-patch import-run/import.patch" in hourly
    assert "--with-state" not in hourly
    commit_step = next(s for s in commit["steps"] if s.get("id") == "commit")
    lines = commit_step["run"].splitlines()
    assert lines.index('echo "committed=true" >> "$GITHUB_OUTPUT"') > 0
    assert lines[0].startswith("scripts/commit-import")  # set -e: only after it


def test_the_import_keeps_its_report_and_shows_channel_health():
    steps = load("import.yml")["jobs"]["import"]["steps"]
    upload = next(s for s in steps if "import-report" in str(s.get("with", {})))
    assert upload["if"] == "always()"
    assert ".cache/import-report.json" in upload["with"]["path"]
    assert upload["with"]["include-hidden-files"] is True  # .cache/ is hidden
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert ".cache/import-summary.md" in summary["run"]
    assert summary["if"] == "always()"
    importer = next(s for s in steps if s.get("id") == "import")
    assert importer["continue-on-error"] is True
    assert "--state data/import-state.json" in importer["run"]
