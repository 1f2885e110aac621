"""The editor's files as a build writes them: forms from the registries, rules."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

from pelita.core.prestasi import LEVELS
from pelita.core.registries import load_gazetteer, load_opd
from pelita.core.settings import PluginSettingsError
from pelita.tools.check import run_check
from pelita.tools.check.klarifikasi_fields import PUTUSAN
from pelita.tools.check.wilayah_fields import validate_wilayah
from pelita.tools.webeditor import (
    EditorBundleError,
    EditorSettingsError,
    editor_config,
    editor_settings,
    write_editor,
)
from pelita.tools.webeditor.bundle import ADMIN_DIR, content_security_policy
from pelita.tools.webeditor.rules import BrowserRuleError, js_pattern
from tests.conftest import REPO


def settings(**overrides) -> dict:
    merged = dict(DEFAULT_CONFIG)
    merged.update(get_settings_from_file(str(REPO / "pelicanconf.py")))
    merged.update(overrides)
    return merged


def forms(config: dict) -> dict[str, dict[str, dict]]:
    return {
        c["name"]: {f["name"]: f for f in c["fields"]}
        for c in config["cms"]["collections"]
    }


def test_the_choices_are_the_registries_and_the_check_accepts_each():
    config = editor_config(settings(), editor_settings(settings()), REPO)
    gazetteer = load_gazetteer(
        REPO / "data/wilayah.csv", REPO / "data/wilayah-alias.csv"
    )
    opd = load_opd(REPO / "data/opd.csv")
    form = forms(config)
    assert set(form) == {"prestasi", "klarifikasi", "kabar"}
    assert form["prestasi"]["kecamatan"]["options"] == [
        k.nama for k in gazetteer.kecamatan
    ]
    assert [o["value"] for o in form["kabar"]["opd"]["options"]] == [
        o.id for o in opd.items
    ]
    assert form["prestasi"]["tingkat"]["options"] == list(LEVELS)
    assert form["klarifikasi"]["putusan"]["options"] == list(PUTUSAN)
    assert form["kabar"]["category"]["options"] == [
        c for c in settings()["CATEGORIES"] if c not in ("Prestasi", "Klarifikasi")
    ]
    assert form["klarifikasi"]["category"] == {
        "name": "category", "label": "Kategori", "widget": "hidden",
        "default": "Klarifikasi",
    }  # fmt: skip
    pairs = config["wilayah"]["kelurahan"]
    assert sum(len(v) for v in pairs.values()) == len(gazetteer.kelurahan)
    for kecamatan, kelurahan in pairs.items():
        for name in kelurahan:
            assert validate_wilayah(kecamatan, name, gazetteer) == [], (kecamatan, name)
    # Older posts may use any spelling the check accepts: aliases resolve.
    assert config["wilayah"]["kelurahanKeys"]["tanjungmas"] == [
        ["Tanjung Mas", "Semarang Utara"]
    ]
    assert config["wilayah"]["kecamatanKeys"]["gunungpati"] == "Gunungpati"
    assert "[[" in form["klarifikasi"]["body"]["default"]
    assert "## Faktanya" in form["klarifikasi"]["body"]["default"]


def test_another_citys_data_gives_that_citys_forms(tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "wilayah.csv").write_text(
        "kode,tingkat,nama,kecamatan\n"
        "99.01.01,kecamatan,Pantai Indah,Pantai Indah\n"
        "99.01.01.1001,kelurahan,Karang Asri,Pantai Indah\n"
        "99.01.02,kecamatan,Bukit Hijau,Bukit Hijau\n"
        "99.01.02.1001,kelurahan,Sukamaju,Bukit Hijau\n",
        encoding="utf-8",
    )
    (data / "opd.csv").write_text(
        "id,singkatan,nama,jenis,website\ndiskominfo,Diskominfo,Dinas Kominfo,dinas,\n",
        encoding="utf-8",
    )
    city = settings(
        REGISTRIES={"wilayah": "data/wilayah.csv", "wilayah_aliases": "data/none.csv",
                    "opd": "data/opd.csv"},
        CATEGORIES=["Kabar Kota", "Prestasi", "Klarifikasi"],
        # A city without a public-service category names only these roles.
        CATEGORY_ROLES={"achievements": "Prestasi", "clarifications": "Klarifikasi"},
    )  # fmt: skip
    config = editor_config(city, editor_settings(city), tmp_path)
    form = forms(config)
    assert form["kabar"]["kecamatan"]["options"] == ["Pantai Indah", "Bukit Hijau"]
    assert form["kabar"]["category"]["options"] == ["Kabar Kota"]
    assert config["wilayah"]["kelurahan"] == {
        "Pantai Indah": ["Karang Asri"], "Bukit Hijau": ["Sukamaju"],
    }  # fmt: skip
    assert "Semarang" not in json.dumps(config["wilayah"])


def test_post_files_and_photos_go_where_the_site_reads_them():
    config = editor_config(settings(), editor_settings(settings()), REPO)
    for collection in config["cms"]["collections"]:
        assert collection["folder"] == "content/posts"
        assert collection["path"] == "{{year}}/{{slug}}"
        assert collection["media_folder"] == "/content/images/{{year}}/{{fields.slug}}"
        assert collection["public_folder"] == "images/{{year}}/{{fields.slug}}"
        assert collection["format"] == "pelita"
    assert config["cms"]["publish_mode"] == "editorial_workflow"
    assert config["cms"]["media_processing"]["strip_metadata"] is True
    assert config["photos"]["maxBytes"] == 20 * 1024 * 1024


def test_the_editor_settings_are_checked():
    with pytest.raises(PluginSettingsError, match="did you mean 'backend'"):
        editor_settings(settings(EDITOR={"backends": "github"}))
    with pytest.raises(EditorSettingsError, match="github, gitea, forgejo"):
        editor_settings(settings(EDITOR={"backend": "gitlab"}))
    with pytest.raises(EditorSettingsError, match="owner/name"):
        editor_settings(settings(EDITOR={"repo": "pelita"}))
    assert editor_settings(settings())["repo"] == "pemkot-semarang/pelita"
    with pytest.raises(EditorSettingsError, match="api_root"):
        editor_settings(settings(EDITOR={"backend": "forgejo", "app_id": "x"}))
    gitea = {"backend": "gitea", "base_url": "https://git.kota.id", "app_id": "x",
             "api_root": "https://git.kota.id/api/v1"}  # fmt: skip
    with pytest.raises(EditorSettingsError, match="review branch"):
        editor_settings(settings(EDITOR=gitea))
    review = settings(EDITOR={**gitea, "branch": "redaksi"})
    config = editor_config(review, editor_settings(review), REPO)
    assert config["cms"]["publish_mode"] == "simple"
    assert config["cms"]["backend"]["branch"] == "redaksi"


def test_the_page_may_talk_only_to_its_origin_and_the_repository_host():
    github = content_security_policy(editor_settings(settings()))
    assert re.search(
        r"connect-src 'self' https://api\.github\.com blob: data:;", github
    )
    assert "default-src 'self';" in github
    forgejo = content_security_policy(
        editor_settings(
            settings(EDITOR={"backend": "forgejo", "app_id": "x",
                             "api_root": "https://git.kota.id/api/v1"})
        )
    )  # fmt: skip
    assert "connect-src 'self' https://git.kota.id blob: data:;" in forgejo
    assert "github" not in forgejo


def test_a_build_without_the_bundle_leaves_admin_out_or_fails(tmp_path: Path, caplog):
    empty = tmp_path / "admin"
    (empty / "src").mkdir(parents=True)
    with caplog.at_level(logging.WARNING):
        assert write_editor(tmp_path / "out", settings(), REPO, admin_dir=empty) is None
    assert "npm ci" in caplog.text
    assert not (tmp_path / "out" / "admin").exists()
    strict = settings(EDITOR={"require_bundle": True})
    with pytest.raises(EditorBundleError, match="npm ci"):
        write_editor(tmp_path / "out", strict, REPO, admin_dir=empty)


def test_the_written_editor_has_its_bundle_page_and_data(tmp_path: Path):
    target = write_editor(tmp_path, settings(), REPO)
    assert target == tmp_path / "admin"
    page = (target / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "data-pagefind-body" not in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    for name in ("decap-cms.js", "pelita-editor.js", "pelita-format.js"):
        assert (target / name).is_file()
    assert not list(target.glob("*.map"))
    data = json.loads((target / "pelita-editor.json").read_text(encoding="utf-8"))
    assert data["schema"]["spelling"]["opd"] == "OPD"
    assert data["rules"]["contacts"]["phones"]


def test_python_patterns_become_javascript_ones():
    assert js_pattern(re.compile(r"(?i)\bnik\b")) == {
        "source": r"\bnik\b",
        "flags": "i",
    }
    with pytest.raises(BrowserRuleError, match=r"\(\?P<"):
        js_pattern(re.compile(r"(?P<x>\d)"))


SAMPLES = [
    "NIK pelapor 3374014509870002 sudah dicatat.",
    "Nomor 3374 0145 0987 0002 milik warga.",
    "Nomor rekening 1234567890123456 untuk donasi.",
    "Hubungi 0812-3456-7890 untuk info.",
    "Atau WhatsApp +62 813 9876 5432.",
    "Layanan Savira di 0821-9999-6148.",
    "Kirim ke budi.santoso@gmail.com ya.",
    "Surat ke humas@semarangkota.go.id saja.",
    "Lihat foto@2x.png di lampiran.",
    "Pembangunan 2024 senilai Rp1.250.000.000.",
    "Telepon kantor (024) 3513366.",
]


def test_the_browser_finds_what_invoke_check_finds(tmp_path: Path):
    """The same rule data gives the same findings in Python and in the browser."""
    posts = tmp_path / "content" / "posts" / "2026"
    posts.mkdir(parents=True)
    body = "\n\n".join(SAMPLES)
    (posts / "uji.md").write_text(
        "Title: Uji\nDate: 2026-01-02 10:00\nCategory: Berita\n\n" + body + "\n",
        encoding="utf-8",
    )
    shutil.copytree(REPO / "data", tmp_path / "data")
    result = run_check(settings(PATH=str(tmp_path / "content")), root=tmp_path)
    python = [set() for _ in SAMPLES]
    for problem in result.problems:
        if problem.code in {"nik", "telepon", "email"} and problem.line:
            python[(problem.line - 5) // 2].add(problem.code)
    target = write_editor(tmp_path / "out", settings(), REPO)
    rules = json.loads((target / "pelita-editor.json").read_text(encoding="utf-8"))
    script = (
        "import { compileRules, privacyProblems }"
        " from './src/pelita-checks.js';\n"
        "let input = ''; process.stdin.on('data', c => input += c);\n"
        "process.stdin.on('end', () => {\n"
        "const { rules, samples } = JSON.parse(input);\n"
        "const compiled = compileRules(rules);\n"
        "console.log(JSON.stringify(samples.map(s => [...new Set(privacyProblems(s,"
        " compiled).map(p => p.code))])));});"
    )
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script], cwd=ADMIN_DIR,
        input=json.dumps({"rules": rules["rules"], "samples": SAMPLES}),
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    browser = [set(codes) for codes in json.loads(out.stdout)]
    assert browser == python
    assert python[0] == {"nik"} and python[3] == {"telepon"} and python[6] == {"email"}
    assert python[5] == set() and python[7] == set() and python[2] == set()


def test_the_editor_is_no_reader_page_for_budgets_search_or_sitemap(tmp_path: Path):
    from pelita.tools.sitecheck.budgets import check_site, html_pages

    write_editor(tmp_path, settings(), REPO)
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", "utf-8")
    assert html_pages(tmp_path) == ["index.html"]
    weights, problems = check_site(tmp_path)
    assert [w.page for w in weights] == ["index.html"]
    assert problems == []
    assert "^admin/" in settings()["SITEMAP"]["exclude"]


_WRITE_EDITOR = """
import sys
from pathlib import Path
from pelican.settings import read_settings
from pelita.tools.webeditor import write_editor
repo = Path(sys.argv[1])
write_editor(Path(sys.argv[2]), read_settings(str(repo / "pelicanconf.py")), repo)
"""


def test_the_config_is_the_same_bytes_whatever_the_hash_seed(tmp_path: Path):
    # Seeds under which a set's order once changed the kelurahan spellings' order.
    written = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", _WRITE_EDITOR, str(REPO), str(out)],
            cwd=REPO, env=env, check=True, capture_output=True,
        )  # fmt: skip
        written.append((out / "admin" / "pelita-editor.json").read_bytes())
    assert written[0] == written[1]
    wilayah = json.loads(written[0])["wilayah"]
    for keys in (wilayah["kecamatanKeys"], wilayah["kelurahanKeys"]):
        assert list(keys) == sorted(keys)
    assert all(places == sorted(places) for places in wilayah["kelurahanKeys"].values())
