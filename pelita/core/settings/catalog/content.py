"""The settings of the plugins that read posts: areas, awards, corrections."""

from __future__ import annotations

from ..merge import Option, Setting

WILAYAH = Setting(
    "WILAYAH",
    "pelita.build.wilayah",
    "Kecamatan and kelurahan: tagging posts, and a page per area.",
    (
        Option(
            "infer",
            True,
            "tag posts without `Kecamatan`/`Kelurahan` metadata from their text",
        ),
        Option(
            "pages", True, "write `/kecamatan/` and a page per kecamatan and kelurahan"
        ),
        Option("index_url", "kecamatan/", "the index of kecamatan"),
        Option("index_save_as", "kecamatan/index.html", "its file"),
        Option("kecamatan_url", "kecamatan/{slug}/", "a kecamatan's page"),
        Option("kecamatan_save_as", "kecamatan/{slug}/index.html", "its file"),
        Option(
            "kelurahan_url", "kecamatan/{kecamatan_slug}/{slug}/", "a kelurahan's page"
        ),
        Option(
            "kelurahan_save_as",
            "kecamatan/{kecamatan_slug}/{slug}/index.html",
            "its file",
        ),
        Option(
            "feed_atom",
            "feeds/kecamatan/{slug}.atom.xml",
            "a kecamatan's Atom feed, written only when the site writes feeds "
            "(`FEED_ALL_ATOM` is set)",
        ),
        Option(
            "per_page",
            None,
            "posts per kecamatan and kelurahan page; None: `DEFAULT_PAGINATION`",
        ),
        Option("achievements_shown", 6, "achievements listed on a kecamatan page"),
        Option(
            "map_width",
            600,
            "the map on `/kecamatan/`: width of its coordinate space "
            "(drawn only when the city has a boundaries file)",
        ),
        Option(
            "map_tolerance",
            0.9,
            "how far (in map units) a simplified border may stray from the real one",
        ),
    ),
)

PRESTASI = Setting(
    "PRESTASI",
    "pelita.build.prestasi",
    "The register of achievements and awards: classifier, wall, downloads, "
    "OPD pages. Which category holds achievements is `CATEGORY_ROLES`.",
    (
        Option(
            "rules_file",
            "data/prestasi-rules.yml",
            "the classifier's rules; another city edits this file, not code",
        ),
        Option("per_page", None, "entries per wall page; None: `DEFAULT_PAGINATION`"),
        Option("latest", 6, "achievements `prestasi_terbaru` offers the home page"),
        Option(
            "lead_chars",
            300,
            "the classifier reads the title and whole sentences of the summary "
            "(or of the body) up to this many characters",
        ),
        Option(
            "feed_atom",
            "feeds/prestasi.atom.xml",
            "the Atom feed of achievements, written when feeds are on; None turns "
            "it off",
        ),
        Option("csv_name", "prestasi.csv", "the register as CSV, beside the wall"),
        Option("json_name", "prestasi.json", "the register as JSON"),
        Option("opd_index_url", "opd/", "the index of OPDs"),
        Option("opd_index_save_as", "opd/index.html", "its file"),
        Option("opd_url", "opd/{id}/", "an OPD's page (must contain `{id}`)"),
        Option("opd_save_as", "opd/{id}/index.html", "its file (must contain `{id}`)"),
        Option(
            "opd_awards",
            10,
            "awards shown on an OPD page before the link to its filtered wall",
        ),
    ),
)

RALAT = Setting(
    "RALAT",
    "pelita.build.ralat",
    "Corrections (`Ralat:` metadata): shown under each post and listed on one page.",
    (
        Option("url", "ralat/", "the page of every correction"),
        Option("save_as", "ralat/index.html", "its file"),
        Option("template", "ralat", "its template"),
    ),
)


SAFETY = Setting(
    "SAFETY",
    "pelita.core.urlsafety",
    "Addresses in post metadata: which sites a `Video` may point to. The "
    "build guard and `invoke check` both read it.",
    (
        Option(
            "video_hosts",
            [
                "youtube.com",
                "www.youtube.com",
                "m.youtube.com",
                "youtu.be",
                "youtube-nocookie.com",
                "www.youtube-nocookie.com",
            ],
            "exact host names a post's `Video` may point to (the theme's "
            "click-to-load player plays YouTube)",
        ),
    ),
)
