"""The header itself: readable lines, known keys, required values, categories."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pelican.utils import slugify

from pelita.core.registries import closest
from pelita.core.schema import (
    ADMIN_KEYS,
    MULTILINE_KEYS,
    REPEATABLE_KEYS,
    STATUSES,
    spelt,
)
from pelita.core.slugs import slug_problem

from .context import ERROR, WARNING, CheckContext, problem
from .model import Problem
from .source import META_RE, SourceFile

# The post schema (keys, spellings, statuses) is pelita.core.schema's.
KNOWN_KEYS = ADMIN_KEYS
PLACEHOLDER_RE = re.compile(r"\[\[.*?\]\]")


def check_metadata(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    """Every problem with the header's form and its general keys."""
    if source.read_error:
        yield problem(
            source,
            None,
            ERROR,
            "berkas",
            f"Berkas tidak terbaca: {source.read_error}",
            "simpan ulang sebagai teks biasa (UTF-8) dengan akhiran .md",
        )
        return
    yield from _stray_line(source)
    yield from _repeated_and_continued(source)
    if source.is_admin:
        yield from _unknown_keys(source)
    yield from _required(source)
    yield from _category(source, ctx)
    yield from _slug_and_status(source, ctx)
    yield from _placeholders(source)


def _stray_line(source: SourceFile) -> Iterator[Problem]:
    if source.stray_line is None:
        return
    number, text = source.stray_line
    word = re.split(r"[\s:=;,.]", text.strip(), maxsplit=1)[0].lower()
    candidate = re.sub(r"\s+", "_", text.split(":", 1)[0].strip().lower())
    following = [line for _, line in source.body_lines()[1:4] if line.strip()]
    looks_like_key = word in KNOWN_KEYS or candidate in KNOWN_KEYS
    more_keys = any(META_RE.match(line) for line in following[:1])
    if not (looks_like_key or more_keys):
        return
    if candidate in KNOWN_KEYS and ":" in text:  # "Image alt: …"
        example = f"{spelt(candidate)}: {text.split(':', 1)[1].strip()}"
    elif word in KNOWN_KEYS:  # "Kecamatan Tembalang", "Kecamatan = Tembalang"
        example = f"{spelt(word)}: {text.strip()[len(word) :].lstrip(' :=;,.')}"
    else:
        example = "Kunci: nilai"
    yield problem(
        source,
        number,
        ERROR,
        "metadata-baris",
        f'Baris "{text.strip()}" bukan metadata, sehingga metadata berhenti di '
        "sini dan baris-baris sesudahnya tampil sebagai isi tulisan",
        f'tulis dengan format "Kunci: nilai", misalnya "{example}", atau beri '
        "satu baris kosong sebelum isi tulisan",
    )


def _repeated_and_continued(source: SourceFile) -> Iterator[Problem]:
    first_line: dict[str, int] = {}
    for entry in source.header:
        if entry.continued and entry.key not in MULTILINE_KEYS:
            yield problem(
                source,
                entry.line,
                ERROR,
                "metadata-sambung",
                f"Baris menjorok ini disambungkan ke {spelt(entry.key)}, tetapi "
                f"{spelt(entry.key)} hanya boleh satu baris",
                "gabungkan ke baris sebelumnya, atau hapus spasi di awal baris",
            )
        elif not entry.continued and entry.key in first_line:
            if entry.key not in REPEATABLE_KEYS:
                yield problem(
                    source,
                    entry.line,
                    ERROR,
                    "metadata-ganda",
                    f"{spelt(entry.key)} ditulis dua kali (juga di baris "
                    f"{first_line[entry.key]})",
                    "hapus salah satunya; yang dipakai hanya yang pertama",
                )
        elif not entry.continued:
            first_line[entry.key] = entry.line


def _unknown_keys(source: SourceFile) -> Iterator[Problem]:
    for entry in source.header:
        if entry.continued or entry.key in KNOWN_KEYS:
            continue
        hint = closest(entry.key, KNOWN_KEYS, 1)
        yield problem(
            source,
            entry.line,
            WARNING,
            "metadata-tak-dikenal",
            f'Kunci "{entry.key}" tidak dikenal dan akan diabaikan',
            f'maksud Anda "{spelt(hint[0])}"?'
            if hint
            else "lihat daftar kunci di docs/panduan-admin.md",
        )


def _required(source: SourceFile) -> Iterator[Problem]:
    required = ("title",) if source.is_page else ("title", "date", "category")
    for key in required:
        if not source.get(key):
            line = source.line_of(key)
            yield problem(
                source,
                line,
                ERROR,
                "metadata-wajib",
                f"{spelt(key)} belum diisi",
                f'tambahkan baris "{spelt(key)}: …" di bagian atas, '
                "sebelum baris kosong pertama",
            )
    for entry in source.header:
        if not entry.value and not entry.continued and entry.key not in required:
            yield problem(
                source,
                entry.line,
                WARNING,
                "metadata-kosong",
                f"{spelt(entry.key)} kosong",
                "isi nilainya, atau hapus baris ini",
            )
    if not source.is_page and not source.get("summary") and source.is_admin:
        yield problem(
            source,
            source.line_of("summary"),
            WARNING,
            "ringkasan",
            "Summary (ringkasan) belum ada",
            'tambahkan "Summary: …" berisi satu-dua kalimat; ringkasan tampil '
            "di daftar berita dan pratinjau tautan WhatsApp",
        )


def _category(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    value = source.get("category")
    allowed = ctx.categories
    if source.is_page or not value or not allowed or value in allowed:
        return
    hint = closest(value, allowed, 1)
    yield problem(
        source,
        source.line_of("category"),
        ERROR,
        "kategori",
        f'Category "{value}" tidak dikenal',
        (f'maksud Anda "{hint[0]}"? ' if hint else "")
        + f"pilihan: {', '.join(allowed)}",
    )


def _slug_and_status(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    slug = source.get("slug")
    wrong = (
        slug_problem(slug, _default_slug(source, ctx) or "tulisan") if slug else None
    )
    if wrong is not None:
        yield problem(source, source.line_of("slug"), ERROR, "slug-format", *wrong)
    elif not slug and source.is_admin and source.get("title"):
        yield problem(
            source,
            source.line_of("title"),
            WARNING,
            "slug",
            "Slug belum ditulis, jadi alamat tulisan dibuat dari judul dan "
            "akan berubah bila judulnya disunting (tautan yang sudah dibagikan "
            "jadi rusak)",
            f'tambahkan "Slug: {_default_slug(source, ctx)}"',
        )
    status = source.get("status")
    if status and status.lower() not in STATUSES:
        hint = closest(status, STATUSES, 1)
        yield problem(
            source,
            source.line_of("status"),
            ERROR,
            "status",
            f'Status "{status}" tidak dikenal',
            (f'maksud Anda "{hint[0]}"? ' if hint else "")
            + "pilihan: published (terbit), draft (konsep), hidden (tersembunyi)",
        )


def _default_slug(source: SourceFile, ctx: CheckContext) -> str:
    return slugify(
        source.get("title"),
        regex_subs=ctx.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
    )


def _placeholders(source: SourceFile) -> Iterator[Problem]:
    lines = [(h.line, h.value) for h in source.header] + source.body_lines()
    for number, text in lines:
        found = PLACEHOLDER_RE.search(text)
        if found:
            yield problem(
                source,
                number,
                ERROR,
                "templat",
                f"Teks contoh dari templat belum diganti: {_shorten(found.group(0))}",
                "ganti teks di antara [[ dan ]] (termasuk tanda kurungnya) "
                "dengan isi Anda",
            )


def _shorten(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "…]]"
