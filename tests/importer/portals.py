"""Made-up news portals in the shapes of 2015-2022 Indonesian CMS themes.

Each portal has a listing page and three articles wrapped in what real
portals put around them: menus with dozens of section links, a logo in an
``h1``, section headings, sidebars of "Terpopuler" headlines (long, and
linking to articles too), tag blocks, share boxes, ads, galleries and
tables with photos. ``channel-add`` must find, on each, the selectors that
import the three articles with their own titles and text and none of that.

Every portal knows what its articles say (``Story``), so a test can tell a
usable entry from one that imports the menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from feedserver import FeedServer, Response
from sitekit import HTML

SECTIONS = ["Nasional", "Regional", "Ekonomi", "Olahraga", "Teknologi", "Hiburan",
            "Gaya Hidup", "Otomotif", "Kesehatan", "Pendidikan", "Wisata", "Kuliner",
            "Opini", "Foto", "Video", "Indeks"]  # fmt: skip
POPULAR = [
    ("/populer/harga-cabai-rawit-di-pasar-johar-naik-dua-kali-lipat",
     "Harga Cabai Rawit di Pasar Johar Naik Dua Kali Lipat Menjelang Lebaran"),
    ("/populer/jalur-pantura-kaligawe-kembali-tergenang-rob-setinggi-lutut",
     "Jalur Pantura Kaligawe Kembali Tergenang Rob Setinggi Lutut Orang Dewasa"),
    ("/populer/klub-sepak-bola-lokal-juara-liga-tiga-zona-jawa-tengah",
     "Klub Sepak Bola Lokal Juara Liga Tiga Zona Jawa Tengah Musim Ini"),
    ("/populer/warung-bakso-legendaris-tutup-setelah-empat-puluh-tahun",
     "Warung Bakso Legendaris Tutup Setelah Empat Puluh Tahun Berjualan"),
]  # fmt: skip
CHROME_WORDS = (
    "Harga Cabai Rawit", "Gaya Hidup", "Hak cipta", "Kirim Komentar", "Copyright",
    "ADVERTISEMENT", "SCROLL TO RESUME", "Simak Video", "(abc/def)", "0 Komentar",
    "Ikuti perkembangan", "Bagikan", "jateng</a>", "Label:",
)  # fmt: skip


@dataclass(frozen=True)
class Story:
    """One article: its slug, headline, date as printed, and paragraphs."""

    slug: str
    title: str
    date: str
    paragraphs: tuple[str, ...]


STORIES = (
    Story(
        "posyandu-lansia-pedurungan-layani-dua-ratus-warga",
        "Posyandu Lansia Pedurungan Layani Dua Ratus Warga dalam Sehari",
        "Jum'at, 17 Februari 2017 - 13:30 wib",
        ("Sebanyak dua ratus warga lanjut usia di Kelurahan Pedurungan Kidul "
         "memeriksakan tekanan darah dan gula darah di posyandu lansia, Jumat pagi.",
         "Kader posyandu dibantu enam perawat puskesmas melayani warga sejak pukul "
         "tujuh hingga tengah hari tanpa dipungut biaya.",
         "Lurah Pedurungan Kidul berharap pemeriksaan rutin ini membuat warga "
         "lebih cepat tahu bila ada keluhan kesehatan."),
    ),
    Story(
        "festival-kuliner-kota-lama-diikuti-enam-puluh-pelaku-umkm",
        "Festival Kuliner Kota Lama Diikuti Enam Puluh Pelaku UMKM",
        "Kamis, 16 Februari 2017 | 09:15 WIB",
        ("Enam puluh pelaku usaha mikro memadati halaman Gedung Oudetrap dalam "
         "festival kuliner yang dibuka Kamis malam.",
         "Panitia mencatat lebih dari tiga ribu pengunjung datang pada malam "
         "pertama, sebagian besar keluarga dari luar kota.",
         "Dinas Koperasi dan UMKM menyiapkan pendampingan kemasan bagi peserta "
         "yang ingin memasarkan produknya secara daring."),
    ),
    Story(
        "jembatan-penyeberangan-banjir-kanal-timur-mulai-diperbaiki",
        "Jembatan Penyeberangan Banjir Kanal Timur Mulai Diperbaiki",
        "Rabu, 15 Februari 2017 - 10:05 wib",
        ("Perbaikan jembatan penyeberangan orang di atas Banjir Kanal Timur "
         "dimulai Rabu dan ditargetkan rampung dalam enam minggu.",
         "Selama pengerjaan, warga diminta menyeberang lewat jembatan kendaraan "
         "yang dijaga petugas Dinas Perhubungan pada jam sibuk.",
         "Anggaran perbaikan berasal dari belanja pemeliharaan tahun ini dan "
         "mencakup penggantian lantai serta pagar pengaman."),
    ),
)  # fmt: skip


@dataclass
class Portal:
    """A portal's pages by path, and the path of its listing."""

    name: str
    listing: str
    pages: dict[str, bytes]
    stories: tuple[Story, ...] = STORIES

    hosts: tuple[str, ...] = ()  # names on loopback: the listing's first

    def serve(self, server: FeedServer) -> str:
        """Serve every page; ``//HOST/`` in a page is the named host's origin."""
        port = server.url("/").split(":")[2].split("/")[0]
        for path, page in self.pages.items():
            body = page
            for host in self.hosts:
                body = body.replace(f"//{host}/".encode(), f"//{host}:{port}/".encode())
            server.add(path, Response(body, content_type=HTML))
        if self.hosts:
            return f"http://{self.hosts[0]}:{port}{self.listing}"
        return server.url(self.listing)


