"""The gate: real production builds, the link check, and deploys it blocks."""

from __future__ import annotations

import gzip
import importlib.machinery
import importlib.util
import shutil
import sys
import types
from pathlib import Path

import pytest

from pelita.tools.deploy.config import load_deploy_config
from pelita.tools.deploy.errors import GateFailed
from pelita.tools.deploy.gate import (
    GateStep,
    budgets_step,
    default_steps,
    has_passed,
    precompresses,
    require_gate,
    run_gate,
)
from pelita.tools.deploy.project import load_project
from pelita.tools.deploy.run import deploy
from pelita.tools.deploy.s3 import S3Target, make_client

REPO = Path(__file__).resolve().parents[2]
SITEURL = "https://pelita.example"

BROKEN_POST = """Title: Jadwal Car Free Day Simpang Lima
Date: 2025-09-07 06:00
Category: Berita
Slug: jadwal-car-free-day

Lihat [rute lengkapnya](/berita/rute-yang-tidak-ada/).
"""


def settings_file(tmp_path: Path, *lines: str) -> str:
    """A production settings file: publishconf.py with ``lines`` after it."""
    path = tmp_path / "publishconf_test.py"
    head = ["import os", "import sys", "", "sys.path.append(os.curdir)"]
    head.append("from publishconf import *  # noqa: F403")
    path.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
    return str(path)


def project_for(
    tmp_path: Path,
    content: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: str = "publishconf.py",
):
    monkeypatch.setenv("SITEURL", SITEURL)
    return load_project(
        REPO,
        settings,
        output=tmp_path / "output",
        content=content,
        state_dir=tmp_path / "state",
        environ={},
    )


def test_the_demo_production_build_passes_the_whole_gate(
    demo_output: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # The shared demo import (content/ beside the built demo); the gate makes
    # its own production build of it.
    project = project_for(tmp_path, demo_output.parent / "content", monkeypatch)
    report = require_gate(project, default_steps(project))
    names = [result.name for result in report.results]
    assert names == ["settings", "build", "check", "links", "compressed", "budgets"]
    assert report.passed
    assert (project.output / "feeds" / "semua.atom.xml").is_file()
    # The rsync target (publishconf's): a gzipped copy beside every text file.
    for name in ("index.html", "feeds/semua.atom.xml", "sitemap.xml"):
        packed = (project.output / f"{name}.gz").read_bytes()
        assert gzip.decompress(packed) == (project.output / name).read_bytes()
    assert (project.output / "pagefind" / "pagefind.js").is_file()
    assert has_passed(project)
    (project.output / "index.html").write_text("diubah", encoding="utf-8")
    assert not has_passed(project)  # a changed output/ must pass again


def test_the_gate_blocks_a_deploy_of_a_build_with_a_broken_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, s3_endpoint: str
):
    content = tmp_path / "content"
    shutil.copytree(
        REPO / "content", content, ignore=shutil.ignore_patterns("demo", "demo-posts")
    )
    post = content / "posts" / "2025" / "cfd.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(BROKEN_POST, encoding="utf-8")
    # The guard would hold this post back for its dead link; the gate's link
    # check is the defence under it (a broken link from a template, or one the
    # guard misses), so this build runs without the guard to prove it holds.
    unguarded = settings_file(
        tmp_path, 'PLUGINS = [p for p in PLUGINS if p != "pelita.build.guard"]'
    )
    project = project_for(tmp_path, content, monkeypatch, unguarded)
    s3 = load_deploy_config(
        {"s3": {"bucket": "gerbang", "endpoint_url": s3_endpoint}}, environ={}
    ).s3
    client = make_client(s3)
    client.create_bucket(Bucket="gerbang")
    steps = lambda: default_steps(project, include_check=False)  # noqa: E731
    with pytest.raises(GateFailed) as failure:
        deploy(project, S3Target(s3, client), steps)
    message = str(failure.value)
    assert "nothing was deployed" in message
    assert "berita/jadwal-car-free-day/index.html: a href" in message
    assert "/berita/rute-yang-tidak-ada/" in message
    assert client.list_objects_v2(Bucket="gerbang")["KeyCount"] == 0
    assert not has_passed(project)


def test_a_failing_build_stops_the_gate_before_the_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    # A broken post is only held back (the build passes); a failure of the
    # site itself, here a page template that does not exist, fails the build.
    (content / "posts" / "kabar.md").write_text(
        "Title: Kabar\nDate: 2025-09-07 06:00\nCategory: Berita\n\nIsi.\n",
        encoding="utf-8",
    )
    broken = settings_file(
        tmp_path, 'DIRECT_TEMPLATES = [*DIRECT_TEMPLATES, "tidak-ada"]'
    )
    project = project_for(tmp_path, content, monkeypatch, broken)
    report = run_gate(default_steps(project, include_check=False))
    by_name = {result.name: result for result in report.results}
    assert not by_name["build"].ok
    assert "exited with status" in by_name["build"].problems[0]
    assert by_name["links"].skipped
    assert "links: not run" in report.failure_message()


