"""rsync over SSH to a real sshd on 127.0.0.1: releases, atomic switch, rollback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pelita.tools.deploy.config import load_deploy_config
from pelita.tools.deploy.errors import DeployError
from pelita.tools.deploy.rsync_ssh import RsyncTarget, count_itemized, releases_to_prune

NO_SECRETS: dict[str, str] = {}


def target_for(server, base: Path, environ=NO_SECRETS, **extra) -> RsyncTarget:
    config = load_deploy_config(server.settings(base, **extra), environ={})
    return RsyncTarget(config.rsync, environ)


def releases(base: Path) -> list[str]:
    return sorted(
        p.name for p in (base / "releases").iterdir() if p.is_dir() and p.name[0] != "."
    )


def served(base: Path, name: str = "index.html") -> str:
    return (base / "current" / name).read_text(encoding="utf-8")


def test_publish_creates_releases_and_hard_links_unchanged_files(
    ssh_server, tmp_path: Path, make_output
):
    base = tmp_path / "srv" / "pelita"
    target = target_for(ssh_server, base)
    target.publish(make_output(), "aaaa1111", dry_run=False)
    first = releases(base)
    outcome = target.publish(
        make_output({"index.html": "<p>baru</p>", "berita/dua/index.html": None}),
        "bbbb2222",
        dry_run=False,
    )
    second = releases(base)
    assert len(first) == 1
    assert len(second) == 2
    assert second[0] == first[0]
    assert second[1].endswith("-bbbb2222")
    assert os.readlink(base / "current") == f"releases/{second[1]}"
    assert served(base) == "<p>baru</p>"
    assert not (base / "current" / "berita" / "dua").exists()
    old, new = (base / "releases" / name for name in second)
    css = "theme/css/main.css"
    assert (old / css).stat().st_ino == (new / css).stat().st_ino  # hard-linked
    assert (old / "index.html").stat().st_ino != (new / "index.html").stat().st_ino
    assert second[1] in outcome.summary


def test_old_releases_are_pruned_and_rollback_walks_back(
    ssh_server, tmp_path: Path, make_output
):
    base = tmp_path / "srv"
    target = target_for(ssh_server, base, keep_releases=3)
    for number in range(4):
        target.publish(
            make_output({"index.html": f"v{number}"}), "c0ffee", dry_run=False
        )
    kept = releases(base)
    assert len(kept) == 3
    assert served(base) == "v3"
    assert target.rollback(None, dry_run=True).dry_run
    assert served(base) == "v3"  # a dry run switches nothing
    target.rollback(None, dry_run=False)
    assert served(base) == "v2"
    assert os.readlink(base / "current") == f"releases/{kept[1]}"
    target.rollback(None, dry_run=False)
    assert served(base) == "v1"
    with pytest.raises(DeployError, match="oldest release kept"):
        target.rollback(None, dry_run=False)
    target.rollback(kept[2], dry_run=False)
    assert served(base) == "v3"
    with pytest.raises(DeployError, match="no release 'nope'"):
        target.rollback("nope", dry_run=False)


def test_dry_run_reports_changes_against_current_and_uploads_nothing(
    ssh_server, tmp_path: Path, make_output
):
    base = tmp_path / "srv"
    key = ssh_server.identity_file.read_text(encoding="utf-8")
    known = ssh_server.known_hosts_file.read_text(encoding="utf-8")
    # Secrets as a CI job passes them: the key itself, without a final newline.
    environ = {"PELITA_DEPLOY_SSH_KEY": key.strip(), "PELITA_DEPLOY_KNOWN_HOSTS": known}
    target = target_for(
        ssh_server, base, environ, identity_file="", known_hosts_file=""
    )
    empty = target.publish(make_output(), "dddd", dry_run=True)
    assert not (base / "current").exists()
    assert "7 new, 0 changed, 0 deleted" in empty.summary
    target.publish(make_output(), "dddd", dry_run=False)
    outcome = target.publish(
        make_output({"index.html": "ubah", "baru.html": "x", "sitemap.xml": None}),
        "eeee",
        dry_run=True,
    )
    assert "1 new, 1 changed, 1 deleted" in outcome.summary
    assert len(releases(base)) == 1


def test_an_unknown_host_key_is_refused(ssh_server, tmp_path: Path, make_output):
    wrong = tmp_path / "known_hosts"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "k")],
        check=True,
    )
    other_key = (tmp_path / "k.pub").read_text(encoding="utf-8").split()[:2]
    wrong.write_text(f"[127.0.0.1]:{ssh_server.port} {' '.join(other_key)}\n")
    target = target_for(ssh_server, tmp_path / "srv", known_hosts_file=str(wrong))
    with pytest.raises(DeployError, match="failed with status 255"):
        target.publish(make_output(), "ffff", dry_run=False)
    assert not (tmp_path / "srv").exists()


def test_a_failed_upload_leaves_the_current_release_serving(
    ssh_server, tmp_path: Path, make_output, site_files
):
    base = tmp_path / "srv"
    target_for(ssh_server, base).publish(make_output(), "1111", dry_run=False)
    before = releases(base)
    broken = target_for(ssh_server, base, rsync_path="/bin/false")
    with pytest.raises(DeployError, match="still serves"):
        broken.publish(make_output({"index.html": "baru"}), "2222", dry_run=False)
    assert releases(base) == before
    assert served(base) == site_files["index.html"]


INTERRUPTED_DEPLOY = """
import json, sys
from pelita.tools.deploy.config import load_deploy_config
from pelita.tools.deploy.rsync_ssh import RsyncTarget
settings, output = json.loads(sys.argv[1]), sys.argv[2]
RsyncTarget(load_deploy_config(settings, environ={}).rsync, {}).publish(
    __import__("pathlib").Path(output), "9999", dry_run=False)
