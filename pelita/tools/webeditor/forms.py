"""The editor's forms, generated from the registries and settings.

Three forms write into ``content/posts/<yyyy>/<slug>.md``: Prestasi (the award
fields), Klarifikasi (claim and verdict, marked urgent) and Kabar (every other
category). Each choice comes from the module ``invoke check`` asks, so the
editor offers exactly what the check accepts; another city's ``data/`` and
``CATEGORIES`` give that city's forms.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelita.core.prestasi import LEVELS
from pelita.core.registries import (
    Gazetteer,
    OpdRegistry,
    load_gazetteer,
    load_opd,
    normalize_name,
    registry_paths,
)
from pelita.core.schema import (
    ROLE_DEFAULTS,
    STATUSES,
    CategoryRoles,
    category_roles,
    spelt,
)
from pelita.core.slugs import SLUG_RE
from pelita.tools.check.klarifikasi_fields import PUTUSAN
from pelita.tools.newpost.render import MAX_SLUG_LENGTH

from .backend import backend_config
from .bodies import body_scaffold
from .kinds import DEFAULT_KIND, category_of, kinds

# The order a new post's header is written in (new-post's template order).
KEY_ORDER = (
    "title", "date", "modified", "category", "tags", "slug", "kecamatan",
    "kelurahan", "opd", "prestasi", "penghargaan", "pemberi", "tingkat",
    "penerima", "tahun", "bukti", "klaim", "putusan", "image", "image_alt",
    "status", "summary",
)  # fmt: skip
LIST_KEYS = ("tags", "kecamatan")
DATE_FORMAT = "YYYY-MM-DD HH:mm"
# `invoke admin` serves the editor here; elsewhere the local backend is off.
LOCAL_HOSTS = ["127.0.0.1", "localhost"]


def _field(name: str, label: str, widget: str = "string", **options: Any) -> dict:
    return {"name": name, "label": label, "widget": widget, **options}


def _common_head(kind: str, categories: list[str], roles: CategoryRoles) -> list[dict]:
    fields = [
        _field("title", "Judul", hint="Satu kalimat yang jelas, tanpa huruf kapital "
               "semua."),
        _field("slug", "Alamat tulisan", "pelita-slug", hint="Diisi otomatis dari "
               "judul; hanya huruf kecil, angka dan tanda hubung.",
               pattern=[SLUG_RE.pattern, "Hanya huruf kecil, angka dan tanda hubung"]),
        _field("date", "Tanggal dan jam terbit (WIB)", "datetime", format=DATE_FORMAT,
               date_format="DD-MM-YYYY", time_format="HH:mm", picker_utc=False,
               default="{{now}}"),
    ]  # fmt: skip
    if kind == "kabar":
        fields.append(
            _field("category", "Kategori", "select", options=categories,
                   default=categories[0] if categories else "")
        )  # fmt: skip
    else:
        fields.append(
            _field("category", "Kategori", "hidden", default=category_of(kind, roles))
        )
    fields.append(
        _field("summary", "Ringkasan", "text", required=False,
               hint="Satu atau dua kalimat untuk daftar berita dan pratinjau tautan.")
    )  # fmt: skip
    return fields


def _places(gazetteer: Gazetteer, opd: OpdRegistry) -> list[dict]:
    return [
        _field("kecamatan", "Kecamatan", "select", required=False, multiple=True,
               options=[k.nama for k in gazetteer.kecamatan],
               hint="Kecamatan yang dibicarakan; kosongkan bila tulisan untuk "
               "seluruh kota."),
        _field("kelurahan", "Kelurahan", "pelita-kelurahan", required=False,
               hint="Pilih kecamatan dulu; hanya kelurahan di kecamatan itu yang "
               "bisa dipilih."),
        _field("opd", "OPD", "select", required=False,
               options=[{"label": f"{o.singkatan} — {o.nama}" if o.singkatan else
                         o.nama, "value": o.id} for o in opd.items]),
        _field("tags", "Topik", "list", required=False,
               hint="Pisahkan dengan koma, mis. lingkungan, kampung hijau."),
    ]  # fmt: skip


def _award_fields() -> list[dict]:
    return [
        _field("prestasi", "Prestasi", "hidden", default="ya"),
        _field("penghargaan", "Nama penghargaan atau juara",
               hint="Mis. Juara I Lomba Kampung Hijau"),
        _field("pemberi", "Pemberi penghargaan",
               hint="Lembaga pemberi, mis. Kementerian Lingkungan Hidup"),
        _field("tingkat", "Tingkat", "select", options=list(LEVELS)),
        _field("penerima", "Penerima", "pelita-penerima",
               hint="Pilih OPD, kecamatan atau kelurahan, atau tulis nama penerima "
               "lain, mis. Tim Paduan Suara SMP Negeri 2."),
        _field("tahun", "Tahun penghargaan", pattern=[r"^\d{4}$", "Empat angka, "
               "mis. 2025"], hint="Tahun penghargaan diterima, mis. 2025"),
        _field("bukti", "Tautan bukti resmi", required=False,
               pattern=[r"^https://\S+$", "Alamat lengkap yang diawali https://"],
               hint="SK atau sertifikat di situs resmi, diawali https://"),
    ]  # fmt: skip


def _clarification_fields() -> list[dict]:
    return [
        _field(
            "klaim",
            "Klaim yang beredar",
            hint="Kabar yang diperiksa, dalam satu kalimat.",
        ),
        _field("putusan", "Putusan", "select", options=list(PUTUSAN)),
    ]


def _tail(kind: str, roles: CategoryRoles) -> list[dict]:
    return [
        _field("image", "Foto utama", "image", required=False, choose_url=False,
               hint="Foto dari ponsel boleh langsung diunggah: ukurannya "
               "diperkecil dan data lokasinya dibuang sebelum dikirim."),
        _field("image_alt", "Keterangan foto untuk tunanetra", required=False,
               hint="Apa yang tampak di foto, mis. Lurah Meteseh menerima piala "
               "di halaman balai kota. Wajib bila ada foto."),
        _field("body", "Isi tulisan", "markdown", default=body_scaffold(kind, roles),
               modes=["rich_text", "raw"],
               buttons=["bold", "italic", "link", "heading-two", "heading-three",
                        "quote", "bulleted-list", "numbered-list"],
               editor_components=["image"]),
        _field("_pemeriksaan", "Pemeriksaan sebelum dikirim", "pelita-checks"),
    ]  # fmt: skip


def _collection(
    kind: str, label: str, singular: str, fields: list[dict], description: str
) -> dict:
    return {
        "name": kind,
        "label": label,
        "label_singular": singular,
        "description": description,
        "folder": "content/posts",
        "extension": "md",
        "format": "pelita",
        "create": True,
        "delete": False,
        "path": "{{year}}/{{slug}}",
        "slug": "{{fields.slug}}",
        "identifier_field": "title",
        "summary": "{{title}} — {{date}}",
        "sortable_fields": ["date", "title"],
        "filter": {"field": "_jenis", "value": kind},
        "media_folder": "/content/images/{{year}}/{{fields.slug}}",
        "public_folder": "images/{{year}}/{{fields.slug}}",
        "fields": fields,
    }


def collections(
    categories: list[str],
    gazetteer: Gazetteer,
    opd: OpdRegistry,
    roles: CategoryRoles = ROLE_DEFAULTS,
) -> list[dict]:
    """The three forms, each over the posts of its kind (``CATEGORY_ROLES``)."""
    others = [c for c in categories if c not in kinds(roles)]
    places = _places(gazetteer, opd)
    prestasi = _common_head("prestasi", categories, roles) + _award_fields() + places
    klarifikasi = _common_head("klarifikasi", categories, roles)
    klarifikasi += _clarification_fields() + places
    kabar = _common_head("kabar", others, roles) + places
    return [
        _collection("prestasi", roles.achievements, roles.achievements,
                    prestasi + _tail("prestasi", roles),
                    "Penghargaan dan juara yang diraih kota, OPD, kecamatan, "
                    "kelurahan, sekolah dan warga."),
        _collection("klarifikasi", f"{roles.clarifications} (mendesak)",
                    roles.clarifications, klarifikasi + _tail("klarifikasi", roles),
                    "Jawaban resmi atas hoaks: ditinjau dan diterbitkan lebih dulu."),
        _collection("kabar", "Kabar", "Kabar", kabar + _tail("kabar", roles),
                    f"Tulisan kategori {', '.join(others)}."),
    ]  # fmt: skip


def post_schema(roles: CategoryRoles = ROLE_DEFAULTS) -> dict[str, Any]:
    """What the editor's post format needs: key order, spellings, lists, kinds."""
    return {
        "order": list(KEY_ORDER),
        "spelling": {key: spelt(key) for key in KEY_ORDER},
        "lists": list(LIST_KEYS),
        "kinds": kinds(roles),
        "defaultKind": DEFAULT_KIND,
        "statuses": list(STATUSES),
        "slugMaxLength": MAX_SLUG_LENGTH,
    }


