"""The job summary: gate steps, held-back posts, pins, push-to-live time."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pelita.tools.deploy.base import Outcome, pinned_outcome
from pelita.tools.deploy.gate import GateReport, StepResult
from pelita.tools.deploy.pin import Pin, parse_pin
from pelita.tools.deploy.summary import (
    build_summary,
    deploy_summary,
    held_back_section,
    parse_pushed_at,
    push_to_live,
    read_held_back,
)

PUSHED = 1757400000  # 2025-09-09 06:40:00 UTC


def test_push_to_live_is_told_in_minutes_and_wib():
    now = dt.datetime.fromtimestamp(PUSHED + 83, dt.UTC)
    assert push_to_live(PUSHED, now) == (
        "Push to live: **1 min 23 s** (pushed 13:40:00, live 13:41:23 WIB)."
    )
    assert "**42 s**" in push_to_live(PUSHED, now - dt.timedelta(seconds=41))


@pytest.mark.parametrize("value", ["soon", "-5", "1.5", "1e9"])
def test_a_bad_pushed_at_names_the_value_and_what_is_expected(value: str):
    with pytest.raises(ValueError, match=rf"--pushed-at is '{value}'; expected"):
        parse_pushed_at(value)
    assert parse_pushed_at("") is None
    assert parse_pushed_at(str(PUSHED)) == PUSHED


def test_held_back_posts_are_read_in_either_shape(tmp_path: Path):
    path = tmp_path / "held-back.json"
    assert read_held_back(path) == []
    post = {"file": "content/posts/a.md", "line": 4, "field": "Date",
            "value": "kemarin", "message": "bukan tanggal",
            "suggestion": "tulis 2025-09-09 10:00"}  # fmt: skip
    for shape in ([post], {"posts": [post]}):
        path.write_text(json.dumps(shape), encoding="utf-8")
        (found,) = read_held_back(path)
        assert (found.file, found.line) == ("content/posts/a.md", 4)
        assert (found.field, found.value) == ("Date", "kemarin")
        # The entry keeps its parts; the summary says them as one line.
        assert (
            "- `content/posts/a.md:4` — "
            "Date: 'kemarin': bukan tanggal — tulis 2025-09-09 10:00"
        ) in held_back_section([found])
    path.write_text("{oops", encoding="utf-8")
    (broken,) = read_held_back(path)
    assert "unreadable" in broken.message


def test_the_build_summary_lists_steps_problems_and_posts(tmp_path: Path):
    report = GateReport((
        StepResult("check", (), 1.25),
        StepResult("build", ("exit 1",), 30.0),
        StepResult("links", (), 0.0, skipped=True),
    ))  # fmt: skip
    held = tmp_path / "held.json"
    held.write_text(json.dumps([{"file": "a.md", "message": "<script>"}]))
    text = build_summary(report, "gate: FAILED\n```\nend", read_held_back(held))
    assert "| check | passed | 1.2 |" in text
    assert "| build | **1 problem(s)** | 30.0 |" in text
    assert "| links | not run | 0.0 |" in text
    assert "**The gate failed: nothing is deployed.**" in text
    assert text.count("```") == 2  # a fence in a message cannot end the block
    assert "- `a.md` — &lt;script&gt;" in text


def test_the_deploy_summary_tells_uploads_pins_and_failures():
    done = Outcome("rsync", "release r1 is live", uploaded=3, uploaded_bytes=2048,
                   details=("pruned release r0",))  # fmt: skip
    now = dt.datetime.fromtimestamp(PUSHED + 61, dt.UTC)
    text = deploy_summary(done, pushed_at=PUSHED, now=now)
    assert "release r1 is live (rsync)." in text
    assert "Files uploaded: **3** (2,048 bytes)." in text
    assert "- pruned release r0" in text
    assert "Push to live: **1 min 1 s**" in text
    pin = Pin("r0", "2025-09-09T06:00:00+00:00", "admin", "berita salah")
    held = deploy_summary(pinned_outcome("rsync", pin), pushed_at=PUSHED, now=now)
    assert "**Not deployed: the site is pinned** to `r0`" in held
    assert "by admin (berita salah)." in held
    assert "Push to live" not in held  # it did not go live
    failed = deploy_summary(None, "deploy: rsync failed")
    assert "The deploy failed; the site is as it was." in failed


def test_a_damaged_pin_is_still_a_pin():
    assert parse_pin("not json").release == "(unreadable pin)"
    assert parse_pin('{"release": "r1", "at": "t", "by": "b"}') == Pin("r1", "t", "b")
