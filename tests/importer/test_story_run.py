"""Story grouping in whole runs: decided once, written down, admins obeyed."""

from feedserver import Response
from importer_testkit import (
    make_settings,
    posts,
    read_report,
    read_state,
    write_registry,
)

from pelita.importer.cli import run_import
from pelita.importer.writing.metadata import parse_header

RILIS = (
    "Dinas Perhubungan Kota Semarang memulai uji coba pembayaran parkir tepi jalan "
    "secara nontunai di 25 titik, Senin (2/2/2026). Pengendara membayar dengan "
    "memindai kode QRIS yang dibawa juru parkir. Titik uji coba berada di Jalan "
    "Pandanaran, Jalan Gajah Mada, Jalan Pemuda, dan kawasan Simpang Lima. Tarif "
    "tidak berubah, yaitu Rp2.000 untuk sepeda motor dan Rp5.000 untuk mobil. Uji "
    "coba berlangsung tiga bulan sebelum diterapkan di seluruh kota."
)
TULIS_ULANG = (
    "Juru parkir di Jalan Pandanaran kini membawa papan kode QRIS. Pengendara yang "
    "tidak punya uang receh tinggal memindai kode itu dengan ponsel. Dinas "
    "Perhubungan Kota Semarang menyebut cara bayar ini sedang diuji coba di 25 titik "
    "parkir tepi jalan sejak Senin (2/2/2026), antara lain di Gajah Mada, Pemuda, dan "
    "sekitar Simpang Lima. Besaran tarif tetap Rp2.000 untuk motor dan Rp5.000 untuk "
    "mobil. Jika uji coba selama tiga bulan lancar, pembayaran nontunai berlaku di "
    "semua titik parkir kota."
)
LAIN = (
    "Harga cabai rawit merah di pasar tradisional turun sekitar Rp10.000 per "
    "kilogram dibanding pekan lalu. Pasokan dari sentra produksi kembali lancar "
    "setelah panen raya, kata Dinas Perdagangan yang memantau harga setiap hari."
)


def rss(base, items):
    body = "".join(
        f"<item><title>{title}</title><link>{base}/{slug}/</link>"
        f"<guid>{base}/?p={slug}</guid><pubDate>{date}</pubDate>"
        f"<description><![CDATA[<p>{text}</p>]]></description></item>"
        for slug, title, date, text in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<link>{base}/</link>{body}</channel></rss>"
    ).encode()


def opd_items(base):
    return [("parkir", "Dishub Uji Coba Parkir Nontunai di 25 Titik",
             "Tue, 03 Feb 2026 09:15:00 +0700", RILIS),
            ("cabai", "Harga Cabai Rawit Mulai Turun",
             "Tue, 03 Feb 2026 11:00:00 +0700", LAIN)]  # fmt: skip


def media_items(base, text=TULIS_ULANG):
    return [("qris", "Bayar Parkir Pakai QRIS Mulai Dicoba di Pandanaran",
             "Tue, 03 Feb 2026 20:10:00 +0700", text)]  # fmt: skip


def kecamatan_items(base):
    return [("salin", "Dishub Uji Coba Parkir Nontunai di 25 Titik",
             "Wed, 04 Feb 2026 07:00:00 +0700", RILIS)]  # fmt: skip


def serve(server, opd=True, media=True, kecamatan=False, media_text=TULIS_ULANG):
    channels = []
    if opd:
        url = server.add("/opd", Response(rss(server.base, opd_items(server.base))))
        channels.append({"id": "dishub", "kind": "opd", "url": url})
    if media:
        feed = rss(server.base, media_items(server.base, media_text))
        channels.append({"id": "warta", "url": server.add("/media", Response(feed))})
    if kecamatan:
        feed = rss(server.base, kecamatan_items(server.base))
        channels.append({"id": "kec-genuk", "kind": "kecamatan", "kecamatan": "Genuk",
                         "url": server.add("/kec", Response(feed))})  # fmt: skip
    return channels


def run(root, **importer):
    return run_import(make_settings(root, **importer))


def headers(root):
    return {
        p.relative_to(root / "content" / "imported").as_posix(): parse_header(
            p.read_text("utf-8").splitlines()
        )
        for p in posts(root)
    }


PRIMARY = "dishub/2026/dishub-uji-coba-parkir-nontunai-di-25-titik.md"
REWRITE = "warta/2026/bayar-parkir-pakai-qris-mulai-dicoba-di-pandanaran.md"
COPY = "kec-genuk/2026/dishub-uji-coba-parkir-nontunai-di-25-titik-2.md"


