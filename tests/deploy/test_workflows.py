"""The GitHub workflows: actionlint (with shellcheck) and what the nightly must do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", *map(str, files)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def nightly() -> dict:
    return yaml.safe_load((WORKFLOWS / "nightly.yml").read_text(encoding="utf-8"))


def test_every_workflow_passes_actionlint_and_shellcheck():
    assert shutil.which("shellcheck"), "scripts/ensure-system-packages installs it"
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"ci.yml", "nightly.yml"}
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


def test_nightly_runs_at_midnight_wib_and_on_demand_one_at_a_time():
    flow = nightly()
    triggers = flow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["schedule"] == [{"cron": "0 17 * * *"}]
    assert "workflow_dispatch" in triggers
    assert flow["concurrency"]["cancel-in-progress"] is False
    assert flow["permissions"] == {"contents": "write"}


def test_nightly_imports_commits_gates_then_deploys():
    steps = nightly()["jobs"]["nightly"]["steps"]
    runs = [step.get("run", "") for step in steps]
    order = [
        next(i for i, run in enumerate(runs) if needle in run)
        for needle in ("invoke import-feeds", "scripts/commit-import", "invoke gate")
    ]
    deploy = next(i for i, run in enumerate(runs) if "invoke deploy" in run)
    assert order == sorted(order)
    assert order[-1] < deploy
    by_id = {step.get("id"): step for step in steps}
    assert by_id["import"]["continue-on-error"] is True
    assert "--state data/import-state.json" in by_id["import"]["run"]
    gate = steps[order[-1]]
    assert "continue-on-error" not in gate
    assert "continue-on-error" not in steps[deploy]
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-py"))
    assert setup["with"]["cache"] == "pip"


def test_nightly_keeps_the_report_and_shows_channel_health():
    steps = nightly()["jobs"]["nightly"]["steps"]
    upload = next(s for s in steps if "upload-artifact" in s.get("uses", ""))
    assert upload["if"] == "always()"
    assert ".cache/import-report.json" in upload["with"]["path"]
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", ""))
    assert ".cache/import-summary.md" in summary["run"]
    assert summary["if"] == "always()"
