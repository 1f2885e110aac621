"""Every template rendered with hostile values in every field, then scanned.

The guard would hold most of these posts back; here it is left out of
``PLUGINS`` on purpose, so the templates, the HTML sanitizers and the
address rules of the sanitizing plugins must keep everything inert by
themselves: titles, summaries, tags, category names, slugs, metadata
addresses, Markdown and raw HTML, OPD and channel names from the
registries. The output (pages and Atom feeds) is parsed with an HTML
parser and may hold no event handler, no script URL, no injected element
and no script of the input's.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from pelican.settings import get_settings_from_file
from PIL import Image
from sitebuild import plugins, run_pelican

from .hostile import BREAKOUT, MARK, scan_html, scan_site

REPO = Path(__file__).resolve().parents[2]
SITEURL = "https://kabar.example.go.id"
EVIL = f'Kabar <b>"{MARK}"</b> {BREAKOUT}'
CATEGORY = f'Wisata"><svg onload={MARK}=7>'
SCRIPT_URL = f"javascript:{MARK}=8"


def _header(**values: str) -> str:
    return "".join(f"{key}: {value}\n" for key, value in values.items())


POSTS = {
    "posts/2025/judul.md": _header(
        Title=EVIL, Date="2025-10-14 10:00", Category="Prestasi",
        Tags=f'lomba, "><img src=x onerror={MARK}=9>, {MARK}</script>',
        Summary=EVIL, Kecamatan="Tembalang", Kelurahan="Meteseh", OPD="dlh",
        Prestasi="ya", Penghargaan=EVIL, Pemberi=EVIL, Tingkat="nasional",
        Penerima=EVIL, Tahun="2025", Bukti=SCRIPT_URL, Slug="juara-lomba",
        Image="images/2025/foto.jpg", Image_alt=EVIL,
        Ralat=f"2025-10-15 — {EVIL}",
    ) + f"\n{EVIL}\n\n[klik]({SCRIPT_URL})\n"
    f"<a href='{SCRIPT_URL}' onclick='{MARK}'>x</a>\n"
    f'<img src=x onerror="{MARK}=10"><iframe src="{SCRIPT_URL}"></iframe>\n'
    f'<p id="main" class="x" style="background:url({SCRIPT_URL})">id</p>\n',
    "posts/2025/hoaks.md": _header(
        Title=EVIL, Date="2025-10-15 08:00", Category="Klarifikasi",
        Klaim=EVIL, Putusan="Hoaks", Summary=EVIL, OPD="diskominfo",
        Bukti=f"  java\tscript:{MARK}=11", Slug="hoaks-bansos",
    ) + f"\n{EVIL}\n",
    "posts/2025/video.md": _header(
        Title=EVIL, Date="2025-10-10 19:00", Category=CATEGORY,
        Video=SCRIPT_URL, Image=f"javascript:{MARK}=12", Image_alt=EVIL,
        Summary=EVIL, Kecamatan="Semarang Utara",
        Slug=f'ok-x" onmouseover="{MARK}=13" data-x="',
    ) + "\nIsi.\n",
    "imported/kec-tembalang/2025/kanal.md": _header(
        Title=EVIL, Date="2025-10-12T16:00:00+07:00", Category="Berita",
        Channel="kec-tembalang", Source=f"jav&#x61;script:{MARK}=14",
        Video=f"data:text/html,<script>{MARK}=15</script>", Summary=EVIL,
        Slug=f'kanal" onfocus="{MARK}=16" autofocus x="', Kecamatan="Tembalang",
        Tags=EVIL,
    ) + f"\n{EVIL}\n\n![gambar](https://stats.example.invalid/{MARK}.gif)\n",
    "pages/tentang.md": _header(Title=EVIL, Slug="tentang", Summary=EVIL)
    + f"\n{EVIL}\n",
}  # fmt: skip


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (30, 90, 150)).save(buffer, "JPEG")
    return buffer.getvalue()


def _hostile_registries(root: Path) -> dict[str, str]:
    data = root / "data"
    shutil.copytree(REPO / "data", data)
    opd = data / "opd.csv"
    rows = list(csv.reader(opd.read_text("utf-8").splitlines()))
    for row in rows:
        if row[0] in ("dlh", "diskominfo"):
            row[2] = f'Dinas "><script>{MARK}=17</script>'
            row[1] = f"<b onmouseover={MARK}>X"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    opd.write_text(buffer.getvalue(), "utf-8")
    channels = data / "channels.yml"
    text = channels.read_text("utf-8").replace(
        "    name: Kecamatan Tembalang\n",
        f"    name: {json.dumps(EVIL)}\n",
    )
    channels.write_text(text, "utf-8")
    assert yaml.safe_load(text)
    return {"opd": str(opd)}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-render")
    content = root / "content"
    for relative, text in POSTS.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, "utf-8")
    (content / "images" / "2025").mkdir(parents=True)
    (content / "images" / "2025" / "foto.jpg").write_bytes(_jpeg())
    registries = _hostile_registries(root)
    categories = get_settings_from_file(str(REPO / "pelicanconf.py"))["CATEGORIES"]
    run_pelican(
        None,
        root / "output",
        conf="publishconf.py",
        env={"SITEURL": SITEURL},
        PATH=str(content),
        CACHE_PATH=str(root / "cache"),
        PLUGINS=plugins("pelicanconf.py", without=[".guard"]),
        CATEGORIES=[*categories, CATEGORY],
        REGISTRIES=registries,
        IMPORTER={
            "channels_file": str(root / "data" / "channels.yml"),
            "content_dir": str(content / "imported"),
            "state_file": str(root / "import-state.json"),
            "report_file": str(root / "import-report.json"),
        },
    )
    return root / "output"


def test_every_template_was_rendered_with_the_hostile_values(output):
    pages = [p.relative_to(output).as_posix() for p in output.rglob("index.html")]
    for expected in ("berita", "prestasi", "klarifikasi", "topik", "arsip",
                     "kecamatan", "kecamatan/tembalang/meteseh", "opd", "ralat",
                     "kanal", "tentang", "bagikan", "layanan", "cari"):  # fmt: skip
        assert any(p.startswith(expected + "/") for p in pages), expected
    assert (output / "index.html").is_file()
    assert (output / "404.html").is_file()
    assert list((output / "feeds").rglob("*.atom.xml"))
    # The values were printed (escaped), so the scan below had work to do.
    article = (output / "prestasi" / "juara-lomba" / "index.html").read_text("utf-8")
    assert f"&lt;script&gt;{MARK}=3&lt;/script&gt;" in article
    home = (output / "index.html").read_text("utf-8")
    assert "&#34;" in home or "&quot;" in home


def test_nothing_live_in_any_page_or_feed(output):
    found = scan_site(output)
    assert found == [], "\n".join(f"{f.page}: {f.what}" for f in found[:40])


def test_the_scan_finds_what_it_looks_for():
    live = (
        f'<a href=" javascript:{MARK}">x</a><p onclick="x">y</p>'
        f"<script>{MARK}=1</script><iframe src=x></iframe>"
        f'<img srcset="a.jpg 1x, jav&#x61;script:{MARK} 2x">'
    )
    assert len(scan_html(live)) == 5
    assert scan_html(f"<p>&lt;script&gt;{MARK}&lt;/script&gt;</p>") == []
