"""Chromium clicks through a site built from hostile posts, registries and files.

The site is built as production builds it (publishconf.py, the guard on)
from the hostile inputs of ``test_hostile_render`` (an admin's post, a
channel's imported file, registries with markup in their names) plus
hostile static files (an SVG and HTML pages with script, a page saved as a
photo, a symbolic link to a secret). Then every page is opened in Debian's
Chromium, every link, button and summary is hovered and clicked (each
distinct one once across the site), and the hostile static files' addresses
are opened too. No dialog may open, no script of the input's may run (its
global ``pelitaXss`` stays undefined), no live ``javascript:`` address or
event handler may be in the page as the browser holds it, and no page may
report a script error. Requests off 127.0.0.1 are aborted, and so are the
navigations a click starts are noted and answered "204 No Content", so the
page stays and clicking goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.settings import get_settings_from_file
from sitebuild import run_pelican

from pelita.core.importhash import seal

from .hostile import BREAKOUT, MARK
from .test_hostile_render import CATEGORY, POSTS, _hostile_registries, _jpeg

REPO = Path(__file__).resolve().parents[2]
EVIL = f'Kabar "{MARK}" {BREAKOUT}'
PIXEL = f'<img src="https://stats.example.invalid/{MARK}.gif" width="1" height="1">'
# Hostile posts that pass the check, so the guard publishes them: markup in
# every text field, ids and classes of the theme's own, a remote image and a
# tracking pixel. (The posts of test_hostile_render, which the guard holds
# back, are built too.)
PUBLISHED = {
    "posts/2025/lolos.md": f"""Title: {EVIL}
Date: 2025-10-16 09:00
Category: Berita
Slug: kabar-lolos
Summary: {EVIL}
Tags: lomba, "><img src=x onerror={MARK}=30>
Kecamatan: Tembalang
Kelurahan: Meteseh
Image: images/2025/foto.jpg
Image_alt: {EVIL}

