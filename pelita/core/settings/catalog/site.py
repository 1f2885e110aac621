"""The settings of the plugins that shape the public site's pages."""

from __future__ import annotations

from ..merge import Option, Setting

THEMECONTEXT = Setting(
    "THEMECONTEXT",
    "pelita.build.themecontext",
    "What the home page and the templates get: counts, links to other "
    "plugins' pages, category descriptions.",
    (
        Option("achievements_on_home", 4, "achievements leading the home page"),
        Option("clarifications_on_home", 3, "hoax clarifications on the home page"),
        Option(
            "clarifications_recent_days",
            14,
            "clarifications this many days old or newer (counted back from the "
            "newest post) lead the home page; older ones follow the news",
        ),
        Option("top_tags", 12, "topics listed on the home page"),
        Option(
            "kecamatan_plugin",
            "wilayah",
            "the plugin that publishes kecamatan pages; linked only while it is "
            "enabled",
        ),
        Option("kecamatan_url", "kecamatan/{slug}/", "a kecamatan's page"),
        Option("kecamatan_index_url", "kecamatan/", "the index of kecamatan"),
        Option("opd_plugin", "prestasi", "the plugin that publishes OPD pages"),
        Option("opd_url", "opd/{id}/", "an OPD's page"),
        Option(
            "achievements_plugin",
            "prestasi",
            "the plugin that publishes the awards wall",
        ),
        Option("achievements_url", "prestasi/", "the awards wall"),
        Option(
            "category_descriptions",
            {},
            "one line under each category's heading, by category name",
        ),
    ),
)

I18N = Setting(
    "I18N",
    "pelita.build.i18n",
    "The language of the templates' UI strings (gettext catalogs of the theme).",
    (
        Option("language", None, "language of the UI strings; None: `DEFAULT_LANG`"),
        Option(
            "translations_dir", "translations", "folder of the catalogs, in the theme"
        ),
    ),
)

IMAGES = Setting(
    "IMAGES",
    "pelita.build.images",
    "Responsive images: every raster image of a post re-encoded to WebP at "
    "several widths (cached by content hash).",
    (
        Option(
            "widths",
            [320, 360, 480, 640, 960, 1280],
            "widths written for `srcset` (360: a list card's 22rem slot on a desktop)",
        ),
        Option("max_width", 1600, "no image is written wider than this"),
        Option(
            "body_sizes",
            "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
            "the `sizes` attribute of images in a post's text",
        ),
        Option("workers", 0, "threads encoding images; 0: one per CPU"),
    ),
)

OGCARD = Setting(
    "OGCARD",
    "pelita.build.ogcard",
    "The 1200x630 link-preview card drawn for posts without a photo.",
    (
        Option("font_bold", "fonts/NotoSans-Bold.ttf", "bold font, in the theme"),
        Option(
            "font_regular", "fonts/NotoSans-Regular.ttf", "regular font, in the theme"
        ),
        Option(
            "tokens",
            "static/css/tokens.css",
            "the theme's colour tokens, so cards follow them",
        ),
        Option("output_dir", "images/og", "where cards go in `output/`"),
    ),
)

SEO = Setting(
    "SEO",
    "pelita.build.seo",
    "Structured data (JSON-LD), `robots.txt`, the news sitemap and `noindex`.",
    (
        Option("locale", "id_ID", "`og:locale`"),
        Option("language", "id-ID", "`inLanguage` of the structured data"),
        Option("logo", "images/og/logo.png", "the publisher's logo, in `output/`"),
        Option("search_path", "cari/", "the search page, for the site's SearchAction"),
        Option("robots_disallow", ["/pagefind/"], "paths `robots.txt` disallows"),
        Option(
            "sitemaps",
            ["sitemap.xml", "news-sitemap.xml"],
            "sitemaps `robots.txt` names",
        ),
        Option("news_sitemap", "news-sitemap.xml", "the news sitemap's file"),
        Option(
            "news_window_hours", 48, "posts this many hours old go in the news sitemap"
        ),
    ),
)

