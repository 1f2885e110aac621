"""Identity over HTTP: exact GUIDs, files of older imports, items listed twice."""

from feedserver import Response
from importer_testkit import fixture_bytes, make_settings, posts, read_report
from importer_testkit import write_registry as registry

from pelita.importer.cli import run_import
from pelita.importer.feeds import identity
from pelita.importer.writing.metadata import parse_header

SPEC_SAMPLE = fixture_bytes("rss2-spec-sample.xml")
WORDPRESS = fixture_bytes("wordpress-rss2.xml")


def run(root):
    return run_import(make_settings(root))


def report(root, ident="c"):
    return next(c for c in read_report(root)["channels"] if c["id"] == ident)


def snapshot(root):
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in posts(root)}


def header(path):
    return parse_header(path.read_text("utf-8").splitlines())


def older_import(monkeypatch, root):
    """A run as the importer ran before GUIDs were compared exactly."""
    with monkeypatch.context() as patch:
        patch.setattr(
            identity,
            "guid_key",
            lambda guid: identity.legacy_guid_key(guid) or identity.page_key(guid),
        )
        assert run(root) == 0


def test_the_rss_spec_sample_gives_nine_posts_and_a_rerun_writes_nothing(
    tmp_path, feed_server
):
    registry(
        tmp_path, [{"id": "c", "url": feed_server.add("/rss", Response(SPEC_SAMPLE))}]
    )
    assert run(tmp_path) == 0
    files = posts(tmp_path)
    assert len(files) == 9
    assert report(tmp_path)["new"] == 9
    assert len({header(p)["import_id"] for p in files}) == 9
    before = snapshot(tmp_path)
    assert run(tmp_path) == 0
    assert (report(tmp_path)["new"], report(tmp_path)["unchanged"]) == (0, 9)
    assert snapshot(tmp_path) == before


def test_files_of_an_older_import_are_found_again(monkeypatch, tmp_path, feed_server):
    """URL-shaped GUIDs (WordPress ``?p=``) kept their old key: no duplicates."""
    registry(tmp_path, [{"id": "c", "url": feed_server.add("/f", Response(WORDPRESS))}])
    older_import(monkeypatch, tmp_path)
    before = snapshot(tmp_path)
    assert len(before) == 2
    assert run(tmp_path) == 0
    assert (report(tmp_path)["new"], report(tmp_path)["unchanged"]) == (0, 2)
    assert snapshot(tmp_path) == before


def test_the_old_merged_file_of_fragment_twins_is_kept_by_one_item(
    monkeypatch, tmp_path, feed_server
):
    registry(
        tmp_path, [{"id": "c", "url": feed_server.add("/rss", Response(SPEC_SAMPLE))}]
    )
    older_import(monkeypatch, tmp_path)
    (merged,) = posts(tmp_path)  # the bug: nine items, one file
    merged_text = merged.read_text("utf-8")
    assert run(tmp_path) == 0
    files = posts(tmp_path)
    assert len(files) == 9
    assert (report(tmp_path)["new"], report(tmp_path)["unchanged"]) == (8, 1)
    assert merged.read_text("utf-8") == merged_text  # claimed, not rewritten
    bodies = [p.read_text("utf-8").split("\n\n", 1)[1] for p in files]
    assert len(set(bodies)) == 9
    before = snapshot(tmp_path)
    assert run(tmp_path) == 0
    assert snapshot(tmp_path) == before
    assert report(tmp_path)["unchanged"] == 9


def item(guid, link, title, date, text):
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>{date}</pubDate><description>{text}</description></item>"
    )


def feed(*items):
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>'
        "<link>https://k.example/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def test_an_item_listed_twice_is_one_post_in_its_newest_version(tmp_path, feed_server):
    day = "Sat, 05 Oct 2024 {}:00:00 +0700"
    body = feed(
        item("k-1", "https://k.example/1", "Versi baru", day.format(10), "Baru"),
        item("k-2", "https://k.example/2", "Lain", day.format("09"), "Lain"),
        item("k-1", "https://k.example/1/", "Versi lama", day.format("08"), "Lama"),
    )
    registry(tmp_path, [{"id": "c", "url": feed_server.add("/f", Response(body))}])
    assert run(tmp_path) == 0
    titles = sorted(header(p)["title"] for p in posts(tmp_path))
    assert titles == ["Lain", "Versi baru"]
    assert any("listed again" in note for note in report(tmp_path)["notes"])
    before = snapshot(tmp_path)
    assert run(tmp_path) == 0
    assert snapshot(tmp_path) == before


def test_one_guid_for_different_items_still_tells_them_apart_by_link(
    tmp_path, feed_server
):
    body = fixture_bytes("duplicate-guids.xml")
    registry(tmp_path, [{"id": "c", "url": feed_server.add("/f", Response(body))}])
    assert run(tmp_path) == 0
    assert len(posts(tmp_path)) == 3
    assert all(header(p)["import_id"].startswith("link:") for p in posts(tmp_path))


def test_source_keeps_every_query_as_written_but_trackers(tmp_path, feed_server):
    links = {
        "https://wiki.example/index.php?SandBox": "https://wiki.example/index.php?SandBox",
        "https://x.example/a?foo=1:2": "https://x.example/a?foo=1:2",
        "https://x.example/b?a=1&amp;c": "https://x.example/b?a=1&c",
        "https://x.example/c?id=3&amp;utm_source=rss&amp;c&amp;x=%7E":
            "https://x.example/c?id=3&c&x=%7E",
    }  # fmt: skip
    day = "Sat, 05 Oct 2024 10:00:00 +0700"
    body = feed(
        *(item(f"g{i}", link, f"T{i}", day, "x") for i, link in enumerate(links))
    )
    registry(tmp_path, [{"id": "c", "url": feed_server.add("/f", Response(body))}])
    assert run(tmp_path) == 0
    sources = sorted(header(p)["source"] for p in posts(tmp_path))
    assert sources == sorted(links.values())