Warga bekerja bakti. [Ke atas](#isi) dan [cari](#q).

<div id="isi" class="skip-link button"><p id="q" class="badge--verdict">Benar</p></div>

## Jadwal {{: #bagikan .notice }}

![Peta dari situs lain](https://stats.example.invalid/{MARK}-peta.jpg)

{PIXEL}
""",
    "imported/kec-tembalang/2025/lolos.md": seal(
        f"""Title: {EVIL}
Date: 2025-10-16 08:00
Category: Berita
Slug: kanal-lolos
Channel: kec-tembalang
Source: https://tembalang.example.id/kanal-lolos
Summary: {EVIL}
Tags: {EVIL}

Kabar dari kanal.

![Foto kanal](https://stats.example.invalid/{MARK}-kanal.jpg)
"""
    )[0],
}
STATIC_FILES = {
    "images/2025/peta.svg": f'<svg xmlns="http://www.w3.org/2000/svg" '
    f'onload="alert(1);{MARK}=21"><script>{MARK}=22</script></svg>',
    "extra/halaman.html": f"<html><script>alert(2);{MARK}=23</script></html>",
    "extra/lama.htm": f"<html><body onload='{MARK}=24'>x</body></html>",
    "images/2025/palsu.jpg": f"<html><script>alert(3);{MARK}=25</script></html>",
}
SECRET = "token-rahasia-ci"
# What can be hovered, clicked or toggled.
ACTIVE = "a[href], area[href], button, summary, [onclick], [role=button], input"
# Seconds of quiet after each page's clicks, for a queued javascript: URL
# or a timer of an injected handler to run.
SETTLE_MS = 100


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        del args


@dataclass
class Trip:
    """What the browser saw on its way through the site."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    script_urls: list[str] = field(default_factory=list)
    navigations: set[str] = field(default_factory=set)
    pages: int = 0
    clicked: int = 0


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The hostile site, built for and served at a 127.0.0.1 address."""
    root = tmp_path_factory.mktemp("click-through")
    output = root / "output"
    output.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=output))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        _build(root, url)
        yield output, url
    finally:
        server.shutdown()
        server.server_close()


def _build(root: Path, url: str) -> None:
    content = root / "content"
    for relative, text in {**POSTS, **PUBLISHED, **STATIC_FILES}.items():
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, "utf-8")
    (content / "images" / "2025" / "foto.jpg").write_bytes(_jpeg())
    (root / "secret.txt").write_text(SECRET, "utf-8")
    (content / "extra" / "config.pdf").symlink_to(root / "secret.txt")
    registries = _hostile_registries(root)
    categories = get_settings_from_file(str(REPO / "pelicanconf.py"))["CATEGORIES"]
    settings = {
        "PATH": str(content),
        "CACHE_PATH": str(root / "cache"),
        "CATEGORIES": [*categories, CATEGORY],
        "REGISTRIES": registries,
        "IMPORTER": {
            "channels_file": str(root / "data" / "channels.yml"),
            "content_dir": str(content / "imported"),
            "state_file": str(root / "import-state.json"),
            "report_file": str(root / "import-report.json"),
        },
    }
    run_pelican(
        None, root / "output", conf="publishconf.py", env={"SITEURL": url},
        **settings,
    )  # fmt: skip


# Runs in the page: the live DOM's script addresses and event handlers, and
# whether the input's script ran.
_LIVE_SCRIPT = """() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\x00-\\x1f]+/g, "").toLowerCase();
      if (name.startsWith("on") || /^(javascript|vbscript|data:text\\/html)/.test(value)
          && ["href", "src", "action", "formaction", "xlink:href"].includes(name)) {
        found.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value}">`);
      }
    }
  }
  if (typeof window.pelitaXss !== "undefined") found.push("pelitaXss ran");
  return found;
}"""
# Runs in the page: hover and click every active element not seen on an
# earlier page (known by a hash of its markup); returns the new hashes.
_POKE = f"""(seen) => {{
  const known = new Set(seen), fresh = [];
  const hash = (text) => {{
    let h = 5381;
    for (let i = 0; i < text.length; i++) h = (h * 33 + text.charCodeAt(i)) | 0;
    return h;
  }};
  const all = [...document.querySelectorAll("{ACTIVE}")];
  const todo = all.filter(el => {{
    const h = hash(el.outerHTML);
    if (known.has(h)) return false;
    known.add(h);
    fresh.push(h);
    return true;
  }});
  for (const el of todo) {{
    for (const type of ["pointerover", "mouseover", "mouseenter", "mousemove",
                        "pointerdown", "mousedown", "focus", "mouseup"]) {{
      el.dispatchEvent(new MouseEvent(type, {{bubbles: true, cancelable: true}}));
    }}
    if (typeof el.click === "function") el.click();  // an SVG <a> has none
    else el.dispatchEvent(new MouseEvent("click", {{bubbles: true, cancelable: true}}));
    el.dispatchEvent(new MouseEvent("mouseout", {{bubbles: true}}));
  }}
  return fresh;
}}"""


def _local(url: str) -> bool:
    return urlsplit(url).hostname == "127.0.0.1"


@pytest.fixture(scope="module")
def trip(site, browser) -> Trip:
    output, base = site
    found = Trip()
    context = browser.new_context(service_workers="block")
    allowed: dict[str, str] = {}

    def route(handled) -> None:
        request = handled.request
        if request.is_navigation_request() and request.url != allowed.get("url"):
            # 204 No Content: the browser stays on the page (an aborted
            # navigation would show an error page instead). Never sent on.
            found.navigations.add(request.url)
            handled.fulfill(status=204, body="")
        elif not _local(request.url) or request.resource_type in ("image", "media"):
            handled.abort()  # a failed image fires any onerror that survived
        else:
            handled.continue_()

    context.route("**/*", route)
    context.on(
        "page", lambda popup: popup.close() if popup.url != "about:blank" else None
    )
    page = context.new_page()
    page.on("dialog", lambda dialog: (found.dialogs.append(
        f"{page.url}: {dialog.type}: {dialog.message}"), dialog.dismiss()))  # fmt: skip
    page.on("pageerror", lambda error: found.errors.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda message: (
            found.errors.append(f"{page.url}: {message.text}")
            if message.type == "error" and "Failed to load resource" not in message.text
            else None
        ),
    )
    seen: list[int] = []
    urls = [
        f"{base}/{path.relative_to(output).as_posix()}".removesuffix("index.html")
        for path in sorted(output.rglob("*.html"))
    ] + [f"{base}/{relative}" for relative in [*STATIC_FILES, "extra/config.pdf"]]
    for url in urls:
        allowed["url"] = url
        page.goto(url, wait_until="load")
        allowed["url"] = ""  # from here on, every navigation is a click's
        found.pages += 1
        fresh = page.evaluate(_POKE, seen)
        seen += fresh
        found.clicked += len(fresh)
        if fresh:
            page.wait_for_timeout(SETTLE_MS)
        if page.url.split("#")[0] != url.split("#")[0]:
            found.errors.append(f"{url}: the page left for {page.url}")
        found.script_urls += [f"{url}: {what}" for what in page.evaluate(_LIVE_SCRIPT)]
    context.close()
    return found


def test_the_browser_went_through_the_whole_site(trip, site):
    output, _ = site
    assert trip.pages == len(list(output.rglob("*.html"))) + len(STATIC_FILES) + 1
    assert trip.clicked > 100
    assert trip.navigations  # links were followed (and stopped) as clicked


def test_no_dialog_opened(trip):
    assert trip.dialogs == []


def test_no_script_of_the_input_ran_and_none_is_live(trip):
    assert trip.script_urls == []


def test_no_page_reported_a_script_error(trip):
    assert trip.errors == []


def test_the_hostile_posts_that_pass_the_check_were_published(site):
    output, _ = site
    for slug in ("kabar-lolos", "kanal-lolos"):
        assert (output / "berita" / slug / "index.html").is_file(), slug


def test_the_hostile_static_files_and_the_secret_were_not_published(site):
    output, _ = site
    for relative in [*STATIC_FILES, "extra/config.pdf"]:
        assert not (output / relative).exists(), relative
    published = b"".join(p.read_bytes() for p in output.rglob("*") if p.is_file())
    assert SECRET.encode() not in published
