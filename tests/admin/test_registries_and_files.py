"""Broken registries, settings and files are reported with their file and line."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pelita.core.importhash import seal
from pelita.tools.check import Severity, run_check

from .conftest import NOW, REPO, repo_settings

POST = """Title: Tulisan Uji Registri dan Berkas
Date: 2025-05-10 09:00
Category: Berita
Slug: tulisan-uji-registri
Summary: Ringkasan singkat.
Kecamatan: Tembalang

Isi.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "posts" / "uji.md").write_text(POST, encoding="utf-8")
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path


def check(site: Path, **settings):
    return run_check(repo_settings(**settings), root=site, now=NOW)


def test_clean_site_passes(site):
    assert check(site).problems == []


def test_broken_gazetteer_row_is_located(site):
    path = site / "data" / "wilayah.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace("kelurahan,", "kelurahn,", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (found,) = check(site).problems
    assert (found.path, found.line, found.code) == (
        "data/wilayah.csv",
        6,
        "registri",
    )
    assert "'kelurahn'" in found.message


def test_channel_yaml_syntax_error_has_a_line(site):
    (site / "data" / "channels.yml").write_text(
        "channels:\n  - id: dinkes\n    name: [Dinas Kesehatan\n", encoding="utf-8"
    )
    (found,) = check(site).problems
    assert found.path == "data/channels.yml"
    assert found.line == 4
    assert found.code == "registri"
    assert "YAML" in found.message


def test_duplicate_channel_ids(site):
    (site / "data" / "channels.yml").write_text(
        "channels:\n"
        "  - {id: dinkes, name: A, kind: opd, url: 'https://a.example/feed/'}\n"
        "  - {id: Dinkes Kota, name: K, kind: opd, url: 'https://k.example/feed/'}\n"
        "  - {id: dinkes, name: B, kind: opd, url: 'https://b.example/feed/'}\n",
        encoding="utf-8",
    )
    found = check(site).problems
    assert [(p.line, p.code) for p in found] == [(3, "registri"), (4, "registri")]
    assert "'Dinkes Kota' must be a slug" in found[0].message
    assert "kanal 'dinkes': field 'id': used twice (first on line 2)" in (
        found[1].message
    )


def test_channel_fields_are_checked_as_the_importer_checks_them(site):
    """A key only a loose reader took (``homepage``) and a misspelt place."""
    (site / "data" / "channels.yml").write_text(
        "channels:\n"
        "  - id: kec-tembalang\n"
        "    name: Kecamatan Tembalang\n"
        "    kind: kecamatan\n"
        "    kecamatan: Tembalng\n"
        "    homepage: https://tembalang.example.go.id/\n"
        "    enabled: false\n",
        encoding="utf-8",
    )
    found = check(site).problems
    assert [(p.path, p.line) for p in found] == [("data/channels.yml", 2)] * 2
    messages = " | ".join(p.message for p in found)
    assert "field 'homepage': unknown field" in messages
    assert "did you mean 'website'?" in messages
    assert "'Tembalng' is not a kecamatan of the city; closest: Tembalang" in messages


def test_a_feed_file_is_refused_in_the_city_registry_not_in_the_demo(site):
    entry = "  - {id: a, name: A, kind: media, url: feeds/a.xml}\n"
    (site / "data" / "channels.yml").write_text("channels:\n" + entry, "utf-8")
    (site / "data" / "channels.demo.yml").write_text("channels:\n" + entry, "utf-8")
    (found,) = check(site).problems
    assert found.path == "data/channels.yml"
    assert "IMPORTER['local_feeds']" in found.message


def test_contacts_file_is_validated(site):
    (site / "data" / "kontak-resmi.yml").write_text("telepon: [\n", encoding="utf-8")
    (found,) = check(site).problems
    assert (found.path, found.code) == ("data/kontak-resmi.yml", "registri")


def test_unknown_check_setting_names_the_allowed_keys(site):
    (found,) = check(site, CHECK={"image_max_byte": 10}).problems
    assert found.code == "pengaturan"
    assert "image_max_byte (maksud Anda image_max_bytes?)" in found.message
    assert "contacts_file" in found.message


def test_gps_is_an_error(site):
    from .conftest import write_fixture_images

    write_fixture_images(site / "content" / "images")
    result = check(site)
    gps = [p for p in result.problems if p.code == "gambar-gps"]
    assert [(p.path, p.severity) for p in gps] == [
        ("content/images/gps.jpg", Severity.ERROR)
    ]