"""


def test_an_interrupted_upload_leaves_the_current_release_serving(
    ssh_server, tmp_path: Path, make_output
):
    base = tmp_path / "srv"
    target_for(ssh_server, base).publish(make_output(), "1111", dry_run=False)
    before = releases(base)
    big = make_output({"index.html": "baru", "video/liputan.mp4": os.urandom(8 << 20)})
    slow = ssh_server.settings(base, rsync_options=["--bwlimit=1000"])
    process = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED_DEPLOY, json.dumps(slow), str(big)],
        start_new_session=True,
    )
    partial = _wait_for_partial_upload(base / "releases", process)
    os.killpg(process.pid, signal.SIGKILL)  # as when a CI job is cancelled
    process.wait(timeout=10)
    assert partial.name.startswith(".partial-")
    assert releases(base) == before
    assert served(base) == (base / "releases" / before[0] / "index.html").read_text()
    assert served(base) != "baru"
    target_for(ssh_server, base).publish(big, "2222", dry_run=False)
    assert served(base) == "baru"
    assert not list((base / "releases").glob(".partial-*"))  # cleaned up


def _wait_for_partial_upload(folder: Path, process: subprocess.Popen) -> Path:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, "the deploy ended before it could be cut"
        for partial in folder.glob(".partial-*"):
            if any(partial.rglob("*liputan.mp4*")):
                return partial
        time.sleep(0.05)
    raise AssertionError("the upload never started")


def test_itemized_changes_are_counted():
    text = ">f+++++++++ baru.html\n>fcst...... index.html\n*deleting   lama/\n"
    text += "*deleting   lama/index.html\ncd+++++++++ folder/\n"
    assert count_itemized(text) == {"new": 1, "changed": 1, "deleted": 1}


def test_pruning_keeps_the_newest_and_the_protected_release():
    names = [f"2025010{day}T000000Z-abc" for day in range(1, 6)]
    assert releases_to_prune(names, 3, keep=names[-1]) == names[:2]
    assert releases_to_prune(names, 3, keep=names[0]) == names[1:2]