def _menu(css: str, prefix: str = "/") -> str:
    items = "".join(
        f"<li><a href='{prefix}{s.lower().replace(' ', '-')}/'>{s}</a></li>"
        for s in SECTIONS
    )
    return f"<ul class='{css}'>{items}</ul>"


def _popular(wrapper: str, heading: str = "h3") -> str:
    items = "".join(
        f"<li><{heading}><a href='{href}'>{text}</a></{heading}></li>"
        for href, text in POPULAR
    )
    return wrapper.format(f"<h2>Terpopuler</h2><ol>{items}</ol>")


def _doc(title: str, body: str, head: str = "", lang: str = "id") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{title}</title>{head}</head><body>{body}</body></html>"
    ).encode()


def _og(story: Story, site: str, date_meta: str = "") -> str:
    return (
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='og:title' content='{story.title} | {site}'>{date_meta}"
    )


def _paras(story: Story) -> str:
    return "".join(f"<p>{p}</p>" for p in story.paragraphs)


def wordpress_2015() -> Portal:
    """A classic WordPress theme: logo h1, menu, entry cards, widget sidebar."""
    site = "Warta Semarang"
    header = (
        f"<header id='masthead' class='site-header'><h1 class='site-title'>"
        f"<a href='/'>{site}</a></h1><nav class='main-navigation'>{_menu('menu')}"
        "</nav></header>"
    )
    sidebar = _popular(
        "<aside class='widget-area'><section class='widget'>{}</section></aside>"
    )
    footer = "<footer class='site-footer'>Hak cipta &copy; 2015 Warta Semarang</footer>"
    cards = "".join(
        f"<article class='post type-post'><header class='entry-header'>"
        f"<h2 class='entry-title'><a href='/{2015}/02/{s.slug}/' rel='bookmark'>"
        f"{s.title}</a></h2></header><div class='entry-summary'><p>"
        f"{s.paragraphs[0][:90]}</p></div><footer class='entry-footer'>"
        f"<a href='/category/berita/'>Berita</a></footer></article>"
        for s in STORIES
    )
    pages = {
        "/berita/": _doc(
            site,
            f"{header}<div id='primary' class='content-area'><main id='main' "
            f"class='site-main'><h1 class='page-title'>Kategori: Berita</h1>{cards}"
            "<nav class='navigation'><a class='next page-numbers' "
            "href='/berita/page/2/'>"
            f"Berikutnya</a></nav></main></div>{sidebar}{footer}",
        )
    }
    for s in STORIES:
        body = (
            f"{header}<div id='primary' class='content-area'><main id='main' "
            f"class='site-main'><article class='post'><header class='entry-header'>"
            f"<h1 class='entry-title'>{s.title}</h1><div class='entry-meta'>"
            f"<span class='posted-on'>{s.date}</span></div></header>"
            f"<div class='entry-content'>{_paras(s)}<div class='sharedaddy'>"
            "Bagikan: <a href='https://facebook.com/x'>Facebook</a></div></div>"
            "<footer class='entry-footer'><span class='tags-links'>Tags: "
            "<a href='/tag/semarang/'>semarang</a></span></footer></article>"
            "<div id='comments' class='comments-area'><h3>Kirim Komentar</h3>"
            f"<form></form></div></main></div>{sidebar}{footer}"
        )
        pages[f"/2015/02/{s.slug}/"] = _doc(f"{s.title} | {site}", body, _og(s, site))
    return Portal("wordpress-2015", "/berita/", pages)


