"""The link and asset check over a built site, on small hand-made sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from pelita.tools.sitecheck.links import check_links
from pelita.tools.sitecheck.urls import SiteUrls, parse_srcset

SITE = "https://kabar.example.go.id"


def make_site(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


GOOD_SITE = {
    "index.html": page(
        '<a href="berita/">Berita</a> <a href="/berita/satu/#isi">satu</a>'
        f' <a href="{SITE}/berita/satu/">abs</a> <a href="berita">no slash</a>'
        ' <a href="https://example.org/x">external</a> <a href="mailto:a@b.id">m</a>'
        ' <a href="tel:+6224">t</a> <a href="#top">top</a> <a href="#">hash</a>'
        ' <img src="images/foto%20satu.jpg" srcset="images/a.webp 480w,'
        ' images/b.webp 960w"> <form action="/cari/"></form>'
        ' <a href="/berita/satu/?utm=1#:~:text=Semarang">text fragment</a>',
        head='<link rel="stylesheet" href="/theme/css/main.css">'
        f'<link rel="alternate" type="application/atom+xml" href="{SITE}/feeds/a.xml">'
        f'<meta property="og:image" content="{SITE}/images/a.webp">'
        '<script src="/theme/js/app.js" defer></script>',
    ),
    "berita/index.html": page('<a href="../index.html">home</a>'),
    "berita/satu/index.html": page('<main id="isi"><a href="../">up</a></main>'),
    "cari/index.html": page("cari"),
    "images/foto satu.jpg": "jpg",
    "images/a.webp": "webp",
    "images/b.webp": "webp",
    "theme/css/main.css": "body{background:url('../img/bg.png')} "
    '@import "tokens.css"; .x{background:url(data:image/png;base64,AAAA)}',
    "theme/css/tokens.css": ":root{--a:1}",
    "theme/img/bg.png": "png",
    "theme/js/app.js": "console.log(1)",
    "feeds/a.xml": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
    f'<link href="{SITE}/" rel="alternate"/><entry>'
    f'<link href="{SITE}/berita/satu/" rel="alternate"/></entry></feed>',
    "sitemap.xml": '<?xml version="1.0"?>'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    f"<url><loc>{SITE}/berita/satu/</loc></url></urlset>",
    "robots.txt": f"User-agent: *\nSitemap: {SITE}/sitemap.xml\n",
    "site.webmanifest": '{"icons": [{"src": "/images/a.webp"}]}',
}


def test_a_sound_site_passes_and_counts_every_internal_reference(tmp_path: Path):
    report = check_links(make_site(tmp_path, GOOD_SITE), SITE)
    assert report.ok, report.lines()
    # index.html: 7 a, img src + 2 srcset, form, 2 link, meta, script = 15;
    # 2 pages, css 2 (not data:), feed 2, sitemap 1, robots 1, manifest 1 = 9
    assert report.checked == 24
    assert report.files == len(GOOD_SITE)


OG_IMAGE = f'<meta property="og:image" content="{SITE}/kartu.png">'


@pytest.mark.parametrize(
    ("page_name", "html", "element", "url"),
    [
        ("index.html", '<a href="/b/hilang/">x</a>', "a href", "/b/hilang/"),
        ("index.html", '<img src="img/x.jpg">', "img src", "img/x.jpg"),
        ("index.html", '<img srcset="a.jpg, c.jpg 2x">', "img srcset", "c.jpg"),
        ("index.html", '<source srcset="/c.avif">', "source srcset", "/c.avif"),
        ("index.html", '<script src="/js/x.js"></script>', "script src", "/js/x.js"),
        ("index.html", '<link rel="icon" href="/i">', "link rel=icon href", "/i"),
        ("index.html", OG_IMAGE, "meta og:image", f"{SITE}/kartu.png"),
        ("index.html", '<video poster="/p.jpg"></video>', "video poster", "/p.jpg"),
        ("a/index.html", '<a href="../b/#bagian">x</a>', "a href", "../b/#bagian"),
    ],
)
def test_each_kind_of_broken_reference_is_reported_with_its_page(
    tmp_path: Path, page_name: str, html: str, element: str, url: str
):
    files = {"index.html": page(""), "a.jpg": "x", "b/index.html": page("b")}
    files[page_name] = page(html)
    report = check_links(make_site(tmp_path, files), SITE)
    assert [(b.page, b.element, b.url) for b in report.broken] == [
        (page_name, element, url)
    ]
    assert page_name in report.lines()[0]


def test_missing_fragment_names_the_id_and_the_target(tmp_path: Path):
    files = {
        "index.html": page('<a href="/b/#ada">ok</a><a href="/b/#hilang">x</a>'),
        "b/index.html": page('<h2 id="ada">Ada</h2><a href="#juga-hilang">y</a>'),
    }
    report = check_links(make_site(tmp_path, files), SITE)
    reasons = sorted(str(link) for link in report.broken)
    assert len(reasons) == 2
    assert "no element with id 'juga-hilang' in b/index.html" in reasons[0]
    assert "no element with id 'hilang' in b/index.html" in reasons[1]


def test_feeds_sitemaps_css_robots_and_manifest_are_checked(tmp_path: Path):
    files = {
        "index.html": page(""),
        "sitemap.xml": '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{SITE}/hilang/</loc></url></urlset>",
        "feeds/semua.atom.xml": '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        f'<link href="{SITE}/berita/pindah/"/></entry></feed>',
        "theme/css/main.css": "a{background:url(../img/hilang.svg)}",
        "robots.txt": f"Sitemap: {SITE}/sitemap-berita.xml\n",
        "manifest.webmanifest": '{"icons": [{"src": "icon-512.png"}]}',
    }
    report = check_links(make_site(tmp_path, files), SITE)
    found = {(b.page, b.url) for b in report.broken}
    assert found == {
        ("sitemap.xml", f"{SITE}/hilang/"),
        ("feeds/semua.atom.xml", f"{SITE}/berita/pindah/"),
        ("theme/css/main.css", "../img/hilang.svg"),
        ("robots.txt", f"{SITE}/sitemap-berita.xml"),
        ("manifest.webmanifest", "icon-512.png"),
    }


def test_malformed_xml_and_a_missing_home_page_are_problems(tmp_path: Path):
    files = {"berita/index.html": page(""), "sitemap.xml": "<urlset><url>"}
    report = check_links(make_site(tmp_path, files), SITE)
    reasons = [link.reason for link in report.broken]
    assert "the site has no index.html" in reasons
    assert any(reason.startswith("not well-formed XML") for reason in reasons)


def test_site_under_a_path_prefix_flags_root_relative_links(tmp_path: Path):
    prefixed = "https://pemkot.github.io/pelita"
    files = {
        "index.html": page(
            f'<a href="{prefixed}/berita/">ok</a><a href="/theme/css/main.css">x</a>'
            '<a href="berita/">ok</a><a href="https://pemkot.github.io/lain/">other</a>'
        ),
        "berita/index.html": page(""),
    }
    report = check_links(make_site(tmp_path, files), prefixed)
    assert [(b.url, b.reason) for b in report.broken] == [
        ("/theme/css/main.css", "points outside the site root")
    ]


def test_base_href_changes_how_relative_links_resolve(tmp_path: Path):
    files = {
        "index.html": page("", head='<base href="/berita/">')
        + page('<a href="satu/">satu</a><a href="dua/">dua</a>'),
        "berita/satu/index.html": page(""),
    }
    report = check_links(make_site(tmp_path, files), SITE)
    assert [b.url for b in report.broken] == ["dua/"]


def test_ignore_patterns_skip_matching_references(tmp_path: Path):
    files = {
        "index.html": page('<a href="/unduhan/besar.zip">x</a><a href="/y/">y</a>')
    }
    report = check_links(make_site(tmp_path, files), SITE, ignore=["/unduhan/*"])
    assert [b.url for b in report.broken] == ["/y/"]


def test_a_missing_output_folder_is_reported(tmp_path: Path):
    report = check_links(tmp_path / "output", SITE)
    assert not report.ok
    assert report.broken[0].reason == "the output folder does not exist"


def test_long_reports_are_cut_and_name_the_commonest_targets(tmp_path: Path):
    files = {"index.html": page("")}
    for number in range(30):
        files[f"p{number}/index.html"] = page('<a href="/hilang/">x</a>')
    report = check_links(make_site(tmp_path, files), SITE)
    lines = report.lines(limit=5)
    assert len(report.broken) == 30
    assert lines[5] == "... and 25 more"
    assert "30 x /hilang/" in lines[7]
    assert report.summary().startswith("links: 30 broken internal references on 30")


@pytest.mark.parametrize(
    ("srcset", "urls"),
    [
        ("a.jpg 1x, b.jpg 2x", ["a.jpg", "b.jpg"]),
        ("a.jpg,b.jpg", ["a.jpg,b.jpg"]),  # no space: one URL, per the standard
        ("/img/x,y.jpg 100w, /img/z.jpg 200w", ["/img/x,y.jpg", "/img/z.jpg"]),
        ("  a.jpg  ", ["a.jpg"]),
        ("a.jpg (max-width: 1px, x) 1x, b.jpg", ["a.jpg", "b.jpg"]),
        ("", []),
    ],
)
def test_srcset_is_parsed_as_browsers_do(srcset: str, urls: list[str]):
    assert parse_srcset(srcset) == urls


def test_resolve_maps_site_urls_to_files_and_leaves_others_alone():
    urls = SiteUrls.from_site_url("https://Kabar.example.go.id/")
    assert urls.resolve("/a%20b/", "index.html") == ("a b/", "")
    assert urls.resolve("http://kabar.example.go.id/x#y", "p/index.html") == ("x", "y")
    assert urls.resolve("../../../etc/passwd", "a/index.html") == ("etc/passwd", "")
    assert urls.resolve("//cdn.example.org/x.js", "index.html") is None
    assert urls.resolve("javascript:alert(1)", "index.html") is None
    assert urls.resolve("data:image/png;base64,AA", "index.html") is None
    assert urls.resolve("", "a/index.html") == ("a/index.html", "")
