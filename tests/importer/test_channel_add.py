"""``invoke channel-add``: a site's address becomes a validated registry entry."""

import subprocess
import sys

import pytest
from feedserver import Response
from importer_testkit import REPO, fixture_bytes, make_settings, posts, read_report
from sitekit import HTML, Site, article, listing, page, serve_site

from pelita.importer.channeladd.command import ChannelAddError, run_channel_add
from pelita.importer.cli import run_import
from pelita.importer.registry.channels import load_channels
from pelita.importer.settings import load_config

REGISTRY = """\
# Channel registry of the test city.
# Comments and layout are the admins': channel-add must keep them.

channels:
  # Perangkat daerah
  - id: diskominfo
    name: Dinas Komunikasi, Informatika, Statistik dan Persandian
    kind: opd
    url: https://diskominfo.example.go.id/feed/   # checked by hand
    opd: diskominfo

  # Kelurahan
  - id: kel-tlogosari-kulon
    name: Kelurahan Tlogosari Kulon
    kind: kelurahan
    kecamatan: Pedurungan
    kelurahan: Tlogosari Kulon
    enabled: false
    note: feed address unknown; ask the kelurahan's admin
  - id: kel-muktiharjo-kidul
    name: Kelurahan Muktiharjo Kidul
    kind: kelurahan
    kecamatan: Pedurungan
    kelurahan: Muktiharjo Kidul
    enabled: false
"""
LONG_TEXT = (
    "<p>Warga RW 05 bergotong royong membersihkan saluran air dan memangkas "
    "rumput di sepanjang jalan kampung menjelang musim hujan.</p>"
    "<p>Lurah berterima kasih atas kehadiran warga sejak pagi dan mengajak "
    "kerja bakti serupa setiap bulan selama musim hujan berlangsung.</p>"
)


@pytest.fixture
def settings(tmp_path):
    (tmp_path / "channels.yml").write_text(REGISTRY, encoding="utf-8")
    return make_settings(tmp_path)


def add(settings, url, lines=None, answers=None, **given):
    said = lines if lines is not None else []
    replies = iter(answers or [])
    return run_channel_add(
        settings,
        url,
        given,
        yes=answers is None,
        write=given.pop("write", False) if "write" in given else False,
        ask=lambda prompt: said.append(prompt) or next(replies),
        say=said.append,
    )


def registry_text(settings):
    return load_config(settings).channels_file.read_text("utf-8")


def channels(settings):
    config = load_config(settings)
    return load_channels(config.channels_file, config.registry_files, config.categories)


def wordpress_site(server):
    head = '<link rel="alternate" type="application/rss+xml" href="/feed/">'
    body = page("<h1>Disperkim</h1>", head=head, title="Beranda - Disperkim Kota")
    server.add("/feed/", Response(fixture_bytes("wordpress-rss2.xml")))
    return server.add("/", Response(body, content_type=HTML))


def test_a_site_address_gives_an_entry_with_its_feed(settings, feed_server):
    url = wordpress_site(feed_server)
    lines = []
    entry = add(settings, url, lines, kind="opd", opd="Disperkim", name="Disperkim")
    assert entry.splitlines()[:5] == [
        "  - id: disperkim",
        "    name: Disperkim",
        "    kind: opd",
        f"    url: {feed_server.url('/feed/')}",
        "    opd: disperkim",
    ]
    assert f"feed found from {url}" in entry
    assert f"Umpan (feed) ditemukan: {feed_server.url('/feed/')} (2 tulisan)." in lines
    assert registry_text(settings) == REGISTRY  # printed, not written


def test_write_appends_the_entry_as_text_keeping_comments(settings, feed_server):
    url = wordpress_site(feed_server)
    entry = add(
        settings, url, kind="opd", opd="disperkim", name="Disperkim", write=True
    )
    text = registry_text(settings)
    assert text == REGISTRY + "\n" + entry
    assert [c.id for c in channels(settings)][-1] == "disperkim"


def test_a_site_without_a_feed_gets_an_html_channel_that_imports(
    tmp_path, settings, feed_server
):
    site = Site(
        [listing([(f"/berita/artikel-{n}/", f"Artikel {n}") for n in (3, 2, 1)])],
        {f"/berita/artikel-{n}/": article(n, body=LONG_TEXT) for n in (3, 2, 1)},
    )
    url = serve_site(feed_server, site)
    entry = add(settings, url, kind="media", name="Warta Kampung", write=True)
    assert "    format: html\n    html:\n" in entry
    assert '      items: "h2.judul a"\n' in entry  # the cards, not the menu
    assert '      body: "div.isi-berita"\n' in entry
    assert '      date: "span.tanggal"\n' in entry
    (added,) = [c for c in channels(settings) if c.id == "warta-kampung"]
    assert added.html.title == "h1.judul-berita"
    assert run_import(settings, only="warta-kampung") == 0
    assert read_report(tmp_path)["channels"][0]["new"] == 3
    assert len(posts(tmp_path)) == 3