def news_cms_2017() -> Portal:
    """A national-portal shape: logo h1, 16-link menu, index list, ad breaks."""
    site = "Kabar Jateng"
    header = (
        f"<div id='header'><h1 class='logo'><a href='/'><img src='/logo.png' "
        f"alt='{site}'></a></h1>{_menu('nav-menu')}</div>"
    )
    sidebar = _popular("<div class='box-populer'>{}</div>", heading="h2")
    items = "".join(
        f"<li><div class='desc_idx'><a href='/regional/d-{3400100 + n}/{s.slug}'>"
        f"<h2>{s.title}</h2></a><span class='labdate'>{s.date}</span></div></li>"
        for n, s in enumerate(STORIES)
    )
    pages = {
        "/indeks/": _doc(
            f"Indeks Berita - {site}",
            f"{header}<div class='container'><div class='lf_content'>"
            f"<h1>Indeks Berita</h1><ul class='list_indeks'>{items}</ul>"
            "<div class='paging'><a href='/indeks/2'>Next</a></div></div>"
            f"{sidebar}</div><div class='footer'>Copyright 2017 {site}. "
            "All rights reserved.</div>",
        )
    }
    for n, s in enumerate(STORIES):
        first, *rest = s.paragraphs
        body = (
            f"{header}<div class='container'><div class='jdl'><h1>{s.title}</h1>"
            f"<div class='date'>{s.date}</div></div><div class='detail_area'>"
            f"<div class='detail_text' id='detikdetailtext'>"
            f"<strong>Semarang</strong> - {first}<br><br>ADVERTISEMENT<br><br>"
            f"SCROLL TO RESUME CONTENT<br>{'<br><br>'.join(rest)}<br><br>"
            "<strong>Simak Video 'Banjir Rob di Pantura'</strong><br>(abc/def)</div>"
            "<div class='detail_tag'><a href='/tag/semarang'>semarang</a> "
            "<a href='/tag/jateng'>jateng</a></div></div>"
            f"{sidebar}</div><div class='footer'>Copyright 2017 {site}.</div>"
        )
        pages[f"/regional/d-{3400100 + n}/{s.slug}"] = _doc(
            f"{s.title} - {site}", body, _og(s, site)
        )
    return Portal("news-cms-2017", "/indeks/", pages)


def table_layout_2015() -> Portal:
    """An old table layout: links in cells, body text with <br>, photo tables."""
    site = "Suara Kelurahan"
    top = (
        f"<table width='100%'><tr><td class='kepala'><h1>{site}</h1></td></tr>"
        f"<tr><td class='menu'>{_menu('menuatas')}</td></tr></table>"
    )
    rows = "".join(
        f"<tr><td class='judul'><a href='/berita-{700 + n}.html'>{s.title}</a>"
        f"</td><td class='tgl'>{s.date}</td></tr>"
        for n, s in enumerate(STORIES)
    )
    pages = {
        "/indexberita.php": _doc(
            site,
            f"{top}<table><tr><td width='70%' valign='top'><h2>Berita Terbaru</h2>"
            f"<table class='daftar'>{rows}</table></td><td class='kanan'>"
            f"{_popular('<div class=populer>{}</div>')}</td></tr></table>",
        )
    }
    for n, s in enumerate(STORIES):
        text = "<br><br>".join(s.paragraphs)
        body = (
            f"{top}<table><tr><td width='70%' valign='top'><h2 class='judulberita'>"
            f"{s.title}</h2><div class='tanggal'>{s.date}</div><table class='galeri'>"
            "<tr><td><img src='/foto/a.jpg' alt='Suasana kegiatan'></td>"
            "<td><img src='/foto/b.jpg' alt='Warga hadir'></td></tr></table>"
            f"<div class='isi'>{text}</div></td><td class='kanan'>"
            f"{_popular('<div class=populer>{}</div>')}</td></tr></table>"
            f"<div class='bawah'>Hak cipta {site} 2015</div>"
        )
        pages[f"/berita-{700 + n}.html"] = _doc(f"{s.title} :: {site}", body)
    return Portal("table-layout-2015", "/indexberita.php", pages)


