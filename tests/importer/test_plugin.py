"""Build time: imported posts are sanitized again and know their channel.

One small Pelican build (in a subprocess, as ``make site`` runs it) of an
imported post whose file was tampered with after import, next to an admin's
post that is trusted and left alone.
"""

import json

import pytest
from bs4 import BeautifulSoup
from importer_testkit import live_markup, write_registry
from sitebuild import run_pelican

TAMPERED = """\
Title: &lt;script&gt;alert('judul')&lt;/script&gt; Kabar <b onclick="x()">Kota</b>
Date: 2024-10-03T08:00:00+07:00
Slug: kabar-kota
Category: Berita
Summary: Ringkasan &lt;img src=x onerror=alert(1)&gt; <script>alert(2)</script>
Channel: kanal-uji
Source: https://uji.example.go.id/kabar-kota?a=1&b="x"
Image_alt: " onerror="alert(3)
Import_id: guid:0123

Teks biasa.

<script>alert('raw')</script>
<img src="x" onerror="alert('img')">
<a href="javascript:alert('link')">tautan</a>
[md](javascript:alert('md'))
<iframe src="https://evil.example/"></iframe>
<p style="color:red" onmouseover="alert(1)">gaya</p>

{: onclick="alert('attr')" }
"""
ADMIN = """\
Title: Pengumuman Admin
Date: 2024-10-04 09:00
Category: Berita
Slug: pengumuman-admin

<p lang="jv">Admin boleh memakai HTML.</p>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("plugin")
    imported = root / "content" / "imported" / "kanal-uji" / "2024"
    imported.mkdir(parents=True)
    (imported / "kabar-kota.md").write_text(TAMPERED, "utf-8")
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "admin.md").write_text(ADMIN, "utf-8")
    registry = write_registry(
        root,
        [{"id": "kanal-uji", "name": "Kanal Uji Kota", "kind": "opd",
          "opd": "diskominfo", "url": "https://uji.example.go.id/feed/"}],
    )  # fmt: skip
    importer = {
        "channels_file": str(registry),
        "content_dir": str(root / "content" / "imported"),
    }
    # The build-time re-sanitizing of imported posts is the layer under the
    # build guard, which would hold the tampered post back: build without the
    # guard to prove this layer holds on its own (defence in depth).
    run_pelican(
        root / "content", root / "output", cache=root / "cache",
        without=["pelita.build.guard"], IMPORTER=importer,
    )  # fmt: skip
    return root / "output"


def article(site, slug):
    return (site / "berita" / slug / "index.html").read_text("utf-8")


def test_imported_body_is_sanitized_again(site):
    page = BeautifulSoup(article(site, "kabar-kota"), "html.parser")
    body = page.select_one(".prose")
    assert "Teks biasa." in body.get_text()
    assert live_markup("".join(str(child) for child in body.children)) == []
    assert "tautan" in body.get_text()


def test_nothing_live_anywhere_in_the_page(site):
    page = BeautifulSoup(article(site, "kabar-kota"), "html.parser")
    for tag in page.find_all(True):
        assert not [name for name in tag.attrs if name.startswith("on")], tag
        for name in ("href", "src"):
            assert not str(tag.get(name, "")).lower().startswith("javascript"), tag
        if tag.name == "script" and tag.get("type") == "application/ld+json":
            # Data, not code: the hostile title may appear as JSON text, but
            # can never close the element it sits in.
            json.loads(tag.string)
            assert "</" not in tag.string, tag
        elif tag.name in ("script", "iframe"):
            assert "alert" not in str(tag), tag


def test_title_and_summary_cannot_open_tags(site):
    page = BeautifulSoup(article(site, "kabar-kota"), "html.parser")
    heading = page.select_one("h1")
    assert heading.find_all(True) == []
    assert "alert" in heading.get_text()  # shown as text, not run
    title = page.select_one("title").get_text()
    assert "<" not in title
    description = page.select_one('meta[name="description"]')["content"]
    assert "<" not in description


def test_channel_is_given_to_templates(site):
    page = BeautifulSoup(article(site, "kabar-kota"), "html.parser")
    source = page.select_one(".provenance a[rel~=nofollow]")
    assert source.get_text() == "Kanal Uji Kota"
    assert source["href"] == "https://uji.example.go.id/kabar-kota?a=1&b=%22x%22"


class FakeArticle:
    def __init__(self, **metadata):
        self.metadata = dict(metadata)
        self._content = metadata.pop("content", "")
        self.title = metadata.get("title", "")
        self.source_path = "/elsewhere/post.md"
        for key, value in metadata.items():
            setattr(self, key, value)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "//x"]
)
def test_build_drops_urls_that_are_not_web_addresses(url):
    from pelita.build.imported.plugin import clean_article

    post = FakeArticle(channel="x", source=url, video=url, content="<p>a</p>")
    clean_article(post)
    assert (post.source, post.video) == ("", "")


def test_posts_are_recognized_by_channel_or_by_folder(tmp_path):
    from pelita.build.imported.plugin import is_imported

    folder = (tmp_path / "imported").resolve()
    assert is_imported(FakeArticle(channel="x"), (folder,))
    admin = FakeArticle()
    assert not is_imported(admin, (folder,))
    admin.source_path = str(folder / "c" / "2024" / "a.md")
    assert is_imported(admin, (folder,))


def test_admin_posts_are_left_alone(site):
    page = BeautifulSoup(article(site, "pengumuman-admin"), "html.parser")
    # `lang` is admin HTML's, not imported HTML's: the importer's cleaning
    # would have dropped it.
    assert page.select_one('p[lang="jv"]') is not None


def test_channels_are_named_even_from_a_demo_registry(tmp_path):
    """The registry is read for names only: feed-file urls are fine at build."""
    from types import SimpleNamespace

    from pelita.build.imported.plugin import on_articles

    feeds = tmp_path / "feeds"
    feeds.mkdir()
    registry = write_registry(
        tmp_path, [{"id": "demo", "name": "Kanal Demo", "url": "feeds/a.xml"}]
    )
    known, unknown = FakeArticle(channel="demo"), FakeArticle(channel="hilang")
    generator = SimpleNamespace(
        settings={"IMPORTER": {"channels_file": str(registry)}, "PATH": str(tmp_path)},
        articles=[known, unknown],
    )
    on_articles(generator)
    assert known.channel_info.name == "Kanal Demo"
    assert known.channel_name == "Kanal Demo"
    assert unknown.channel_info is None
    assert unknown.channel_name == "hilang"
