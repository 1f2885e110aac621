"""The share kit benchmark still runs (tiny, without the demo hub), so it cannot rot."""

import subprocess
import sys

from .kittest import REPO


def test_sharekit_benchmark_runs_and_reports(tmp_path):
    table = tmp_path / "bench.md"
    subprocess.run(
        [sys.executable, "bench/sharekit_bench.py", "--cards", "1", "--posts", "20",
         "--no-site", "--output", str(table)],
        cwd=REPO, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = table.read_text(encoding="utf-8")
    for name in ("portrait 1080x1350", "story 1080x1920", "link 1200x630"):
        assert f"| {name} |" in text
    assert "µs per kit (20 kits" in text
