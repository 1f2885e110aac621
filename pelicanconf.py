"""Pelican settings for Pelita, used for development and as the base of publishconf.py.

Settings for Pelita's own plugins are one dict per plugin (``IMPORTER``, ...);
each plugin merges its dict over its defaults and rejects unknown keys.
"""

import os

from pelita.core.settings.city import city_settings

# The city: everything city-specific, in this one block. Another city edits
# it (and the files under data/ it names) and nothing else; CITY, SITENAME,
# SITESUBTITLE, AUTHOR, VIRTUAL_ASSISTANT, REGISTRIES, REPOSITORY_URL and
# SHAREKIT's hashtags are derived from it at the end of this file. Every key
# is in docs/settings.md (CITY_PROFILE); docs/another-city.md walks through it.
CITY_PROFILE = {
    "name": "Kota Semarang",
    "site_name": "Pelita Semarang",
    "subtitle": "Kabar dan prestasi Kota Semarang dari semua kanal resmi",
    "author": "Pemerintah Kota Semarang",
    # On every share-kit caption, without "#".
    "hashtags": ["SemarangHebat"],
    # The city's virtual assistant on WhatsApp, shown on the home and service
    # pages; None for a city without one.
    "assistant": {
        "name": "Savira",
        "full_name": "Semarang Virtual Assistant",
        "whatsapp": "6282199996148",
        "phone_display": "0821-9999-6148",
        # Shown beside the number; an automated assistant answers at any hour.
        "hours": "setiap hari, 24 jam (dijawab otomatis)",
        "services": [
            "Pajak Bumi dan Bangunan (PBB)",
            "RSUD K.R.M.T. Wongsonegoro",
            "Antrean puskesmas",
            "Administrasi kependudukan",
            "Izin tenaga kesehatan",
            "Pajak kendaraan bermotor",
            "PDAM (air minum)",
            "NPWP",
            "Informasi infrastruktur",
        ],
    },
    # The registries under data/ (data/SOURCES.md says where they come from);
    # "boundaries": None for a city without kecamatan boundaries yet (no map).
    "registries": {
        "wilayah": "data/wilayah.csv",
        "wilayah_aliases": "data/wilayah-alias.csv",
        "wilayah_tagger": "data/wilayah-tagger.yml",
        "boundaries": "data/kecamatan.geojson",
        "opd": "data/opd.csv",
    },
    # Where the repository lives, for "riwayat" (history) links on articles.
    "repository_url": os.environ.get(
        "PELITA_REPOSITORY_URL", "https://github.com/pemkot-semarang/pelita"
    ),
}

SITEURL = ""

PATH = "content"
THEME = "theme"
# The theme's static files are published by pelita.build.assets, fingerprinted
# (one stylesheet per page type); Pelican's own unhashed copy stays off.
THEME_STATIC_PATHS = []
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_CATEGORY = "Berita"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
DEFAULT_PAGINATION = 12

# posts: the admins'; imported: the channels'; demo and demo-posts: the demo
# hub's import and hand-written posts (make site, never committed).
ARTICLE_PATHS = ["posts", "imported", "demo", "demo-posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
IGNORE_FILES = [".#*", "README.md", "*.tmp"]
# Posts are Markdown; the reStructuredText and HTML readers stay off.
READERS = {"rst": None, "html": None, "htm": None}

# The categories an article may have; everything else is an error.
CATEGORIES = [
    "Berita",
    "Prestasi",
    "Wisata",
    "Kuliner",
    "UMKM",
    "Layanan Publik",
    "Klarifikasi",
]
# The categories the code gives a job, by role (pelita/core/schema.py):
# renaming one of them is this line and the list above, nothing else.
CATEGORY_ROLES = {
    "achievements": "Prestasi",  # achievements and awards; its page is the awards wall
    "clarifications": "Klarifikasi",  # hoax clarifications, with Klaim and Putusan
    "services": "Layanan Publik",  # public-service news, boxed on the home page
}
# One line under each category's heading.
THEMECONTEXT = {
    "category_descriptions": {
        "Berita": "Kabar terbaru dari perangkat daerah, kecamatan, dan kelurahan.",
        "Prestasi": "Prestasi dan penghargaan yang diraih warga dan Pemerintah Kota.",
        "Wisata": "Tempat dan acara wisata di seluruh penjuru kota.",
        "Kuliner": "Kuliner khas dan usaha makanan warga.",
        "UMKM": "Program, pelatihan, dan kisah usaha mikro, kecil, dan menengah.",
        "Layanan Publik": "Syarat, jadwal, dan cara mengakses layanan publik.",
        "Klarifikasi": "Penjelasan resmi atas kabar dan klaim yang beredar.",
    },
}

# Clean URLs: /berita/<slug>/, /topik/<slug>/, /arsip/2024/03/.
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
CATEGORIES_SAVE_AS = ""
TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = "topik/{slug}/index.html"
TAGS_URL = "topik/"
TAGS_SAVE_AS = "topik/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_URL = "arsip/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "arsip/{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "tags", "404", "search", "layanan"]
SEARCH_URL = "cari/"
SEARCH_SAVE_AS = "cari/index.html"
LAYANAN_URL = "layanan/"
LAYANAN_SAVE_AS = "layanan/index.html"
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None}
# Lists are paginated from the oldest post (the buildspeed plugin): the first
# pattern is a list's front page with its newest posts, the second its
# archived pages, numbered from 1 (the oldest), which never change once full.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)
SLUGIFY_SOURCE = "title"