def test_a_story_from_three_channels_is_grouped_and_written_down(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server, kecamatan=True))
    assert run(tmp_path) == 0
    meta = headers(tmp_path)
    slug = "dishub-uji-coba-parkir-nontunai-di-25-titik"
    assert meta[PRIMARY]["story"] == slug
    assert "duplicate_of" not in meta[PRIMARY]
    assert meta[REWRITE]["story"] == slug
    assert meta[REWRITE]["duplicate_of"] == slug
    assert meta[REWRITE]["story_reason"].startswith(f"isi mirip dengan {slug}")
    assert meta[COPY]["duplicate_of"] == slug
    assert meta[COPY]["story_reason"] == f"teks sama dengan {slug}"
    assert "story" not in meta["dishub/2026/harga-cabai-rawit-mulai-turun.md"]
    stories = read_report(tmp_path)["stories"]
    assert {(s["post"], s["duplicate_of"]) for s in stories} == {
        (PRIMARY, None), (REWRITE, slug), (COPY, slug),
    }  # fmt: skip
    records = {
        r["path"]: r
        for c in read_state(tmp_path)["channels"].values()
        for r in c["entries"].values()
    }
    assert records[REWRITE]["story"] == slug
    assert records["dishub/2026/harga-cabai-rawit-mulai-turun.md"]["story"] == "-"
    assert "## Pelita import" in (tmp_path / "state" / "import-summary.md").read_text(
        "utf-8"
    )


def test_a_rerun_decides_nothing_again_and_writes_nothing(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server, kecamatan=True))
    run(tmp_path)
    before = {p: p.read_bytes() for p in posts(tmp_path)}
    assert run(tmp_path) == 0
    assert {p: p.read_bytes() for p in posts(tmp_path)} == before
    assert read_report(tmp_path)["stories"] == []
    assert read_report(tmp_path)["totals"]["unchanged"] == 4


def test_a_changed_entry_keeps_its_story_lines(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server))
    run(tmp_path)
    serve(feed_server, media_text=TULIS_ULANG + " Dishub menambah petugas.")
    assert run(tmp_path) == 0
    meta = headers(tmp_path)[REWRITE]
    assert meta["duplicate_of"] == "dishub-uji-coba-parkir-nontunai-di-25-titik"
    assert read_report(tmp_path)["totals"]["updated"] == 1


def test_an_admins_split_survives_the_next_import(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server))
    run(tmp_path)
    path = tmp_path / "content" / "imported" / REWRITE
    text = path.read_text("utf-8")
    split = "\n".join(
        line for line in text.splitlines() if not line.startswith("Duplicate_of:")
    )
    path.write_text(split + "\n", encoding="utf-8")
    serve(feed_server, media_text=TULIS_ULANG + " Ada tambahan.")
    assert run(tmp_path) == 0
    assert "duplicate_of" not in headers(tmp_path)[REWRITE]
    report = read_report(tmp_path)
    assert report["totals"]["kept_admin_edit"] == 1
    assert report["stories"] == []


def test_a_later_official_post_becomes_the_primary(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server, opd=False))
    run(tmp_path)
    assert "story" not in headers(tmp_path)[REWRITE]
    write_registry(tmp_path, serve(feed_server))
    assert run(tmp_path) == 0
    meta = headers(tmp_path)
    story = "bayar-parkir-pakai-qris-mulai-dicoba-di-pandanaran"
    assert (
        meta[REWRITE]["duplicate_of"] == "dishub-uji-coba-parkir-nontunai-di-25-titik"
    )
    assert meta[REWRITE]["story"] == meta[PRIMARY]["story"] == story
    assert "duplicate_of" not in meta[PRIMARY]
    assert "lebih resmi" in meta[REWRITE]["story_reason"]
    assert run(tmp_path) == 0  # and the rewritten file counts as unedited
    assert read_report(tmp_path)["totals"]["kept_admin_edit"] == 0


def test_an_edited_post_is_never_demoted(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server, opd=False))
    run(tmp_path)
    path = tmp_path / "content" / "imported" / REWRITE
    path.write_text(path.read_text("utf-8") + "\nCatatan redaksi.\n", "utf-8")
    edited = path.read_bytes()
    write_registry(tmp_path, serve(feed_server))
    assert run(tmp_path) == 0
    assert path.read_bytes() == edited
    story = "bayar-parkir-pakai-qris-mulai-dicoba-di-pandanaran"
    assert headers(tmp_path)[PRIMARY]["duplicate_of"] == story


def test_a_lost_state_regroups_nothing(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server, kecamatan=True))
    run(tmp_path)
    before = {p: p.read_bytes() for p in posts(tmp_path)}
    (tmp_path / "state" / "import-state.json").unlink()
    assert run(tmp_path) == 0
    assert {p: p.read_bytes() for p in posts(tmp_path)} == before
    assert read_report(tmp_path)["stories"] == []


def test_dry_runs_and_the_off_switch_write_no_story(tmp_path, feed_server):
    write_registry(tmp_path, serve(feed_server))
    assert run_import(make_settings(tmp_path), dry_run=True) == 0
    assert posts(tmp_path) == []
    assert run(tmp_path, group_stories=False) == 0
    assert all("story" not in m for m in headers(tmp_path).values())
    assert read_report(tmp_path)["stories"] == []
