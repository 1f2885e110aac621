"""The push-to-deployed benchmark on a tiny hub, so it cannot rot (no timing)."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_pushed_klarifikasi_reaches_the_rsync_server(tmp_path: Path):
    work = tmp_path / "work"
    command = [sys.executable, str(REPO / "bench" / "publish_bench.py"),
               "--sizes", "40", "--work", str(work)]  # fmt: skip
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    row = re.search(r"^\| 40 \| \*\*[\d.]+ s\*\* \|.*$", result.stdout, re.MULTILINE)
    assert row, result.stdout
    uploaded = re.search(r"\| ([\d,]+) of ([\d,]+) \| [\d,]+ \|$", row.group(0))
    assert uploaded, row.group(0)
    sent, total = (int(n.replace(",", "")) for n in uploaded.groups())
    # The new post's pages went up; most of the site was linked, not sent.
    assert 0 < sent < total / 2
    server = work / "publish-40" / "server" / "current"
    pages = list(
        server.glob("**/hoaks-bench-pendaftaran-bansos-lewat-tautan/index.html")
    )
    assert len(pages) == 1
    assert "Pendaftaran Bansos" in pages[0].read_text(encoding="utf-8")
