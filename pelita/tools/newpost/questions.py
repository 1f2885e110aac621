"""The questions ``invoke new-post`` asks, in order, and when it asks them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pelita.core.schema import VERDICTS

from . import answers as a
from .render import slug_for

Validator = Callable[[str, Mapping[str, str], a.Registries], a.Checked]


@dataclass(frozen=True)
class Question:
    """One field: its key, the prompt, and how to check the answer.

    ``default`` computes the value offered in brackets (Enter accepts it);
    ``when`` decides whether the question applies to the answers so far.
    """

    key: str
    prompt: str
    check: Validator
    required: bool = False
    default: Callable[[Mapping[str, str], a.Registries], str] | None = None
    when: Callable[[Mapping[str, str], a.Registries], bool] | None = None
    automatic: bool = False  # without --yes answers, the default is used as is

    def applies(self, answers: Mapping[str, str], reg: a.Registries) -> bool:
        """Whether to ask (or require) this field for these answers."""
        return self.when is None or self.when(answers, reg)


def _is(role: str) -> Callable[[Mapping[str, str], a.Registries], bool]:
    """True when the post is in the category of ``role`` (CATEGORY_ROLES)."""
    return lambda answers, reg: answers.get("category") == getattr(reg.roles, role)


def _now(_: Mapping[str, str], reg: a.Registries) -> str:
    return reg.now.strftime("%Y-%m-%d %H:%M")


def _year(answers: Mapping[str, str], reg: a.Registries) -> str:
    return (answers.get("date") or _now(answers, reg))[:4]


def _slug(answers: Mapping[str, str], reg: a.Registries) -> str:
    slug = slug_for(answers.get("title", ""), reg.slug_substitutions)
    return slug if slug not in reg.taken_slugs else a.free_slug(slug, reg)


def _has_image(answers: Mapping[str, str], _: a.Registries) -> bool:
    return bool(answers.get("image"))


QUESTIONS: tuple[Question, ...] = (
    Question("title", "Judul", a.check_title, required=True),
    Question(
        "category",
        "Kategori",
        a.check_category,
        required=True,
        default=lambda _, reg: reg.categories[0] if reg.categories else "",
    ),
    Question(
        "date",
        "Tanggal terbit (TAHUN-BULAN-TANGGAL JAM:MENIT, WIB)",
        a.check_date,
        required=True,
        default=_now,
        automatic=True,
    ),
    Question(
        "summary",
        "Ringkasan satu-dua kalimat (kosongkan untuk diisi nanti)",
        a.check_required_text,
    ),
    Question(
        "opd",
        "OPD (id atau nama, mis. diskominfo; kosongkan bila tidak ada)",
        a.check_opd,
    ),
    Question(
        "kecamatan",
        "Kecamatan (boleh beberapa, pisahkan dengan koma; kosongkan bila tidak ada)",
        a.check_kecamatan,
    ),
    Question("kelurahan", "Kelurahan (kosongkan bila tidak ada)", a.check_kelurahan),
    Question(
        "tags", "Topik, pisahkan dengan koma (mis. umkm, pelatihan)", a.check_tags
    ),
    Question(
        "penghargaan",
        "Nama penghargaan atau juara",
        a.check_required_text,
        required=True,
        when=_is("achievements"),
    ),
    Question(
        "pemberi",
        "Pemberi penghargaan (lembaga)",
        a.check_required_text,
        required=True,
        when=_is("achievements"),
    ),
    Question(
        "tingkat",
        "Tingkat (internasional, nasional, provinsi, kota, kecamatan, kelurahan)",
        a.check_tingkat,
        required=True,
        when=_is("achievements"),
    ),
    Question(
        "penerima",
        "Penerima (id OPD, nama kelurahan/kecamatan, atau nama)",
        a.check_penerima,
        required=True,
        when=_is("achievements"),
    ),
    Question(
        "tahun",
        "Tahun penghargaan",
        a.check_tahun,
        required=True,
        default=_year,
        when=_is("achievements"),
        automatic=True,
    ),
    Question(
        "bukti",
        "Tautan bukti resmi (https://…; kosongkan bila tidak ada)",
        a.check_url,
        when=_is("achievements"),
    ),
    Question(
        "klaim",
        "Klaim yang beredar, dalam satu kalimat",
        a.check_required_text,
        required=True,
        when=_is("clarifications"),
    ),
    Question(
        "putusan",
        f"Putusan ({', '.join(VERDICTS)})",
        a.check_putusan,
        required=True,
        when=_is("clarifications"),
    ),
    Question(
        "image",
        "Foto utama: lokasi berkas di komputer (kosongkan bila belum ada)",
        a.check_image,
    ),
    Question(
        "image_alt",
        "Teks alternatif foto: apa yang tampak di foto",
        a.check_required_text,
        required=True,
        when=_has_image,
    ),
    Question(
        "slug",
        "Slug (bagian alamat tulisan)",
        a.check_slug,
        required=True,
        default=_slug,
        automatic=True,
    ),
)
