"""The report on an editor's pull request, and the workflow that posts it."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import yaml

from pelita.tools.webeditor.review import MARKER, main, review_comment, urgent_posts
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "editor-review.yml"
PROBLEM = {
    "path": "content/posts/2026/a.md", "line": 4, "severity": "error",
    "code": "kelurahan", "message": "Kelurahan 'Metesh' | tidak dikenal",
    "suggestion": "maksud Anda Meteseh?",
}  # fmt: skip


def test_a_klarifikasi_makes_the_pull_request_urgent(tmp_path: Path):
    hoax = tmp_path / "hoaks.md"
    hoax.write_text("Title: H\nCategory: Klarifikasi\n\nIsi.\n", encoding="utf-8")
    news = tmp_path / "kabar.md"
    news.write_text(
        "Title: K\nCategory: Berita\n\nCategory: Klarifikasi\n", encoding="utf-8"
    )
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8")
    assert urgent_posts([hoax, news, photo, tmp_path / "gone.md"]) == [hoax.as_posix()]


def test_the_comment_lists_each_problem_with_its_place_and_suggestion():
    check = {"ok": False, "files_checked": 1, "errors": 1, "warnings": 0,
             "problems": [PROBLEM]}  # fmt: skip
    comment = review_comment(check, ["content/posts/2026/hoaks.md"])
    assert comment.startswith(MARKER)
    assert "**MENDESAK: klarifikasi hoaks.**" in comment
    assert "❌ belum bisa diterbitkan: 1 kesalahan, 0 peringatan" in comment
    assert (
        "| `content/posts/2026/a.md:4` | error | Kelurahan 'Metesh' \\| tidak dikenal"
        " [kelurahan] | maksud Anda Meteseh? |"
    ) in comment
    clean = review_comment({"errors": 0, "warnings": 0, "files_checked": 2}, [])
    assert "MENDESAK" not in clean
    assert "tidak menemukan masalah (2 tulisan diperiksa)" in clean


def test_main_writes_the_comment_and_the_urgency_output(tmp_path: Path, monkeypatch):
    hoax = tmp_path / "hoaks.md"
    hoax.write_text("Title: H\nCategory: Klarifikasi\n\nIsi.\n", encoding="utf-8")
    (tmp_path / "check.json").write_text(json.dumps({"errors": 0, "warnings": 0}))
    outputs = tmp_path / "outputs"
    monkeypatch.setenv("GITHUB_OUTPUT", str(outputs))
    assert main(["--check", str(tmp_path / "check.json"), "--out",
                 str(tmp_path / "c.md"), str(hoax)]) == 0  # fmt: skip
    assert outputs.read_text() == "urgent=true\n"
    assert "MENDESAK" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_the_workflow_checks_the_changed_posts_of_every_pull_request():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    trigger = workflow[True]["pull_request"]  # PyYAML reads "on" as True
    assert trigger["paths"] == ["content/posts/**", "content/images/**"]
    steps = workflow["jobs"]["review"]["steps"]
    script = "\n".join(step.get("run", "") for step in steps)
    assert "invoke check --format json" in script
    modules = re.findall(r"python -m ([\w.]+)", script)
    assert modules == ["pelita.tools.webeditor.review"]
    assert all(importlib.util.find_spec(module) for module in modules)
    assert "--add-label mendesak" in script
    assert steps[-1]["run"] == "exit 1"
    # Read-only at the top; the review job alone may comment and label.
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["review"]["permissions"] == {
        "contents": "read", "pull-requests": "write", "issues": "write",
    }  # fmt: skip