def wilayah_choices(gazetteer: Gazetteer) -> dict[str, Any]:
    """Kecamatan and the kelurahan of each, official names, in code order.

    ``kecamatanKeys`` and ``kelurahanKeys`` map every known spelling (folded
    by ``normalize_name``, aliases included) to the official names, so the
    browser accepts the spellings ``invoke check`` accepts in older posts.
    Both are sorted by spelling, and each spelling's places by name, so the
    same registries always give the same bytes, whatever the hash seed.
    """
    kec_keys: dict[str, str] = {}
    for kec in gazetteer.kecamatan:
        for name in (kec.nama, *kec.aliases):
            kec_keys[normalize_name(name)] = kec.nama
    kel_keys: dict[str, set[tuple[str, str]]] = {}
    for kel in gazetteer.kelurahan:
        for name in (kel.nama, *kel.aliases):
            kel_keys.setdefault(normalize_name(name), set()).add(
                (kel.nama, kel.kecamatan)
            )
    return {
        "kecamatan": [k.nama for k in gazetteer.kecamatan],
        "kelurahan": {
            k.nama: [kel.nama for kel in gazetteer.kelurahan_of(k)]
            for k in gazetteer.kecamatan
        },
        "kecamatanKeys": dict(sorted(kec_keys.items())),
        "kelurahanKeys": {
            key: [list(place) for place in sorted(places)]
            for key, places in sorted(kel_keys.items())
        },
    }