def blogger_2016() -> Portal:
    """A Blogger theme: h3.post-title, div.post-body, label links, a blog archive."""
    site = "Kampung Kita"
    archive = "".join(
        f"<li><a href='/2016/0{m}/'>{m} 2016</a></li>" for m in range(1, 8)
    )
    side = (
        f"<div class='sidebar section' id='sidebar'><div class='widget BlogArchive'>"
        f"<h2>Arsip Blog</h2><ul>{archive}</ul></div>"
        f"{_popular('<div class=widget-content>{}</div>', heading='span')}</div>"
    )
    posts = "".join(
        f"<div class='post hentry'><h3 class='post-title entry-title'>"
        f"<a href='/2016/05/{s.slug}.html'>{s.title}</a></h3><div class='post-body'>"
        f"{s.paragraphs[0]}</div><div class='post-footer'>Label: <a "
        f"href='/search/label/Kegiatan'>Kegiatan</a></div></div>"
        for s in STORIES
    )
    head = (
        f"<div class='header-outer'><h1 class='title'><a href='/'>{site}</a></h1></div>"
    )
    pages = {
        "/": _doc(
            site,
            f"{head}<div class='main-outer'><div class='main section' id='main'>"
            f"<div class='blog-posts hfeed'>{posts}</div>"
            "<a class='blog-pager-older-link' href='/search?updated-max=x'>"
            f"Posting Lama</a></div>{side}</div>",
        )
    }
    for s in STORIES:
        body = (
            f"{head}<div class='main-outer'><div class='main section' id='main'>"
            "<div class='post hentry'><h3 class='post-title entry-title'>"
            f"{s.title}</h3>"
            f"<div class='post-header'><abbr class='published'>{s.date}</abbr></div>"
            f"<div class='post-body entry-content'>{'<br>'.join(s.paragraphs)}"
            "<br><div class='separator'><img src='/foto/c.jpg'></div></div>"
            "<div class='post-footer'>Label: <a href='/search/label/Kegiatan'>"
            f"Kegiatan</a></div></div><div class='comments'><h4>0 Komentar</h4>"
            f"</div></div>{side}</div>"
        )
        pages[f"/2016/05/{s.slug}.html"] = _doc(
            f"{site}: {s.title}", body, _og(s, site)
        )
    return Portal("blogger-2016", "/", pages)


