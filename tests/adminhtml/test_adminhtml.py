"""Admin-written HTML is cleaned at build time; Markdown's own markup stays."""

import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

from pelita.core.htmlsafety import sanitize_admin
from tests.conftest import REPO

HOSTILE_POST = """\
Title: Pengumuman Kerja Bakti
Date: 2024-10-04 09:00
Category: Berita
Slug: pengumuman-kerja-bakti
Summary: Warga diajak <b onclick="alert(1)">kerja bakti</b> Minggu pagi.

Warga diajak kerja bakti[^1] membersihkan saluran.

<script>window.pelitaXss = 1</script>
<iframe src="https://evil.example/"></iframe>
<p onmouseover="window.pelitaXss = 2" style="color: red">Sampai jumpa.</p>
<a href="javascript:window.pelitaXss = 3">daftar</a>

| Hari | Jam |
|:-----|----:|
| Minggu | 06.00 |

```python
print("halo")
```

[^1]: Dimulai dari balai RW.
"""


def test_markup_admins_and_markdown_use_survives():
    html = (
        '<h2 id="jadwal">Jadwal</h2><p><sup id="fnref:1"><a class="footnote-ref" '
        'href="#fn:1">1</a></sup> <a href="{filename}/posts/a.md">a</a> '
        '<img src="{static}/images/a.jpg" alt="Foto"></p>'
        '<table><tr><td style="text-align: right;">6</td></tr></table>'
        '<pre><code class="language-python">x</code></pre>'
    )
    cleaned = sanitize_admin(html)
    for kept in ('id="jadwal"', 'class="footnote-ref"', 'href="#fn:1"',
                 'href="{filename}/posts/a.md"', 'src="{static}/images/a.jpg"',
                 "text-align:right", 'class="language-python"'):  # fmt: skip
        assert kept in cleaned


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<iframe src="https://evil.example/"></iframe>',
        '<p onclick="alert(1)">x</p>',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
        '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<form><button>x</button></form>",
        '<svg><a href="javascript:alert(1)">x</a></svg>',
    ],
)
def test_hostile_markup_is_dropped(hostile):
    cleaned = sanitize_admin(hostile).lower()
    for live in ("<script", "<iframe", "onclick", "javascript", "<svg", "<form",
                 "url(", "data:"):  # fmt: skip
        assert live not in cleaned


@pytest.fixture(scope="module")
def built_post(tmp_path_factory):
    root = tmp_path_factory.mktemp("adminhtml")
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "kerja-bakti.md").write_text(HOSTILE_POST, "utf-8")
    importer = {"channels_file": str(REPO / "data" / "channels.demo.yml")}
    # The sanitizer is the layer under the build guard, which would hold this
    # post back: build without the guard to prove the layer holds on its own.
    plugins = read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"]
    plugins = [name for name in plugins if name != "pelita.build.guard"]
    result = subprocess.run(
        [
            sys.executable, "-m", "pelican", str(root / "content"),
            "-s", "pelicanconf.py", "-o", str(root / "output"),
            "-e", f"IMPORTER={json.dumps(importer)}",
            f"CACHE_PATH={json.dumps(str(root / 'cache'))}",
            f"PLUGINS={json.dumps(plugins)}",
        ],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    page = root / "output" / "berita" / "pengumuman-kerja-bakti" / "index.html"
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_built_admin_post_has_no_live_markup(built_post):
    body = built_post.select_one(".prose")
    assert "pelitaXss" not in str(body)
    assert body.find("iframe") is None
    assert not [
        t for t in body.find_all(True) if any(a.startswith("on") for a in t.attrs)
    ]
    assert "Sampai jumpa." in body.get_text()


def test_built_admin_post_keeps_markdown_structure(built_post):
    body = built_post.select_one(".prose")
    assert body.select_one('sup a[href="#fn:1"]') is not None
    assert body.select_one('li[id="fn:1"]') is not None
    assert "text-align:right" in str(body.select("td")[-1])
    assert body.select_one("pre code") is not None
    for script in built_post.find_all("script"):
        assert "pelitaXss" not in (script.string or "")


@pytest.mark.parametrize(
    "opener", ['<iframe src="https://x.example/">', "<object>", "<video>", "<script>"]
)
def test_an_element_an_admin_left_open_does_not_hide_the_rest(opener):
    cleaned = sanitize_admin(f"<p>Awal.</p>{opener}<p>Sampai jumpa.</p>")
    assert "<p>Sampai jumpa.</p>" in cleaned
    assert "<iframe" not in cleaned and "<script" not in cleaned