SHAREKIT = Setting(
    "SHAREKIT",
    "pelita.build.sharekit",
    "Share kits for achievements and clarifications: cards, captions and the "
    "admins' page `/bagikan/`.",
    (
        Option("font_bold", "fonts/NotoSans-Bold.ttf", "bold font, in the theme"),
        Option(
            "font_regular", "fonts/NotoSans-Regular.ttf", "regular font, in the theme"
        ),
        Option("tokens", "static/css/tokens.css", "the theme's colour tokens"),
        Option(
            "output_dir",
            "bagikan",
            "cards go to `output/<output_dir>/<slug>/<hash>-<format>.png`",
        ),
        Option("page_url", "bagikan/", "the admins' page of recent kits"),
        Option("page_save_as", "bagikan/index.html", "its file"),
        Option("days", 30, "kits of posts this many days old are on the page"),
        Option(
            "today",
            None,
            '"YYYY-MM-DD": the day `/bagikan/` counts back from; None: the build\'s '
            "day (`SOURCE_DATE_EPOCH` when set)",
        ),
        Option(
            "hashtags",
            [],
            "hashtags on every caption (letters and digits, without `#`)",
        ),
        Option(
            "category_hashtags",
            {},
            "hashtags per category, instead of the category's own name",
        ),
        Option(
            "opd_hashtag_suffix",
            None,
            "text after an OPD's short name in its hashtag; None: the city's name",
        ),
        Option("max_hashtags", 8, "hashtags on one caption at most"),
        Option(
            "og_image", True, "give kit posts the kit's link card as their `og:image`"
        ),
        Option(
            "thumb_width",
            360,
            "width of the larger thumbnail on the pages (WebP), for wide slots",
        ),
        Option(
            "thumb_small_width",
            200,
            "width of the smaller thumbnail (WebP), for slots up to about 100 px "
            "on a phone screen of twice the density; must be below `thumb_width`",
        ),
        Option("workers", 0, "processes drawing cards; 0: one per CPU"),
    ),
)

RELATED = Setting(
    "RELATED",
    "pelita.build.related",
    '"Baca juga": related posts under each post, by shared topics, area and words.',
    (
        Option("limit", 4, "related posts per post"),
        Option("max_words", 10, "a post's rarest words that count"),
        Option(
            "window",
            48,
            "of a common word or topic, only the posts nearest in time are compared",
        ),
        Option("body_chars", 1500, "characters of the text read"),
    ),
)

PROVENANCE = Setting(
    "PROVENANCE",
    "pelita.build.provenance",
    "Where each post comes from (its channel or writer) and its history link.",
    (
        Option(
            "content_path",
            "content",
            "folder of the content in the repository, for history links",
        ),
        Option(
            "untracked",
            ["demo/", "demo-posts/"],
            "content folders that are never committed (no history to link)",
        ),
    ),
)

KANAL = Setting(
    "KANAL",
    "pelita.build.kanal",
    "The official channels (`/kanal/`, a plain state per channel, for the "
    "public) and their health (`/kanal/admin/`, for admins), from the "
    "importer's state and report.",
    (
        Option("url", "kanal/", "the public page"),
        Option("save_as", "kanal/index.html", "its file; empty writes no page"),
        Option("template", "kanal", "its template"),
        Option("admin_url", "kanal/admin/", "the admins' health page"),
        Option(
            "admin_save_as", "kanal/admin/index.html", "its file; empty writes none"
        ),
        Option("admin_template", "kanal_admin", "its template"),
        Option(
            "silent_days",
            30,
            "a channel with no new post for this many days is listed as silent",
        ),
    ),
)

BUILDSPEED = Setting(
    "BUILDSPEED",
    "pelita.build.buildspeed",
    "Build caches: unchanged article pages are copied, not rendered again.",
    (
        Option(
            "page_cache",
            False,
            "keep rendered article pages in `CACHE_PATH` between builds "
            "(on in `publishconf.py`)",
        ),
    ),
)
