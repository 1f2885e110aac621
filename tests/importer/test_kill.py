"""A run killed mid-import leaves no partial post; the next run completes it."""

import signal
import subprocess
import sys
import time

from feedserver import Response, stall, wait_until
from imagekit import photo
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


IMAGE_FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>t</title><link>{base}/</link>{items}</channel></rss>"""
IMAGE_ITEM = """<item><title>Kabar {slug}</title><link>{base}/{slug}/</link>
<guid>{slug}</guid><pubDate>Tue, 01 Oct 2024 0{hour}:00:00 +0700</pubDate>
<description><![CDATA[<p>Isi kabar {slug}.</p>{body}]]></description>
<media:content url="{base}/img/{slug}.png" medium="image" type="image/png"/></item>"""


def image_feed(base, slugs, body=""):
    items = "".join(
        IMAGE_ITEM.format(base=base, slug=s, hour=i + 1, body=body if s == "b" else "")
        for i, s in enumerate(slugs)
    )
    return IMAGE_FEED.format(base=base, items=items).encode()


def image_files(folder):
    return sorted(p.name for p in folder.glob("*") if p.is_file())


def webp_count(folder):
    return len(list(folder.glob("*.webp")))


def test_a_killed_run_leaves_no_image_without_its_post(tmp_path, feed_server):
    """Post b's featured image is stored, its body image never answers: the
    run is killed there, with a's and b's images stored and no post written.
    The next run (b has left the feed) removes b's image and a killed
    write's temporary file, and keeps a's image (its post is written now),
    an image an admin's post uses and files that are not the importer's."""
    base = feed_server.base
    for slug, color in (("a", (10, 20, 30)), ("b", (200, 40, 40))):
        feed_server.add(
            f"/img/{slug}.png",
            Response(photo("PNG", color=color), content_type="image/png"),
        )
    feed_server.add("/img/lambat.png", stall)
    stalled = f'<p><img src="{base}/img/lambat.png" alt="lambat"></p>'
    url = feed_server.add("/feed", Response(image_feed(base, "ab", stalled)))
    write_registry(tmp_path, [{"id": "gambar", "url": url}])
    process = subprocess.Popen(
        import_command(tmp_path), cwd=REPO,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    images = tmp_path / "content" / "images" / "imported"
    assert wait_until(lambda: webp_count(images) == 2, timeout=30)
    assert wait_until(lambda: feed_server.requests_to("/img/lambat.png"), timeout=10)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    killed_with = image_files(images)
    assert posts(tmp_path) == []  # a channel writes its posts once all are ready

    # What else lies there: a killed write, another run's orphan, an image an
    # admin's post names, and a file of the admins'.
    (images / ".pelita-half.tmp").write_bytes(b"half")
    (images / ("e" * 20 + ".webp")).write_bytes(b"orphan")
    (images / ("d" * 20 + ".webp")).write_bytes(b"admin's")
    (images / "logo.webp").write_bytes(b"logo")
    admin = tmp_path / "content" / "posts" / "pengumuman.md"
    admin.parent.mkdir(parents=True)
    admin.write_text(f"Title: P\n\n![x]({{static}}/images/imported/{'d' * 20}.webp)\n")

    feed_server.add("/feed", Response(image_feed(base, "a")))
    finished = subprocess.run(
        import_command(tmp_path), cwd=REPO, capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    [post] = posts(tmp_path)
    used = [n for n in image_files(images) if n in post.read_text("utf-8")]
    assert len(used) == 1
    assert image_files(images) == sorted([*used, "d" * 20 + ".webp", "logo.webp"])
    assert set(killed_with) - set(image_files(images))  # b's image is gone
