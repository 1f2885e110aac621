"""Whole runs over HTTP: idempotency, conditional GET, admin edits, failures."""

import fcntl
import json

from feedserver import Response, stall
from importer_testkit import (
    fixture_bytes,
    make_settings,
    posts,
    read_report,
    read_state,
    write_registry,
)

from pelita.importer.cli import run_import
from pelita.importer.writing.metadata import parse_header

WORDPRESS = fixture_bytes("wordpress-rss2.xml")


def run(root, only=None, dry_run=False, **importer):
    return run_import(make_settings(root, **importer), only=only, dry_run=dry_run)


def mtimes(root):
    return {p: p.stat().st_mtime_ns for p in posts(root)}


def channel_report(root, ident):
    return next(c for c in read_report(root)["channels"] if c["id"] == ident)


def header(path):
    return parse_header(path.read_text("utf-8").splitlines())


def test_first_import_then_conditional_get_writes_nothing(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS, etag='"w1"'))
    write_registry(tmp_path, [{"id": "dlh", "url": url, "opd": "dlh"}])
    assert run(tmp_path) == 0
    assert channel_report(tmp_path, "dlh")["new"] == 2
    before = mtimes(tmp_path)
    assert len(before) == 2
    assert run(tmp_path) == 0
    second = feed_server.requests_to("/feed")[1]
    assert second.headers["If-None-Match"] == '"w1"'
    assert channel_report(tmp_path, "dlh")["status"] == "not_modified"
    assert mtimes(tmp_path) == before


