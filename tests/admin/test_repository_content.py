"""The repository's own content and registries pass ``invoke check``.

This is how CI runs the check on every push: an admin's broken post (or a
broken registry) fails the build with the check's own messages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from pelita.tools.check import format_problem, run_check
from pelita.tools.democontent import stage_demo_content

from .conftest import REPO, repo_settings


def test_repository_content_has_no_errors():
    result = run_check(repo_settings(), root=REPO)
    assert result.errors == [], "\n".join(map(format_problem, result.errors))
    handwritten = [
        p
        for p in result.problems
        if p.path.startswith(("content/posts/", "content/pages/"))
    ]
    assert handwritten == [], "\n".join(map(format_problem, handwritten))


def test_the_demo_s_hand_written_posts_pass_the_check(tmp_path):
    """demo/ is not in content/, so it is checked where make site puts it."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    stage_demo_content(REPO, tmp_path / "content")
    result = run_check(repo_settings(), root=tmp_path)
    assert result.problems == [], "\n".join(map(format_problem, result.problems))
    assert result.files_checked >= 40  # the 40 demo posts


def test_invoke_check_exits_zero_on_the_repository():
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--path", "content/posts"],
        cwd=REPO, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Semua beres" in done.stdout