def test_unreadable_file(site):
    (site / "content" / "posts" / "lama.md").write_bytes(
        "Title: Berita Lama\n\nKata \xe9\n".encode("latin-1")
    )
    found = check(site).for_path("content/posts/lama.md")
    assert [(p.line, p.code) for p in found] == [(None, "berkas")]


IMPORTED = (
    "Title: Kabar Impor\nDate: 2025-05-11 09:00\nCategory: Berita\n"
    "Channel: dinkes\nKecamatan: Tembalng\n\nHubungi 0812-3456-7890.\n"
)


def test_importer_written_posts_are_warned_but_safety_rules_fail(site):
    folder = site / "content" / "imported" / "dinkes" / "2025"
    folder.mkdir(parents=True)
    (folder / "kabar.md").write_text(seal(IMPORTED)[0], encoding="utf-8")
    result = check(site)
    found = {
        p.code: p for p in result.for_path("content/imported/dinkes/2025/kabar.md")
    }
    assert set(found) == {"kecamatan", "telepon"}
    assert found["kecamatan"].severity is Severity.WARNING
    assert found["telepon"].severity is Severity.ERROR  # personal data, any file
    assert not result.ok


def test_an_edited_imported_post_is_the_admins_wherever_it_lives(site):
    folder = site / "content" / "imported" / "dinkes" / "2025"
    folder.mkdir(parents=True)
    sealed = seal(IMPORTED.replace("Hubungi 0812-3456-7890.", "Isi."))[0]
    (folder / "kabar.md").write_text(sealed.replace("Isi.", "Isi disunting."), "utf-8")
    found = check(site).for_path("content/imported/dinkes/2025/kabar.md")
    assert {p.code: p.severity for p in found}["kecamatan"] is Severity.ERROR
    assert "ringkasan" in {p.code for p in found}  # the admin's rules, too
    (folder / "kabar.md").write_text(sealed, "utf-8")
    found = check(site).for_path("content/imported/dinkes/2025/kabar.md")
    assert [(p.code, p.severity) for p in found] == [("kecamatan", Severity.WARNING)]


def test_slug_taken_by_an_imported_post_fails_the_admin_post(site):
    folder = site / "content" / "imported" / "dinkes" / "2024"
    folder.mkdir(parents=True)
    (folder / "lama.md").write_text(
        "Title: Kabar Impor Lama\nDate: 2024-01-01 09:00\nCategory: Berita\n"
        "Slug: tulisan-uji-registri\nChannel: dinkes\n\nIsi.\n",
        encoding="utf-8",
    )
    result = check(site)
    assert [p.code for p in result.for_path("content/posts/uji.md")] == ["slug-ganda"]
    assert not result.ok


def test_paths_limit_the_report_not_the_comparison(site):
    other = site / "content" / "posts" / "lain.md"
    other.write_text(
        POST.replace("Title: Tulisan Uji", "Title: Tulisan Lain").replace(
            "09:00", "10:00"
        ),
        encoding="utf-8",
    )
    result = run_check(repo_settings(), ["content/posts/lain.md"], root=site, now=NOW)
    assert result.files_checked == 1
    assert [(p.path, p.code) for p in result.problems] == [
        ("content/posts/lain.md", "slug-ganda")
    ]


def test_a_key_with_a_space_gets_its_spelling(site):
    path = site / "content" / "posts" / "uji.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "Kecamatan: Tembalang\n", "Kecamatan: Tembalang\nImage alt: Warga\n"
    )
    path.write_text(text, encoding="utf-8")
    (found,) = check(site).problems
    assert (found.line, found.code) == (7, "metadata-baris")
    assert 'misalnya "Image_alt: Warga"' in found.suggestion


