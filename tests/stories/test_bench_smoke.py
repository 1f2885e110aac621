"""The story grouping benchmark still runs (tiny: 300 posts), so it cannot rot."""

import subprocess
import sys

from storykit import REPO


def test_story_benchmark_runs_and_finds_the_planted_rewrites(tmp_path):
    table = tmp_path / "stories.md"
    result = subprocess.run(
        [sys.executable, "bench/story_bench.py", "--posts", "300", "--planted", "10",
         "--output", str(table)],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = table.read_text("utf-8")
    assert "| posts (planted rewrites) | 310 (10) |" in text
    assert "| rewrites found | 10 of 10 |" in text
    assert "| wrongly grouped | 0 |" in text
