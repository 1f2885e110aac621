"""The city: ``CITY_PROFILE``, and ``REGISTRIES``, the city's files under ``data/``.

Everything city-specific is one block in ``pelicanconf.py`` (``CITY_PROFILE``);
the settings plugins read (``CITY``, ``SITENAME``, ``REGISTRIES``...) are
derived from it by :func:`pelita.core.settings.city.city_settings`, so a new
city edits that block and nothing else.
"""

from __future__ import annotations

from ..merge import Option, Setting

REGISTRY_OPTIONS = (
    Option(
        "wilayah",
        "data/wilayah.csv",
        "the gazetteer: `kode,tingkat,nama,kecamatan` of every kecamatan and kelurahan",
    ),
    Option(
        "wilayah_aliases",
        "data/wilayah-alias.csv",
        "other spellings: `kode,alias,catatan` (optional file)",
    ),
    Option(
        "wilayah_tagger",
        "data/wilayah-tagger.yml",
        "how the city's texts use the names: qualifiers, places outside the "
        "city, ambiguous names, landmarks",
    ),
    Option(
        "boundaries",
        "data/kecamatan.geojson",
        "kecamatan boundaries (GeoJSON) for the map on `/kecamatan/`; None: "
        "a city without them yet (no map, everything else works)",
    ),
    Option(
        "opd",
        "data/opd.csv",
        "the OPD list: `id,singkatan,nama,jenis,website`, optionally "
        "`alamat,telepon,email` (shown on the OPD page when filled in)",
    ),
)

REGISTRIES = Setting(
    "REGISTRIES",
    "pelita.core.registries",
    "The city's registry files, relative to the repository; set through "
    "`CITY_PROFILE['registries']`. Another city replaces the files and keeps "
    "these names, or points here.",
    REGISTRY_OPTIONS,
)

ASSISTANT_KEYS = ("name", "full_name", "whatsapp", "phone_display", "hours", "services")

CITY_PROFILE = Setting(
    "CITY_PROFILE",
    "pelita.core.settings.city",
    "Everything city-specific, in one block of `pelicanconf.py`: `CITY`, "
    "`SITENAME`, `SITESUBTITLE`, `AUTHOR`, `VIRTUAL_ASSISTANT`, "
    "`REGISTRIES`, `REPOSITORY_URL` and `SHAREKIT['hashtags']` are derived "
    "from it (set them here, not there).",
    (
        Option(
            "name",
            None,
            'the city\'s name as the site says it ("Kota Salatiga"): `CITY`; required',
        ),
        Option(
            "site_name",
            None,
            "the site's name: `SITENAME`; None: `Pelita` and the name without "
            '"Kota"/"Kabupaten"',
        ),
        Option(
            "subtitle",
            None,
            "one line under the name, and the description of pages without "
            "their own: `SITESUBTITLE`; None: news and achievements of the city",
        ),
        Option(
            "author",
            None,
            'the publisher: `AUTHOR`; None: "Pemerintah" and the name',
        ),
        Option(
            "hashtags",
            [],
            "hashtags on every share-kit caption (letters and digits, without "
            "`#`): `SHAREKIT['hashtags']`",
        ),
        Option(
            "assistant",
            None,
            "the city's virtual assistant on WhatsApp: a dict of "
            f"{', '.join(f'`{key}`' for key in ASSISTANT_KEYS)} "
            "(`whatsapp` in international digits); None: the city has none "
            "(`VIRTUAL_ASSISTANT`)",
        ),
        Option(
            "registries",
            None,
            "the city's registry files (`REGISTRIES`)",
            REGISTRY_OPTIONS,
        ),
        Option(
            "repository_url",
            "",
            "where the site's repository lives, for history links and the "
            "editor: `REPOSITORY_URL`; empty: no links",
        ),
    ),
)
