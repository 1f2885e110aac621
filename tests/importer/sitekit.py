"""Web pages of made-up city sites for the HTML-channel and discovery tests.

Pages look like what kelurahan and OPD CMSes serve: a listing with article
cards and a next-page link, article pages with a byline, a view counter,
share buttons and a "Baca juga" box, lazy-loaded images. ``serve_site``
puts a whole site on the test server.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from feedserver import FeedServer, Response

HTML = "text/html; charset=utf-8"
LAZY = 'src="data:image/gif;base64,R0lGODlhAQABAAAAACw="'
HTML_RULES = {
    "items": ".daftar-berita .judul a",
    "next": "a.selanjutnya",
    "max_pages": 3,
    "title": "h1.judul-berita",
    "date": ".info-berita .tanggal",
    "body": ".isi-berita",
    "image": ".foto-utama img",
    "remove": [".kotak-bagikan"],
}


def page(body: str, head: str = "", title: str = "Kelurahan Contoh") -> bytes:
    return (
        "<!DOCTYPE html>\n<html lang='id'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{head}</head><body>"
        "<nav class='menu'><a href='/'>Beranda</a> <a href='/berita/'>Berita</a></nav>"
        f"{body}<footer>Kelurahan Contoh, Kota Semarang</footer></body></html>"
    ).encode()


def listing(links: list[tuple[str, str]], next_href: str | None = None, **kw) -> bytes:
    cards = "".join(
        f"<article class='kartu'><img {LAZY} data-src='/media/kecil.jpg' alt=''>"
        f"<h2 class='judul'><a href='{href}'>{text}</a></h2>"
        "<p class='ringkas'>Dilihat: 12 kali</p></article>"
        for href, text in links
    )
    more = (
        f"<a class='selanjutnya' href='{next_href}'>Selanjutnya</a>"
        if next_href
        else ""
    )
    return page(f"<main class='daftar-berita'>{cards}<div>{more}</div></main>", **kw)


@dataclass
class Article:
    """One article page; ``body`` is the inner HTML of ``.isi-berita``."""

    title: str
    date: str
    body: str
    photo: str = ""
    head: str = ""
    body_class: str = "isi-berita"

    def html(self) -> bytes:
        photo = f"<div class='foto-utama'>{self.photo}</div>" if self.photo else ""
        return page(
            f"<main><h1 class='judul-berita'>{self.title}</h1>"
            f"<div class='info-berita'><span class='tanggal'>{self.date}</span>"
            "<span class='dilihat'>Dilihat: 990 kali</span></div>"
            f"{photo}<div class='{self.body_class}'>{self.body}</div>"
            "<div class='komentar'><form><textarea></textarea></form></div></main>",
            head=self.head,
            title=f"{self.title} - Kelurahan Contoh",
        )


def article(number: int, **changes) -> Article:
    """A plain article with its own title, date and two paragraphs of text."""
    values = {
        "title": f"Kerja Bakti Warga RW {number:02d}",
        "date": f"Senin, {number} Juni 2026 | 08:{number:02d} WIB",
        "body": (
            f"<p>Warga RW {number:02d} membersihkan saluran dan taman kampung.</p>"
            "<p>Kegiatan ditutup dengan makan bersama di balai warga.</p>"
        ),
    }
    values.update(changes)
    return Article(**values)


@dataclass
class Site:
    """A listing (one or more pages) and its articles, by path."""

    pages: list[bytes]
    articles: dict[str, Article] = field(default_factory=dict)
    etag: str | None = '"daftar-1"'


def serve_site(server: FeedServer, site: Site, listing_path: str = "/berita/") -> str:
    """Serve ``site`` (page n of the listing at ``/berita/halaman/n/``)."""
    url = server.add(
        listing_path, Response(site.pages[0], content_type=HTML, etag=site.etag)
    )
    for number, body in enumerate(site.pages[1:], start=2):
        server.add(f"/berita/halaman/{number}/", Response(body, content_type=HTML))
    for path, item in site.articles.items():
        server.add(path, Response(item.html(), content_type=HTML))
    return url


def article_site(count: int, per_page: int = 10) -> Site:
    """``count`` articles at ``/berita/artikel-<n>/``, ``per_page`` per listing page."""
    paths = [f"/berita/artikel-{n}/" for n in range(count, 0, -1)]
    chunks = [paths[i : i + per_page] for i in range(0, count, per_page)]
    pages = []
    for index, chunk in enumerate(chunks, start=1):
        following = f"/berita/halaman/{index + 1}/" if index < len(chunks) else None
        pages.append(listing([(p, p) for p in chunk], following))
    articles = {p: article(int(p.strip("/").rsplit("-", 1)[1])) for p in paths}
    return Site(pages, articles)