def test_unchanged_feed_without_validators_writes_nothing(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    before = mtimes(tmp_path)
    assert run(tmp_path) == 0
    report = channel_report(tmp_path, "dlh")
    assert (report["status"], report["new"], report["unchanged"]) == ("ok", 0, 2)
    assert mtimes(tmp_path) == before


def test_metadata_comes_from_the_entry_and_the_channel(tmp_path, feed_server):
    where = {"Content-Location": "https://dlh.semarangkota.go.id/feed/"}
    url = feed_server.add("/feed", Response(WORDPRESS, headers=where))
    write_registry(
        tmp_path,
        [{
            "id": "kel-meteseh", "kind": "kelurahan", "url": url,
            "kecamatan": "Tembalang", "kelurahan": "Meteseh", "opd": "dlh",
            "category": "Prestasi", "tags": ["lingkungan", "adipura"],
            "images": "remote",
        }],
    )  # fmt: skip
    run(tmp_path)
    path = next(p for p in posts(tmp_path) if "bank-sampah" in p.name)
    meta = header(path)
    assert path.relative_to(tmp_path / "content" / "imported").parts[:2] == (
        "kel-meteseh",
        "2024",
    )
    assert meta["date"] == "2024-10-14T09:30:00+07:00"
    assert meta["category"] == "Prestasi"
    assert meta["tags"] == "lingkungan, adipura, Berita"
    assert meta["kecamatan"] == "Tembalang"
    assert meta["kelurahan"] == "Meteseh"
    assert meta["opd"] == "dlh"
    assert meta["channel"] == "kel-meteseh"
    assert meta["source"] == (
        "https://dlh.semarangkota.go.id/2024/10/bank-sampah-meteseh-adipura/"
    )
    assert meta["author"] == "Admin DLH"
    assert meta["image"] == (
        "https://dlh.semarangkota.go.id/wp-content/uploads/2024/10/bank-sampah.jpg"
    )
    assert meta["image_alt"] == "Pengurus bank sampah menerima piala"
    assert meta["import_id"].startswith("guid:")
    assert "modified" not in meta


def test_changed_entry_is_updated_with_a_modified_date(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    feed_server.routes["/feed"] = Response(
        WORDPRESS.replace(b"pengolahan kompos", b"pengolahan kompos dan maggot")
    )
    run(tmp_path)
    report = channel_report(tmp_path, "dlh")
    assert (report["updated"], report["unchanged"]) == (1, 1)
    path = next(p for p in posts(tmp_path) if "bank-sampah" in p.name)
    assert "maggot" in path.read_text("utf-8")
    assert "modified" in header(path)
    run(tmp_path)  # and the update is stable
    assert channel_report(tmp_path, "dlh")["unchanged"] == 2


def test_admin_edit_is_kept_and_reported(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    path = next(p for p in posts(tmp_path) if "bank-sampah" in p.name)
    edited = path.read_text("utf-8").replace("Category: Berita", "Category: Prestasi")
    path.write_text(edited, "utf-8")
    feed_server.routes["/feed"] = Response(WORDPRESS.replace(b"kompos", b"maggot"))
    assert run(tmp_path) == 0
    report = channel_report(tmp_path, "dlh")
    assert report["kept_admin_edit"] == 1
    assert any("edited by hand" in note for note in report["notes"])
    assert path.read_text("utf-8") == edited


def test_deleted_post_is_not_restored(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    victim = next(p for p in posts(tmp_path) if "jadwal" in p.name)
    victim.unlink()
    run(tmp_path)
    assert not victim.exists()
    assert channel_report(tmp_path, "dlh")["kept_admin_edit"] == 1


def test_entries_that_leave_the_feed_stay(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    start = WORDPRESS.index(b"<item>")
    end = WORDPRESS.index(b"</item>") + len(b"</item>")
    feed_server.routes["/feed"] = Response(WORDPRESS[:start] + WORDPRESS[end:])
    run(tmp_path)
    assert len(posts(tmp_path)) == 2
    assert channel_report(tmp_path, "dlh")["unchanged"] == 1


def test_lost_state_never_duplicates(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS, etag='"w1"'))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    (tmp_path / "state" / "import-state.json").unlink()
    run(tmp_path)
    assert len(posts(tmp_path)) == 2
    assert "If-None-Match" not in feed_server.requests_to("/feed")[1].headers
    assert channel_report(tmp_path, "dlh")["unchanged"] == 2
    entries = read_state(tmp_path)["channels"]["dlh"]["entries"]
    assert len(entries) == 2
    assert all(e["hash"] for e in entries.values())


def test_broken_state_file_is_kept_aside(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    state = tmp_path / "state" / "import-state.json"
    state.write_text("{ not json", "utf-8")
    assert run(tmp_path) == 0
    assert (tmp_path / "state" / "import-state.json.broken").exists()
    assert len(posts(tmp_path)) == 2


def test_missing_channel_folder_is_imported_again(tmp_path, feed_server):
    """A fresh checkout with the state but without content/ re-imports."""
    import shutil

    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "dlh", "url": url}])
    run(tmp_path)
    shutil.rmtree(tmp_path / "content" / "imported" / "dlh")
    run(tmp_path)
    assert len(posts(tmp_path)) == 2


def test_reused_guids_switch_to_link_identity(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(fixture_bytes("duplicate-guids.xml")))
    write_registry(tmp_path, [{"id": "bridge", "url": url}])
    run(tmp_path)
    assert len(posts(tmp_path)) == 3
    assert read_state(tmp_path)["channels"]["bridge"]["identity"] == "link"
    run(tmp_path)
    assert channel_report(tmp_path, "bridge")["unchanged"] == 3


def test_entries_without_guid(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(fixture_bytes("no-guids.xml")))
    write_registry(tmp_path, [{"id": "noguid", "url": url}])
    run(tmp_path)
    ids = sorted(header(p)["import_id"].split(":")[0] for p in posts(tmp_path))
    assert ids == ["hash", "link"]
    run(tmp_path)
    assert channel_report(tmp_path, "noguid")["unchanged"] == 2


def test_dates_are_written_with_offset_and_fallbacks_reported(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(fixture_bytes("wib-dates.xml")))
    write_registry(tmp_path, [{"id": "tembalang", "url": url}])
    run(tmp_path)
    dates = {
        header(p)["source"].rsplit("/", 1)[-1]: header(p)["date"]
        for p in posts(tmp_path)
    }
    assert dates["kerja-bakti"] == "2024-10-12T07:30:00+07:00"
    assert dates["posyandu"] == "2024-10-10T09:15:00+07:00"
    assert dates["lomba"] == "2024-08-10T09:00:00+07:00"
    assert dates["rapat"] == "2024-09-02T13:00:00+07:00"
    assert all(value.endswith("+07:00") for value in dates.values())
    report = channel_report(tmp_path, "tembalang")
    assert report["date_fallbacks"] == 3
    first_seen = dates["tanpa-tanggal"]
    run(tmp_path)  # the first-seen date stays, so nothing changes
    assert channel_report(tmp_path, "tembalang")["unchanged"] == 8
    assert {header(p)["date"] for p in posts(tmp_path)} >= {first_seen}


def test_one_failing_channel_does_not_stop_the_others(tmp_path, feed_server):
    write_registry(
        tmp_path,
        [
            {"id": "ok", "url": feed_server.add("/ok", Response(WORDPRESS))},
            {"id": "gone", "url": feed_server.add("/gone", Response(b"", status=410))},
            {"id": "stuck", "url": feed_server.add("/stuck", stall)},
            {"id": "page", "url": feed_server.add("/page", Response(
                fixture_bytes("html-page.html"), content_type="text/html"
            ))},
            {"id": "off", "url": feed_server.url("/off"), "enabled": False},
        ],
    )  # fmt: skip
    assert run(tmp_path, read_timeout=0.3) == 0
    statuses = {
        c["id"]: (c["status"], c["error"]) for c in read_report(tmp_path)["channels"]
    }
    assert set(statuses) == {"ok", "gone", "stuck", "page"}
    assert statuses["ok"] == ("ok", None)
    assert "gone (410)" in statuses["gone"][1]
    assert "stopped answering" in statuses["stuck"][1]
    assert "web page, not a feed, and no feed was found" in statuses["page"][1]
    assert feed_server.url("/feed/") in statuses["page"][1]
    totals = read_report(tmp_path)["totals"]
    assert (totals["ok"], totals["error"], totals["new"]) == (1, 3, 2)
    state = read_state(tmp_path)["channels"]
    assert state["gone"]["consecutive_failures"] == 1
    assert "gone (410)" in state["gone"]["last_error"]


def test_every_channel_failing_exits_1(tmp_path, feed_server):
    write_registry(
        tmp_path, [{"id": "a", "url": feed_server.add("/a", Response(b"", status=500))}]
    )
    assert run(tmp_path) == 1


def test_broken_registry_exits_2_naming_the_field(tmp_path, caplog):
    write_registry(tmp_path, [{"id": "a", "url": "https://a.example/", "kind": "opdd"}])
    assert run(tmp_path) == 2
    assert "field 'kind': 'opdd'" in caplog.text
    assert "closest: opd" in caplog.text
    assert not (tmp_path / "state").exists()


def test_unknown_only_exits_2_with_the_closest_id(tmp_path, caplog):
    write_registry(tmp_path, [{"id": "diskominfo", "url": "https://a.example/"}])
    assert run(tmp_path, only="diskominfoo") == 2
    assert "closest: diskominfo" in caplog.text


def test_only_a_channel_without_url_exits_2(tmp_path, caplog):
    write_registry(tmp_path, [{"id": "baru", "enabled": False, "note": "no url"}])
    assert run(tmp_path, only="baru") == 2
    assert "has no url yet" in caplog.text


def test_failing_channel_waits_out_its_backoff(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(b"", status=500))
    write_registry(
        tmp_path,
        [
            {"id": "a", "url": url},
            {"id": "b", "url": feed_server.add("/b", Response(WORDPRESS))},
        ],
    )
    run(tmp_path, backoff_base=3600)
    assert run(tmp_path, backoff_base=3600) == 0
    report = channel_report(tmp_path, "a")
    assert report["deferred"] is True
    assert "1 failure(s) in a row" in report["error"]
    assert len(feed_server.requests_to("/feed")) == 1
    run(tmp_path, only="a", backoff_base=3600)  # --only tries it anyway
    assert len(feed_server.requests_to("/feed")) == 2
    state = read_state(tmp_path)["channels"]["a"]
    assert state["consecutive_failures"] == 2


def test_retry_after_is_honoured_across_runs(tmp_path, feed_server):
    url = feed_server.add(
        "/feed", Response(b"", status=429, headers={"Retry-After": "7200"})
    )
    write_registry(tmp_path, [{"id": "a", "url": url}])
    assert run(tmp_path) == 1
    assert run(tmp_path) == 0  # nothing tried: every channel is waiting
    assert channel_report(tmp_path, "a")["deferred"] is True
    assert len(feed_server.requests_to("/feed")) == 1


def test_feed_that_lost_its_entries_is_an_error(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "a", "url": url}])
    run(tmp_path)
    feed_server.routes["/feed"] = Response(fixture_bytes("empty.xml"))
    run(tmp_path)
    report = channel_report(tmp_path, "a")
    assert report["status"] == "error"
    assert "no entries now; it had 2" in report["error"]
    assert len(posts(tmp_path)) == 2


