"""Shared fixtures: the repository's paths and one demo build per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

from pelita.tools.democontent import stage_demo_content

REPO = Path(__file__).resolve().parent.parent
# Test modules import the shared helpers (sitebuild) by their plain names.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import run_pelican  # noqa: E402


def run_checked(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    """Run a command from the repository root; fail the test with its output."""
    result = subprocess.run(
        args, cwd=REPO, capture_output=True, text=True, check=False, **kwargs
    )
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, args))} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    return result


def _skip_demo_import(directory: str, names: list[str]) -> list[str]:
    """Leave out content/demo/ (a previous demo import) and demo copies of make site."""
    return ["demo", "demo-posts"] if Path(directory) == REPO / "content" else []


def build_demo(root: Path, settings: str = "pelicanconf.py") -> Path:
    """Import the demo channels and build the demo hub under ``root``.

    The repository's content/ is copied so a test never writes into the
    checkout; Pelican runs in a subprocess, as ``make site`` runs it.
    """
    content = root / "content"
    shutil.copytree(REPO / "content", content, ignore=_skip_demo_import)
    stage_demo_content(REPO, content)  # the demo's hand-written posts, as make site
    importer = {
        "channels_file": str(REPO / "data" / "channels.demo.yml"),
        "content_dir": str(content / "demo"),
        "state_file": str(root / "import-state.json"),
        "report_file": str(root / "import-report.json"),
    }
    # The contract plugin writes what the plugins added (tests/core/test_contract.py).
    contract = str(root / "contract.json")
    env = {**os.environ, "PELITA_DEMO": "1", "PELITA_CONTRACT_REPORT": contract}
    run_checked(
        [
            sys.executable, "-m", "invoke", "import-feeds",
            "--channels", importer["channels_file"],
            "--content", importer["content_dir"],
            "--state", importer["state_file"],
            "--report", importer["report_file"],
            "--summary", str(root / "import-summary.md"),
        ],
        env=env,
    )  # fmt: skip
    output = root / "output"
    run_pelican(
        content, output, conf=settings, env=env,
        IMPORTER=importer, CACHE_PATH=str(root / "cache"),
    )  # fmt: skip
    return output


def shared_build(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Path]
) -> Path:
    """``build(root)`` once per test run, shared read-only by every xdist worker.

    Each worker's temporary folder sits in one folder per run; the first
    worker to get there builds under a lock, the others wait and reuse its
    result. Tests must only read what it returns.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root = shared / f"shared-{name}"
    done = root / ".built"
    with FileLock(str(shared / f"shared-{name}.lock")):
        if not done.is_file():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            result = build(root)
            done.write_text(str(result.relative_to(root)), encoding="utf-8")
    return root / done.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo hub built once per run (development settings), read-only.

    Its content/ (with the demo import), the import's state and report sit
    beside the returned output/.
    """
    return shared_build(tmp_path_factory, "demo", build_demo)


CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium (never a downloaded one), one per test module.

    The one browser fixture of the suite. While Playwright's sync API runs,
    its event loop is the thread's running loop: a second
    ``sync_playwright()`` fails, and so does every ``asyncio.run()`` of a
    later test (the importer's). Module scope closes it before the next
    module's tests run, in any order and on any xdist worker.
    """
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_FLAGS
        )
        yield instance
        instance.close()
