"""Page budgets over an output folder."""

from pathlib import Path

import pytest

from pelita.tools.sitecheck.budgets import (
    check_site,
    gzip_size,
    heaviest_by_kind,
    page_kind,
    resolve,
)

PAGE = """<!doctype html><html lang="id"><head>
<link rel="stylesheet" href="{root}theme/css/a.css">
<link rel="icon" href="{root}theme/img/icon.svg">
<script src="{root}theme/js/site.js" defer></script>
</head><body><img src="{root}images/x.webp" loading="lazy">
<a href="https://wa.me/?text=x">WhatsApp</a>{extra}</body></html>"""


def write(root: Path, path: str, text: str) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write(tmp_path, "theme/css/a.css", "@import url('b.css');\nbody{color:red}\n")
    write(tmp_path, "theme/css/b.css", "main{margin:0}\n" * 50)
    write(tmp_path, "theme/js/site.js", "console.log(1);\n" * 20)
    write(tmp_path, "index.html", PAGE.format(root="", extra=""))
    write(tmp_path, "berita/a/index.html", PAGE.format(root="../../", extra=""))
    return tmp_path


def test_weight_is_gzip_html_plus_css_with_imports_plus_js(site: Path):
    weights, problems = check_site(site)
    assert problems == []
    home = next(w for w in weights if w.page == "index.html")
    css = gzip_size((site / "theme/css/a.css").read_bytes()) + gzip_size(
        (site / "theme/css/b.css").read_bytes()
    )
    assert home.css == css
    assert home.js == gzip_size((site / "theme/js/site.js").read_bytes())
    assert home.html == gzip_size((site / "index.html").read_bytes())
    assert home.total == home.html + home.css + home.js
    assert set(home.assets) == {
        "theme/css/a.css",
        "theme/css/b.css",
        "theme/js/site.js",
    }
    article = next(w for w in weights if w.page == "berita/a/index.html")
    assert article.css == home.css


def test_over_budget_pages_are_reported_with_their_parts(site: Path):
    _, problems = check_site(site, limit=100)
    assert {p.page for p in problems} == {"index.html", "berita/a/index.html"}
    assert "over the budget of 100" in problems[0].message


def test_other_hosts_web_fonts_and_missing_assets_are_problems(site: Path):
    write(site, "theme/css/b.css", "@font-face{font-family:x;src:url(x.woff2)}")
    extra = (
        '<script src="https://cdn.example.org/x.js"></script>'
        '<iframe src="https://www.youtube.com/embed/x"></iframe>'
        '<link rel="preload" as="font" href="f.woff2">'
        '<script src="theme/js/missing.js"></script>'
    )
    write(site, "index.html", PAGE.format(root="", extra=extra))
    write(site, "theme/f.ttf", "font")
    _, problems = check_site(site)
    messages = [p.message for p in problems]
    assert "requests https://cdn.example.org/x.js from another host" in messages
    assert "requests https://www.youtube.com/embed/x from another host" in messages
    assert "preloads web font f.woff2" in messages
    assert "theme/css/b.css declares a web font" in messages
    assert "script theme/js/missing.js is missing" in messages
    assert any(p.page == "theme/f.ttf" for p in problems)


def test_absolute_urls_of_the_site_itself_are_local(site: Path):
    write(site, "index.html", PAGE.format(root="https://kabar.example.id/", extra=""))
    weights, problems = check_site(site, site_url="https://kabar.example.id")
    assert problems == []
    assert next(w for w in weights if w.page == "index.html").js > 0


def test_resolve():
    assert resolve("../../theme/a.css", "berita/x/index.html") == "theme/a.css"
    assert resolve("/theme/a.css", "berita/x/index.html") == "theme/a.css"
    assert resolve("../", "berita/x/index.html") == "berita/index.html"
    assert (
        resolve("https://x.id/p/theme/a.css", "index.html", "https://x.id/p")
        == "theme/a.css"
    )
    assert resolve("/p/theme/a.css", "index.html", "https://x.id/p") == "theme/a.css"
    assert resolve("https://other.id/a.css", "index.html", "https://x.id") is None
    assert resolve("data:image/png;base64,xx", "index.html") == ""


def test_page_kinds():
    assert page_kind("index.html") == "home"
    assert page_kind("2/index.html") == "home"
    assert page_kind("404.html") == "404"
    assert page_kind("berita/index.html") == "berita"
    assert page_kind("berita/3/index.html") == "berita"
    assert page_kind("berita/judul/index.html") == "berita/*"
    assert page_kind("arsip/2025/03/index.html") == "arsip/*"


def test_heaviest_by_kind(site: Path):
    weights, _ = check_site(site)
    assert set(heaviest_by_kind(weights)) == {"home", "berita/*"}


def test_check_budgets_reads_the_site_url_from_the_home_page(site: Path):
    from pelita.tools.sitecheck.budgets import check_budgets

    page = PAGE.format(root="https://kabar.example.id/", extra="")
    page = page.replace(
        "<head>", '<head><link rel="canonical" href="https://kabar.example.id/">'
    )
    write(site, "index.html", page)
    assert check_budgets(site) == []
    problems = check_budgets(site, limit=100)
    assert str(problems[0]).startswith("berita/a/index.html: ") or str(
        problems[0]
    ).startswith("index.html: ")