def opd_choices(opd: OpdRegistry) -> list[dict[str, str]]:
    """Every OPD as id and a label admins recognise."""
    return [
        {"id": o.id, "label": o.singkatan or o.nama, "nama": o.nama} for o in opd.items
    ]


def editor_config(
    settings: Mapping[str, Any], editor: Mapping[str, Any], base: Path | None = None
) -> dict[str, Any]:
    """Decap CMS's configuration and the data Pelita's widgets read."""
    paths = registry_paths(settings, base)
    gazetteer = load_gazetteer(paths["wilayah"], paths["wilayah_aliases"])
    opd = load_opd(paths["opd"])
    categories = list(settings.get("CATEGORIES") or [])
    roles = category_roles(settings)
    return {
        "cms": {
            "load_config_file": False,
            "locale": "id",
            "backend": backend_config(editor),
            "local_backend": {"url": "/api/v1", "allowed_hosts": LOCAL_HOSTS},
            # Decap's Gitea backend has no review workflow (settings.py).
            "publish_mode": "simple"
            if editor["backend"] == "gitea"
            else "editorial_workflow",
            "site_url": str(settings.get("SITEURL") or "/") or "/",
            "display_url": str(settings.get("SITEURL") or ""),
            "media_folder": "content/images",
            "public_folder": "images",
            "media_processing": {
                "enabled": True,
                "format": {"enabled": True, "default": "jpeg"},
                "quality": int(editor["photo_quality"]),
                "strip_metadata": True,
            },
            "slug": {"encoding": "ascii", "clean_accents": True,
                     "sanitize_replacement": "-"},
            "collections": collections(categories, gazetteer, opd, roles),
        },
        "schema": post_schema(roles),
        "wilayah": wilayah_choices(gazetteer),
        "opd": opd_choices(opd),
        "photos": {
            "maxSide": int(editor["photo_max_side"]),
            "maxBytes": int(editor["photo_max_bytes"]),
        },
    }  # fmt: skip
