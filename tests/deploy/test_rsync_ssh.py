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
from pelita.tools.deploy.lock import ServerLock
from pelita.tools.deploy.pin import new_pin
from pelita.tools.deploy.rsync_server import releases_to_prune
from pelita.tools.deploy.rsync_ssh import (
    RsyncTarget,
    Sent,
    count_itemized,
    parse_stats,
)
from pelita.tools.deploy.ssh import SshSession

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


def test_upload_statistics_are_read_with_thousands_separators():
    stats = (
        "Number of files: 6,073 (reg: 5,889, dir: 184)\n"
        "Number of created files: 6,073 (reg: 5,889, dir: 184)\n"
        "Number of regular files transferred: 1,181\n"
        "Total file size: 168,868,727 bytes\n"
        "Total transferred file size: 4,201,541 bytes\n"
    )
    assert parse_stats(stats) == Sent(1181, 4201541, 5889 - 1181)
    small = (
        "Number of files: 9 (reg: 7, dir: 2)\nNumber of regular files transferred: 0\n"
    )
    assert parse_stats(small) == Sent(0, 0, 7)
    with pytest.raises(DeployError, match="no statistics"):
        parse_stats("sent 198 bytes  received 57 bytes")


def test_itemized_changes_are_counted():
    text = ">f+++++++++ baru.html\n>fcst...... index.html\n*deleting   lama/\n"
    text += "*deleting   lama/index.html\ncd+++++++++ folder/\n"
    assert count_itemized(text) == {"new": 1, "changed": 1, "deleted": 1}


def test_pruning_keeps_the_newest_and_the_protected_release():
    names = [f"2025010{day}T000000Z-abc" for day in range(1, 6)]
    assert releases_to_prune(names, 3, keep=names[-1]) == names[:2]
    assert releases_to_prune(names, 3, keep=names[0]) == names[1:2]


# --- only changed bytes are sent ----------------------------------------------


def test_a_deploy_uploads_only_the_files_whose_bytes_changed(
    ssh_server, tmp_path: Path, make_output, site_files
):
    base = tmp_path / "srv"
    target = target_for(ssh_server, base)
    first = target.publish(make_output(), "aaaa", dry_run=False)
    assert (first.uploaded, first.unchanged) == (len(site_files), 0)
    # A fresh build: every file is rewritten (new mtimes), one changes bytes.
    again = target.publish(make_output({"index.html": "<p>baru</p>"}), "bbbb",
                           dry_run=False)  # fmt: skip
    assert (again.uploaded, again.unchanged) == (1, len(site_files) - 1)
    assert again.uploaded_bytes == len("<p>baru</p>")
    same = target.publish(make_output({"index.html": "<p>baru</p>"}), "cccc",
                          dry_run=False)  # fmt: skip
    assert (same.uploaded, same.uploaded_bytes) == (0, 0)
    assert "0 files uploaded" in same.summary


# --- the lock on the server ---------------------------------------------------


SLOW_DEPLOY = """
import json, logging, pathlib, sys
from pelita.tools.deploy.config import load_deploy_config
from pelita.tools.deploy.rsync_ssh import RsyncTarget
logging.basicConfig(level=logging.INFO)
settings, output = json.loads(sys.argv[1]), sys.argv[2]
outcome = RsyncTarget(load_deploy_config(settings, environ={}).rsync, {}).publish(
    pathlib.Path(output), "1111slow", dry_run=False)
print(outcome.summary)
"""


def test_a_deploy_waits_for_another_and_never_deletes_its_upload(
    ssh_server, tmp_path: Path, make_output, caplog
):
    base = tmp_path / "srv"
    target_for(ssh_server, base).publish(make_output(), "0000", dry_run=False)
    big = make_output({"index.html": "lambat", "video/a.mp4": os.urandom(3 << 20)})
    slow = ssh_server.settings(base, rsync_options=["--bwlimit=1000"])
    first = subprocess.Popen(
        [sys.executable, "-c", SLOW_DEPLOY, json.dumps(slow), str(big)],
        stdout=subprocess.PIPE,
        text=True,
    )
    partial = _wait_for_upload(base / "releases", first, "a.mp4")
    caplog.set_level("WARNING", logger="pelita.tools.deploy.lock")
    second = target_for(ssh_server, base, lock_wait=120).publish(
        make_output({"index.html": "cepat"}), "2222fast", dry_run=False
    )
    said, _ = first.communicate(timeout=60)
    assert first.returncode == 0, said
    # The second deploy waited (saying for whom) and did not clean up the
    # first one's upload in progress: both releases are complete.
    assert "another deploy holds the lock" in caplog.text
    assert "deploy of 1111slow" in caplog.text
    names = releases(base)
    assert len(names) == 3
    slow_release = next(name for name in names if name.endswith("-1111slow"))
    assert partial.name == f".partial-{slow_release}"
    assert (base / "releases" / slow_release / "index.html").read_text() == "lambat"
    assert (base / "releases" / slow_release / "video/a.mp4").stat().st_size == 3 << 20
    assert served(base) == "cepat"
    assert second.summary.startswith("release ")


