"""``REGISTRIES``: the city's registry files under ``data/``."""

from __future__ import annotations

from ..merge import Option, Setting

REGISTRIES = Setting(
    "REGISTRIES",
    "pelita.core.registries",
    "The city's registry files, relative to the repository. Another city "
    "replaces the files and keeps these names, or points here.",
    (
        Option(
            "wilayah",
            "data/wilayah.csv",
            "the gazetteer: `kode,tingkat,nama,kecamatan` of every kecamatan and "
            "kelurahan",
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
    ),
)