def test_steps_run_in_order_and_crashes_count_as_failures():
    calls: list[str] = []

    def step(name: str, problems: list[str], blocking: bool = False) -> GateStep:
        return GateStep(name, name, lambda: calls.append(name) or problems, blocking)

    def crash() -> list[str]:
        raise OSError("disk full")

    report = run_gate(
        [
            step("a", ["a is wrong"]),
            GateStep("b", "crashes", crash),
            step("c", [], blocking=True),
            step("d", ["d is wrong"], blocking=True),
            step("e", []),
        ]
    )
    assert calls == ["a", "c", "d"]
    assert [r.ok for r in report.results] == [False, False, True, False, False]
    assert report.results[1].problems == ("the check crashed: OSError: disk full",)
    assert report.results[4].skipped


def test_a_local_siteurl_fails_the_settings_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SITEURL", "http://localhost:8000")
    project = load_project(REPO, output=tmp_path / "o", environ={})
    settings = default_steps(project, include_check=False)[0]
    assert settings.name == "settings"
    assert "a local address" in settings.run()[0]


def test_check_is_a_gate_step_that_names_every_held_back_content_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "salah.md").write_text(
        "Title: Kerja Bakti di Tembalang\n"
        "Date: 2025-09-07 06:00\n"
        "Category: Berita\n"
        "Slug: kerja-bakti\n"
        "Kecamatan: Tembalng\n"
        "Summary: Warga membersihkan saluran.\n\n"
        "Warga membersihkan saluran air bersama.\n",
        encoding="utf-8",
    )
    project = project_for(tmp_path, content, monkeypatch)
    steps = {step.name: step for step in default_steps(project)}
    assert list(steps)[:4] == ["settings", "build", "check", "links"]
    # An error in a post holds back that post, not the site: the check step
    # does not block on it, but names it (file, line, closest valid choice).
    with caplog.at_level("WARNING", logger="pelita.tools.deploy.gate"):
        problems = steps["check"].run()
    assert problems == []
    (said,) = [m for r in caplog.records if "held back" in (m := r.getMessage())]
    assert "salah.md:5" in said
    assert "Tembalang" in said


def test_deploy_reuses_a_recorded_pass_and_gates_a_changed_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_output
):
    output = make_output()
    monkeypatch.setenv("SITEURL", SITEURL)
    project = load_project(
        REPO, output=output, state_dir=tmp_path / "state", environ={}
    )
    gate_runs: list[int] = []

    def steps() -> list[GateStep]:
        gate_runs.append(1)
        return [GateStep("ok", "always passes", list)]

    class Recorder:
        name = "recorder"
        published: list[Path] = []  # noqa: RUF012

        def publish(self, out: Path, revision: str, *, dry_run: bool, force: bool):
            self.published.append(out)
            return revision

        def read_pin(self) -> None:
            return None

    deploy(project, Recorder(), steps)
    deploy(project, Recorder(), steps)
    assert len(gate_runs) == 1
    (output / "baru.html").write_text("x", encoding="utf-8")
    deploy(project, Recorder(), steps)
    assert len(gate_runs) == 2
    assert Recorder.published == [output, output, output]


def test_budgets_are_called_through_their_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    module = types.ModuleType("pelita.tools.sitecheck.budgets")
    module.__spec__ = importlib.machinery.ModuleSpec(
        "pelita.tools.sitecheck.budgets", None
    )
    module.check_budgets = lambda output: [f"{output.name}/index.html: 72 KB > 60 KB"]
    monkeypatch.setitem(sys.modules, "pelita.tools.sitecheck.budgets", module)
    project = project_for(tmp_path, tmp_path, monkeypatch)
    step = budgets_step(project)
    assert step is not None
    assert step.run() == ["output/index.html: 72 KB > 60 KB"]


@pytest.mark.parametrize(
    ("deploy", "expected"),
    [
        ({"target": "rsync"}, True),
        ({"target": "rsync", "rsync": {"precompress": False}}, False),
        ({"target": "s3"}, False),  # the S3 target gzips as it uploads
        ({"target": "ghpages"}, False),  # GitHub Pages compresses itself
    ],
)
def test_only_the_rsync_target_gets_and_checks_gzipped_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deploy, expected
):
    lines = [f"DEPLOY = {{**DEPLOY, **{deploy!r}}}"]
    if "rsync" in deploy:
        lines = [
            f"DEPLOY = {{**DEPLOY, **{deploy!r}, "
            f"'rsync': {{**DEPLOY['rsync'], **{deploy['rsync']!r}}}}}"
        ]
    content = tmp_path / "content"  # the settings file's PATH is beside it
    content.mkdir()
    project = project_for(
        tmp_path, content, monkeypatch, settings_file(tmp_path, *lines)
    )
    names = [step.name for step in default_steps(project, include_check=False)]
    assert ("compressed" in names) is expected
    assert precompresses(project) is expected
