"""A run killed mid-import leaves no partial post; the next run completes it."""

import signal
import subprocess
import sys
import time

from feedserver import Response
from importer_testkit import REPO, make_settings, posts, write_registry

from pelita.importer.writing.metadata import document_hash, parse_header

ENTRIES = 200


def big_feed() -> bytes:
    items = "".join(
        f"<item><title>Kabar nomor {i}</title><link>https://x.example/k/{i}</link>"
        f"<guid>k-{i}</guid><pubDate>Tue, 01 Oct 2024 08:{i % 60:02d}:00 +0700"
        f"</pubDate><description><![CDATA[<p>{'Isi berita. ' * 50}</p>]]>"
        "</description>"
        "</item>"
        for i in range(ENTRIES)
    )
    return (
        f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()
    )


def import_command(root):
    settings = make_settings(root, max_entries=1000, max_bytes=64 * 1024 * 1024)
    config = root / "settings.py"
    config.write_text(
        "".join(f"{key} = {value!r}\n" for key, value in settings.items()), "utf-8"
    )
    return [sys.executable, "-m", "pelita.importer", "--settings", str(config)]


def test_killed_run_leaves_whole_files_and_the_next_run_completes(
    tmp_path, feed_server
):
    url = feed_server.add("/feed", Response(big_feed()))
    write_registry(tmp_path, [{"id": "besar", "url": url}])
    process = subprocess.Popen(
        import_command(tmp_path),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    folder = tmp_path / "content" / "imported"
    deadline = time.monotonic() + 30
    while not any(folder.rglob("*.md")) and time.monotonic() < deadline:
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    written = posts(tmp_path)
    assert 0 < len(written) < ENTRIES, "the kill came too late to test anything"
    for path in written:
        text = path.read_text("utf-8")
        assert parse_header(text.splitlines())["import_hash"] == document_hash(text)
    assert not (tmp_path / "state" / "import-state.json").exists()
    assert (tmp_path / "state" / "import-state.json.running").exists()
    leftover = folder / "besar" / "2024" / ".pelita-leftover.tmp"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_text("half a file", "utf-8")

    finished = subprocess.run(
        import_command(tmp_path), cwd=REPO, capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    final = posts(tmp_path)
    assert len(final) == ENTRIES  # nothing imported twice
    ids = {parse_header(p.read_text("utf-8").splitlines())["import_id"] for p in final}
    assert len(ids) == ENTRIES
    assert not list(folder.rglob(".pelita-*"))
    assert not (tmp_path / "state" / "import-state.json.running").exists()