def test_new_channel_with_an_empty_feed_is_fine(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(fixture_bytes("empty.xml")))
    write_registry(tmp_path, [{"id": "a", "url": url}])
    assert run(tmp_path) == 0
    assert channel_report(tmp_path, "a")["status"] == "ok"


def test_changed_url_drops_the_old_validators(tmp_path, feed_server):
    write_registry(
        tmp_path,
        [{"id": "a", "url": feed_server.add("/old", Response(WORDPRESS, etag='"x"'))}],
    )
    run(tmp_path)
    write_registry(
        tmp_path,
        [{"id": "a", "url": feed_server.add("/new", Response(WORDPRESS, etag='"x"'))}],
    )
    run(tmp_path)
    assert "If-None-Match" not in feed_server.requests_to("/new")[0].headers
    assert len(posts(tmp_path)) == 2


def test_dry_run_writes_nothing(tmp_path, feed_server):
    url = feed_server.add("/feed", Response(WORDPRESS))
    write_registry(tmp_path, [{"id": "a", "url": url}])
    assert run(tmp_path, dry_run=True) == 0
    assert posts(tmp_path) == []
    assert not (tmp_path / "state" / "import-state.json").exists()
    assert not (tmp_path / "state" / "report.json").exists()


def test_a_second_import_at_the_same_time_exits_3(tmp_path, feed_server, caplog):
    write_registry(
        tmp_path, [{"id": "a", "url": feed_server.add("/f", Response(WORDPRESS))}]
    )
    lock = tmp_path / "state" / "import-state.json.lock"
    lock.parent.mkdir(parents=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        assert run(tmp_path) == 3
    assert "another import is running" in caplog.text


def test_worker_processes_give_the_same_files(tmp_path, feed_server):
    names = ["wordpress-rss2.xml", "atom.xml", "youtube.xml", "jsonfeed.json"]
    channels = [
        {"id": f"c{i}", "url": feed_server.add(f"/f{i}", Response(fixture_bytes(n)))}
        for i, n in enumerate(names)
    ]
    for side in ("a", "b"):
        (tmp_path / side).mkdir()
        write_registry(tmp_path / side, channels)
    run(tmp_path / "a", workers=0)
    run(tmp_path / "b", workers=2)
    texts_a = [p.read_text("utf-8") for p in posts(tmp_path / "a")]
    texts_b = [p.read_text("utf-8") for p in posts(tmp_path / "b")]
    assert len(texts_a) == 7
    assert texts_a == texts_b


def test_summary_table_is_printed(tmp_path, feed_server, capsys):
    write_registry(
        tmp_path, [{"id": "a", "url": feed_server.add("/f", Response(WORDPRESS))}]
    )
    run(tmp_path)
    out = capsys.readouterr().out
    assert "TOTAL" in out
    assert "1 ok, 0 not modified, 0 failed" in out


def test_report_is_json_with_the_promised_fields(tmp_path, feed_server):
    write_registry(
        tmp_path, [{"id": "a", "url": feed_server.add("/f", Response(WORDPRESS))}]
    )
    run(tmp_path)
    data = json.loads((tmp_path / "state" / "report.json").read_text("utf-8"))
    (row,) = data["channels"]
    for key in ("id", "status", "error", "new", "updated", "unchanged",
                "kept_admin_edit", "skipped", "seconds"):  # fmt: skip
        assert key in row
    assert data["totals"]["new"] == 2