def test_a_placeholder_entry_is_filled_in_its_place(settings, feed_server):
    url = wordpress_site(feed_server)
    lines = []
    add(settings, url, lines, name="Kelurahan Tlogosari Kulon", write=True)
    text = registry_text(settings)
    before, _, after = REGISTRY.partition("  - id: kel-tlogosari-kulon\n")
    assert text.startswith(before + "  - id: kel-tlogosari-kulon\n")
    assert text.endswith(
        "  - id: kel-muktiharjo-kidul" + after.split("  - id: kel-muktiharjo-kidul")[1]
    )
    assert "enabled: false\n    note: feed address unknown" not in text
    (filled,) = [c for c in channels(settings) if c.id == "kel-tlogosari-kulon"]
    assert (filled.url, filled.enabled, filled.kecamatan) == (
        feed_server.url("/feed/"),
        True,
        "Pedurungan",
    )
    assert len(channels(settings)) == 3
    assert any("menggantikannya" in line for line in lines)


def test_questions_offer_the_closest_valid_answer(settings, feed_server):
    url = wordpress_site(feed_server)
    lines = []
    answers = ["Warga Pedurungan", "kelurhan", "", "Pedurungn", "", "Muktiharjo Kidl",
               "", "", "Prestasi", ""]  # fmt: skip
    entry = add(settings, url, lines, answers=answers)
    wrong_kind = "  Jenis 'kelurhan' tidak dikenal; pilihan: opd, kecamatan, "
    assert wrong_kind + 'kelurahan, media — maksud Anda "kelurahan"?' in lines
    assert any('maksud Anda "Pedurungan"?' in line for line in lines)
    assert any('maksud Anda "Muktiharjo Kidul"?' in line for line in lines)
    assert "Id kanal [kel-muktiharjo-kidul]: " in lines
    assert "    kelurahan: Muktiharjo Kidul" in entry
    assert "    category: Prestasi" in entry


def test_without_questions_every_wrong_flag_is_named(settings, feed_server):
    url = wordpress_site(feed_server)
    with pytest.raises(ChannelAddError) as info:
        add(settings, url, name="Kecamatan Tembalang", kind="kecamatan",
            kecamatan="Tembalangg", opd="diskominfoo")  # fmt: skip
    message = str(info.value)
    assert "--kecamatan: 'Tembalangg' bukan kecamatan" in message
    assert '(maksud Anda "Tembalang"?)' in message
    assert "--opd: 'diskominfoo' tidak ada di daftar OPD" in message
    assert registry_text(settings) == REGISTRY


def test_a_wrong_opd_names_the_city_s_own_opd_file(settings, feed_server, tmp_path):
    """The message names the file REGISTRIES gives, not a first city's name."""
    own = tmp_path / "daftar-opd-kota.csv"
    own.write_bytes((REPO / "data" / "opd.csv").read_bytes())
    settings["REGISTRIES"] = {**settings["REGISTRIES"], "opd": str(own)}
    url = wordpress_site(feed_server)
    with pytest.raises(ChannelAddError) as info:
        add(settings, url, name="Kominfo", kind="opd", opd="diskominfoo")
    assert f"'diskominfoo' tidak ada di daftar OPD ({own.as_posix()})" in str(
        info.value
    )


def test_a_used_id_is_refused_with_a_free_one(settings, feed_server):
    url = wordpress_site(feed_server)
    with pytest.raises(ChannelAddError, match='maksud Anda "diskominfo-2"'):
        add(settings, url, name="Kominfo", kind="opd", id="diskominfo")


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("ftp://situs.example/", "diawali https://"),
        ("/hilang/", "tidak bisa dibaca: not found (404)"),
    ],
)
def test_addresses_that_cannot_be_used_are_explained(
    settings, feed_server, address, expected
):
    url = feed_server.url(address) if address.startswith("/") else address
    with pytest.raises(
        ChannelAddError, match=expected.replace("(", r"\(").replace(")", r"\)")
    ):
        add(settings, url, name="Situs", kind="media")


def loopback_site_settings(folder):
    """The repository's settings and data, with the test server's network open.

    The address is checked like any other, so 127.0.0.1 needs
    ``allow_networks`` as an intranet would; invoke runs in ``folder``.
    """
    conf = (REPO / "pelicanconf.py").read_text(encoding="utf-8")
    extra = '\nIMPORTER["allow_networks"] = ["127.0.0.0/8"]\n'
    (folder / "pelicanconf.py").write_text(conf + extra, encoding="utf-8")
    (folder / "data").symlink_to(REPO / "data")
    return folder


def test_the_invoke_task_prints_the_entry_and_names_wrong_flags(tmp_path, feed_server):
    """Through invoke, with the repository's settings; nothing is written."""
    url = wordpress_site(feed_server)
    before = (REPO / "data" / "channels.yml").read_bytes()
    where = loopback_site_settings(tmp_path)
    command = [sys.executable, "-m", "invoke", "-r", str(REPO), "channel-add", url]
    command.append("--yes")
    done = subprocess.run(
        [*command, "--kind", "opd", "--opd", "disperkim", "--name", "Disperkim"],
        cwd=where, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "  - id: disperkim\n" in done.stdout
    assert f"    url: {feed_server.url('/feed/')}\n" in done.stdout
    wrong = subprocess.run(
        [*command, "--kind", "opd", "--opd", "disperkimm", "--name", "Disperkim"],
        cwd=where, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert wrong.returncode == 1
    assert "--opd: 'disperkimm' tidak ada di daftar OPD" in wrong.stderr
    assert (REPO / "data" / "channels.yml").read_bytes() == before
