"""The page-weight benchmark runs on the published hub (figures not asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import Site

REPO = Path(__file__).resolve().parents[2]


def test_the_page_weight_benchmark_reports_each_page_type_against_the_budget(
    published: Site,
):
    command = [
        sys.executable, str(REPO / "bench" / "page_weight.py"),
        "--site", str(published.output), "--url", published.url,
        "--per-kind", "1", "--kinds", "home,klarifikasi/*,kecamatan/*",
    ]  # fmt: skip
    done = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Budget: 60 KB per page at load" in done.stdout
    rows = re.findall(
        r"^\| (\S+) \| (\S+) \| ([\d.]+) \| ([\d./]+) \| ([\d.]+) \| ([\d./]+) \|",
        done.stdout,
        re.M,
    )
    assert [row[0] for row in rows] == ["home", "kecamatan/*", "klarifikasi/*"]
    for kind, _page, phone, parts, desktop, _ in rows:
        html, css, js, _img = (float(x) for x in parts.split("/"))
        # Every byte counted: the page, its one stylesheet and the site script.
        assert html > 0 and css > 0 and js > 0, (kind, parts)
        assert float(phone) >= html + css + js - 0.2
        assert float(desktop) > 0
    assert re.search(r"\d+ page type\(s\) over the budget\.", done.stdout)
