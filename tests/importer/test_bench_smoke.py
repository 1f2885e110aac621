"""The import benchmark still runs (tiny: 5 channels), so it cannot rot."""

import re
import subprocess
import sys

from importer_testkit import REPO


def test_import_benchmark_runs_and_reports(tmp_path):
    table = tmp_path / "bench.md"
    result = subprocess.run(
        [
            sys.executable, "bench/import_bench.py",
            "--channels", "5", "--entries", "3", "--latency", "0.01",
            "--output", str(table),
        ],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = table.read_text("utf-8")
    assert "5 channels x 3 entries" in text
    assert "| files written, first import | - | 15 | |" in text
    assert "| files written, unchanged re-run | - | 0 | |" in text
    assert re.search(r"\| first import, wall time \| [\d.]+ s \| [\d.]+ s \|", text)
