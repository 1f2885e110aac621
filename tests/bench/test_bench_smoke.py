"""The build benchmark at a tiny size, so it cannot rot (no timing asserted)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_benchmark_builds_every_engine_and_writes_the_tables(tmp_path):
    report = tmp_path / "benchmarks.md"
    command = [
        sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "12",
        "--added", "1", "3", "--no-micro", "--work", str(tmp_path / "work"),
        "--out", str(report),
    ]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = report.read_text(encoding="utf-8")
    for row in (
        "bare Pelican 4.12, simple theme",
        "Hugo, minimal layout",
        "Pelita, full build |",
        "Pelita, first build",
        "Pelita, rebuild after adding 1 post",
        "Pelita, rebuild after adding 50 posts",
        "bare Pelican 4.12, rebuild after adding 1 post (content cache on)",
    ):
        assert f"| 12 | {row}" in text, text
    assert "| peak RSS of Pelita, 12 posts |" in text
    assert "| HTML pages changed by 1 new post, 12 posts |" in text
    assert "| 1-post rebuild ÷ bare Pelican's cached 1-post rebuild, 12 posts" in text
    assert (tmp_path / "work" / "hub-12" / "out-bare-cached").is_dir()
    site = tmp_path / "work" / "hub-12"
    assert (site / "out-hugo" / "posts" / "kabar-000003" / "index.html").is_file()
    assert (site / "out-bare" / "kabar-000003.html").is_file()
    assert (site / "out-pelita" / "pagefind" / "pagefind-entry.json").is_file()
    assert len(list((site / "content").rglob("*.md"))) == 12 + 1  # posts + a page