# Development builds: relative links, no feeds.
RELATIVE_URLS = True
FEED_DOMAIN = None
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}

# Pelican's defaults, plus: every value a template prints is HTML-escaped
# unless it is marked safe (autoescape: no title, slug, URL or registry name
# can open a tag or leave an attribute, whatever a template forgets), and
# templates are compiled once per build and never re-checked on disk
# (auto_reload stats the file on every include, some 90,000 times on a
# 1,000-post site).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "auto_reload": False,
    "autoescape": True,
}

# Pelita's plugins are the installed package pelita.build, loaded by dotted
# name; sitemap is the pelican-sitemap package. Order is signal order.
PLUGINS = [
    "pelita.build.guard",  # first: holds back broken or unsafe posts and files before anyone reads them
    "pelita.build.aboutpage",  # /tentang/ from the city block, unless content/pages has one
    "pelita.build.i18n",
    "pelita.build.indodate",
    "pelita.build.imported",  # first: later plugins read imported posts already re-sanitized
    "pelita.build.adminhtml",  # and hand-written posts and pages, with Markdown's own markup
    "pelita.build.stories",  # next: one post per story is listed; the others' pages stay
    "pelita.build.ralat",
    "pelita.build.prestasi",  # before wilayah: sets article.prestasi for the kecamatan pages
    "pelita.build.wilayah",
    "pelita.build.themecontext",  # after prestasi and wilayah: reads article.award, .wilayah
    "pelita.build.provenance",
    "pelita.build.kanal",  # the channel health page (/kanal/), from the importer's state
    "pelita.build.images",
    "pelita.build.ogcard",  # after images: draws cards for posts without a photo
    "pelita.build.sharekit",  # after prestasi and ogcard: kit cards, captions, /bagikan/
    "pelita.build.related",
    "sitemap",
    "pelita.build.seo",  # after sitemap: drops noindex pages from sitemap.xml
    "pelita.build.assets",  # the theme's files, fingerprinted: the |asset filter
    "pelita.build.buildspeed",  # freezes article URLs once every plugin has run
    "pelita.build.contract",  # last: what the plugins added is what docs/plugins.md says
]

# Kecamatan/kelurahan tagging and pages (pelita/build/wilayah); every key and its
# default is in pelita/build/wilayah/settings.py.
WILAYAH = {
    "infer": True,
}

# The Pagefind index (``invoke build``) comes in parts of at most this many
# pages, newest first: Pagefind holds every page of a run in memory (about
# 0.25 MB a page), and the search page merges the parts.
SEARCH_PAGES_PER_PART = 4000
# Pagefind's Indonesian stemmer folds "penghargaan" into "harga": off, words
# are matched as written (and by their beginning). bench/search_relevance.py
# compares both on tests/theme/search_relevance.yml.
SEARCH_STEMMING = False

SITEMAP = {
    "format": "xml",
    "exclude": [
        "^404\\.html$",
        "^cari/",
        "^theme/",
        "^pagefind/",
        "^kanal/admin/",
        "^bagikan/",
        "^admin/",
    ],
    "priorities": {"articles": 0.6, "indexes": 0.5, "pages": 0.4},
    "changefreqs": {"articles": "weekly", "indexes": "daily", "pages": "monthly"},
}

# The branch the site is published from.
REPOSITORY_BRANCH = "main"

# The feed importer (`invoke import-feeds`). `make site` sets PELITA_DEMO=1 to
# import the bundled demo channels instead of the city's registry.
DEMO = os.environ.get("PELITA_DEMO") == "1"
IMPORTER = {
    "channels_file": "data/channels.demo.yml" if DEMO else "data/channels.yml",
    "content_dir": "content/demo" if DEMO else "content/imported",
    "state_file": ".cache/demo/import-state.json" if DEMO else "data/import-state.json",
    "report_file": ".cache/demo/import-report.json"
    if DEMO
    else ".cache/import-report.json",
    # The demo's feeds are files next to data/channels.demo.yml.
    "local_feeds": DEMO,
    "images_dir": "images/demo-imported" if DEMO else "images/imported",
}

# The prestasi & penghargaan register (pelita/build/prestasi/settings.py has the keys).
PRESTASI = {
    "rules_file": "data/prestasi-rules.yml",
}

# Share kits for achievements and clarifications (pelita/build/sharekit/settings.py
# has every key); cards are cached under CACHE_PATH by content hash.
SHAREKIT = {
    "category_hashtags": {"Klarifikasi": ["CekFakta", "LawanHoaks"]},
}

# The web editor for admins at /admin/ (pelita/tools/webeditor/settings.py has every
# key): where it signs in and commits. GitHub by default; see
# docs/editor-setup.md for the OAuth set-up, or Gitea/Forgejo.
EDITOR = {
    "backend": "github",
}

CACHE_PATH = ".cache/pelican"
LOAD_CONTENT_CACHE = False

# Last: the settings the city block stands for (pelita/core/settings/city.py).
globals().update(city_settings(globals()))