def modern_2022() -> Portal:
    """A 2022 portal: cards that are links around headings, section headings,
    duplicated and empty date meta tags, 'Baca juga' and follow prompts."""
    site = "Semarang Today"
    header = (
        f"<header class='header'><div class='header__logo'><h1><a href='/'>"
        f"<img src='/logo.svg' alt='{site}'></a></h1></div>"
        f"<nav>{_menu('nav__list')}</nav></header>"
    )
    cards = "".join(
        f"<div class='article__list'><a class='article__link' "
        f"href='/read/2022/02/{17 - n}/{s.slug}'><div class='article__asset'>"
        f"<img src='/t{n}.jpg' alt=''></div><h3 class='article__title'>{s.title}</h3>"
        "</a></div>"
        for n, s in enumerate(STORIES)
    )
    trending = _popular("<div class='trending'>{}</div>", heading="h3")
    pages = {
        "/news/": _doc(
            f"Berita Terkini - {site}",
            f"{header}<div class='row'><div class='col-bs10-7'>"
            f"<h2 class='section__title'>Berita Terkini</h2>{cards}"
            "<div class='paging'><a class='paging__link paging__link--next' "
            f"rel='next' href='/news/?page=2'>Next</a></div></div>"
            f"<div class='col-bs10-3'>{trending}</div></div>"
            f"<footer>Copyright 2022 {site}</footer>",
        )
    }
    for n, s in enumerate(STORIES):
        meta = (
            "<meta property='article:published_time' content=''>"
            f"<meta name='content_PublishedDate' content='2022-02-{17 - n} 08:00:00'>"
            f"<meta property='article:published_time' "
            f"content='2022-02-{17 - n}T08:00:00+07:00'>"
        )
        first, second, third = s.paragraphs
        body = (
            f"{header}<div class='row'><div class='col-bs10-7'>"
            "<div class='read__header'>"
            f"<h2 class='section__title'>Regional</h2><h1 class='read__title'>{s.title}"
            f"</h1><div class='read__time'></div></div><div class='read__content'>"
            "<div class='clearfix'><p><strong>SEMARANG, WARTA</strong> - "
            f"{first}</p>"
            f"<p><strong>Baca juga: <a href='/read/x/lain'>Berita lain yang "
            f"berkaitan dengan kota</a></strong></p><p>{second}</p><p>{third}</p>"
            "<p>Ikuti perkembangan berita ini dan berita lainnya di Google News.</p>"
            "</div></div><div class='tag'><a href='/tag/semarang'>Semarang</a></div>"
            f"</div><div class='col-bs10-3'>{trending}</div></div>"
            f"<footer>Copyright 2022 {site}</footer>"
        )
        pages[f"/read/2022/02/{17 - n}/{s.slug}"] = _doc(
            f"{s.title} Halaman all - {site}", body, _og(s, site, meta)
        )
    return Portal("modern-2022", "/news/", pages)


def subdomain_portal_2020() -> Portal:
    """An index on ``indeks.`` whose articles live on ``nasional.`` and ``jateng.``."""
    site = "Portal Semarang"
    index, hosts = "indeks.portalsemarang.test", ("nasional", "jateng", "nasional")
    header = (
        f"<div class='topbar'><h1 class='brand'><a href='http://www.portalsemarang.test/'>"
        f"{site}</a></h1>{_menu('menu-kanal', f'http://{index}/kanal/')}</div>"
    )
    items = "".join(
        f"<div class='media'><div class='media-body'><h4 class='media-heading'>"
        f"<a href='http://{hosts[n]}.portalsemarang.test/berita/{s.slug}'>"
        f"{s.title}</a></h4><small>{s.date}</small></div></div>"
        for n, s in enumerate(STORIES)
    )
    pages = {
        "/semua/": _doc(
            f"Indeks - {site}",
            f"{header}<div class='container'><div class='indeks-list'>{items}</div>"
            f"{_popular('<div class=sidebar-populer>{}</div>')}</div>"
            f"<div class='copyright'>Copyright 2020 {site}</div>",
        )
    }
    for s in STORIES:
        body = (
            f"{header}<div class='container'><div class='artikel'>"
            f"<h1 class='artikel-judul'>{s.title}</h1><div class='artikel-tanggal'>"
            f"{s.date}</div><div class='artikel-isi'>{_paras(s)}</div></div>"
            f"{_popular('<div class=sidebar-populer>{}</div>')}</div>"
        )
        pages[f"/berita/{s.slug}"] = _doc(f"{s.title} - {site}", body, _og(s, site))
    all_hosts = (index, "nasional.portalsemarang.test", "jateng.portalsemarang.test")
    return Portal("subdomain-portal-2020", "/semua/", pages, hosts=all_hosts)


PORTALS: dict[str, Callable[[], Portal]] = {
    "wordpress-2015": wordpress_2015,
    "news-cms-2017": news_cms_2017,
    "table-layout-2015": table_layout_2015,
    "blogger-2016": blogger_2016,
    "modern-2022": modern_2022,
}