def test_a_fault_in_one_check_is_reported_and_the_rest_go_on(site, monkeypatch, caplog):
    from pelita.tools.check import runner

    def broken(source, ctx):
        raise KeyError("tak terduga")

    monkeypatch.setattr(runner, "FILE_CHECKS", (broken, *runner.FILE_CHECKS))
    post = site / "content" / "posts" / "uji.md"
    text = post.read_text(encoding="utf-8").replace("Tembalang", "Tembalng")
    post.write_text(text, encoding="utf-8")
    found = check(site).problems
    assert [(p.code, p.line) for p in found] == [("pemeriksa", None), ("kecamatan", 6)]
    assert "KeyError" in found[0].message
    assert "contentcheck: " in caplog.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Genuk, Pedurungan", []),
        ("-", []),
        ("kec. tembalang", []),
        (
            "Meteseh",
            [("kecamatan", '"Meteseh" adalah kelurahan', "Kecamatan: Tembalang")],
        ),
    ],
)
def test_kecamatan_follows_the_build_rule(site, value, expected):
    path = site / "content" / "posts" / "uji.md"
    text = path.read_text(encoding="utf-8").replace("Tembalang", value)
    path.write_text(text, encoding="utf-8")
    found = [(p.code, p.message, p.suggestion) for p in check(site).problems]
    assert len(found) == len(expected)
    for (code, message, suggestion), (want_code, in_message, in_hint) in zip(
        found, expected, strict=True
    ):
        assert code == want_code
        assert in_message in message
        assert in_hint in suggestion


def test_a_broken_tagger_rules_file_is_named(site):
    (site / "data" / "wilayah-tagger.yml").write_text("qualifiers: [\n", "utf-8")
    (found,) = check(site).problems
    assert (found.path, found.code) == ("data/wilayah-tagger.yml", "registri")


def test_the_files_the_settings_name_are_the_ones_checked(site):
    data = site / "data"
    (data / "wilayah.csv").rename(data / "kota-wilayah.csv")
    (data / "wilayah-tagger.yml").rename(data / "tagger-kota.yml")
    (data / "tagger-kota.yml").write_text("qualifiers: [\n", "utf-8")
    registries = {
        "wilayah": "data/kota-wilayah.csv",
        "wilayah_tagger": "data/tagger-kota.yml",
    }
    (found,) = check(site, REGISTRIES=registries).problems
    assert (found.path, found.code) == ("data/tagger-kota.yml", "registri")


def test_broken_boundaries_are_named_and_a_city_may_have_none(site):
    boundaries = site / "data" / "kecamatan.geojson"
    boundaries.write_text('{"features": [{"properties": {}}]}', "utf-8")
    (found,) = check(site).problems
    assert (found.path, found.code) == ("data/kecamatan.geojson", "registri")
    assert "needs properties.kode and a polygon" in found.message
    boundaries.unlink()
    assert check(site, REGISTRIES={"boundaries": None}).problems == []


def test_broken_prestasi_rules_are_named(site):
    rules = site / "data" / "prestasi-rules.yml"
    rules.write_text(rules.read_text("utf-8") + "colour: red\n", "utf-8")
    (found,) = check(site).problems
    assert (found.path, found.code) == ("data/prestasi-rules.yml", "registri")
    assert "colour" in found.message


def test_hints_name_the_gazetteer_the_settings_give(site, monkeypatch):
    data = site / "data"
    (data / "wilayah.csv").rename(data / "kota-wilayah.csv")
    post = site / "content" / "posts" / "uji.md"
    post.write_text(POST.replace("Tembalang", "Atlantisxyz"), "utf-8")
    monkeypatch.chdir(site)
    (found,) = check(site, REGISTRIES={"wilayah": "data/kota-wilayah.csv"}).problems
    assert "data/kota-wilayah.csv" in found.suggestion
    assert "semarang" not in found.suggestion


def test_opd_contact_values_are_checked_with_line_field_and_fix(site):
    path = site / "data" / "opd.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[0] += ["alamat", "telepon", "email"]
    for row in rows[1:]:
        row += ["", "", ""]
    rows[1][-3:] = ["Jl. Pemuda No. 148, Semarang", "(024) 3513366", "humas@x.go.id"]
    rows[2][-2:] = ["3513366", "humas(at)x.go.id"]
    rows[3][4] = "javascript:alert(1)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    found = check(site).problems
    assert [(p.path, p.line, p.code) for p in found] == [
        ("data/opd.csv", 3, "registri"),
        ("data/opd.csv", 3, "registri"),
        ("data/opd.csv", 4, "registri"),
    ]
    assert all(p.severity is Severity.ERROR for p in found)
    phone, email, site_url = found
    assert f"telepon OPD {rows[2][0]}" in phone.message
    assert "'3513366'" in phone.message
    assert "(024) 3513366" in phone.suggestion
    assert "humas(at)x.go.id" in email.message
    assert "website" in site_url.message
    assert "javascript" in site_url.message