def test_a_deploy_gives_up_when_the_lock_stays_taken(
    ssh_server, tmp_path: Path, make_output
):
    base = tmp_path / "srv"
    target = target_for(ssh_server, base, lock_wait=1)
    target.publish(make_output(), "0000", dry_run=False)
    before = releases(base)
    with SshSession(target.config, {}) as ssh, ServerLock(ssh, str(base), "test", 5):
        with pytest.raises(DeployError, match="more than 1 s, so nothing was changed"):
            target.publish(make_output({"index.html": "x"}), "1111", dry_run=False)
        with pytest.raises(DeployError, match="more than 1 s"):
            target.rollback(None, dry_run=False, pin=None)
    assert releases(base) == before
    # Released with the session: the next deploy goes through at once.
    target.publish(make_output({"index.html": "x"}), "1111", dry_run=False)
    assert served(base) == "x"


def _wait_for_upload(folder: Path, process: subprocess.Popen, name: str) -> Path:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, "the deploy ended before the test could look"
        for partial in folder.glob(".partial-*"):
            if any(partial.rglob(f"*{name}*")):
                return partial
        time.sleep(0.05)
    raise AssertionError("the upload never started")


# --- pins ---------------------------------------------------------------------


def test_a_rollback_pins_until_someone_deploys_on_purpose(
    ssh_server, tmp_path: Path, make_output
):
    base = tmp_path / "srv"
    target = target_for(ssh_server, base)
    target.publish(make_output({"index.html": "v1"}), "1111", dry_run=False)
    target.publish(make_output({"index.html": "v2"}), "2222", dry_run=False)
    pin = new_pin("", "berita salah di v2", environ={"GITHUB_ACTOR": "admin"})
    rolled = target.rollback(None, dry_run=False, pin=pin)
    assert served(base) == "v1"
    assert rolled.pinned is not None
    assert rolled.pinned.release.endswith("-1111")
    stored = json.loads((base / "pin.json").read_text(encoding="utf-8"))
    assert stored["release"] == rolled.pinned.release
    assert stored["reason"] == "berita salah di v2"

    # A scheduled deploy does not go over it, dry run or not.
    for dry_run in (True, False):
        held = target.publish(make_output({"index.html": "v3"}), "3333",
                              dry_run=dry_run)  # fmt: skip
        assert held.skipped
        assert held.pinned == rolled.pinned
        assert "invoke deploy --force" in held.summary
    assert served(base) == "v1"
    assert len(releases(base)) == 2
    assert target.read_pin() == rolled.pinned

    forced = target.publish(make_output({"index.html": "v3"}), "3333",
                            dry_run=False, force=True)  # fmt: skip
    assert served(base) == "v3"
    assert "lifted the pin" in " ".join(forced.details)
    assert target.read_pin() is None
    assert not (base / "pin.json").exists()


def test_pin_and_unpin_what_is_served(ssh_server, tmp_path: Path, make_output):
    base = tmp_path / "srv"
    target = target_for(ssh_server, base)
    with pytest.raises(DeployError, match="nothing is deployed"):
        target.set_pin(new_pin("", environ={"GITHUB_ACTOR": "a"}))
    target.publish(make_output(), "1111", dry_run=False)
    pinned = target.set_pin(new_pin("", "pemeriksaan", environ={"GITHUB_ACTOR": "a"}))
    assert pinned.pinned is not None
    assert pinned.pinned.release == os.readlink(base / "current").split("/")[-1]
    assert target.publish(make_output(), "2222", dry_run=False).skipped
    assert "unpinned (it was pinned to" in target.set_pin(None).summary
    assert not target.publish(make_output(), "2222", dry_run=False).skipped
    # A damaged pin file is still a pin: the site stays put.
    (base / "pin.json").write_text("{not json", encoding="utf-8")
    held = target.publish(make_output({"index.html": "x"}), "3333", dry_run=False)
    assert held.skipped
    assert held.pinned is not None
    assert "unreadable" in held.pinned.release
