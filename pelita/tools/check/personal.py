"""Personal data: NIK/KK numbers, personal phone numbers and e-mail addresses.

Official service contacts are allowed (``data/kontak-resmi.yml``); everything
else is an error, because a published post (and the repository's history)
keeps it public. Messages mask the number so the report does not leak it again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .contacts import national_phone
from .context import ERROR, CheckContext, problem
from .model import Problem
from .nik import find_niks, mask
from .source import SourceFile, prose_lines

# Indonesian mobile numbers: 08…, +62 8…, 62 8…, (+62) 8…, with separators.
PHONE = re.compile(
    r"(?<![\w+])(?:\(?\+?62\)?[\s.-]?|0)\(?8\d{1,3}\)?(?:[\s.-]?\d{2,5}){1,3}(?!\w)"
)
EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,}(?![\w-])"
)
MIN_DIGITS, MAX_DIGITS = 10, 13
# Messages, with {shown} for the masked value; the web editor shows the same.
NIK_MESSAGE = "Angka 16 digit {shown} tampaknya NIK atau nomor KK"
NIK_SUGGESTION = "hapus nomornya; bila perlu, samarkan, misalnya 3374••••••••••••"
PHONE_MESSAGE = "Nomor ponsel {shown} bukan kontak layanan resmi"
PHONE_SUGGESTION = (
    "hapus nomor pribadi; bila ini nomor layanan resmi, tambahkan ke "
    "data/kontak-resmi.yml"
)
EMAIL_MESSAGE = "Alamat e-mail {shown} bukan kontak layanan resmi"
# Every NIK and mobile number has three digits in a row ("081", "3374").
_DIGITS = re.compile(r"\d{3}")
# Header values that are not prose (URLs, ids, dates).
NOT_PROSE = frozenset(
    {"date", "modified", "slug", "image", "source", "bukti", "channel", "opd"}
)


FILE_SUFFIXES = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg", "pdf", "heic"})


def is_file_name(address: str) -> bool:
    """``foto@2x.png`` is an image name, not a mailbox."""
    return address.rpartition(".")[2].lower() in FILE_SUFFIXES


def _texts(source: SourceFile) -> Iterator[tuple[int, str]]:
    for entry in source.header:
        if entry.key not in NOT_PROSE:
            yield entry.line, entry.value
    yield from prose_lines(source)


def check_personal_data(source: SourceFile, ctx: CheckContext) -> Iterator[Problem]:
    """NIK, personal phone numbers and e-mails anywhere in the post."""
    for number, text in _texts(source):
        if not _DIGITS.search(text):
            if "@" in text:
                yield from _emails(source, number, text, ctx)
            continue
        for digits in find_niks(text):
            yield problem(
                source,
                number,
                ERROR,
                "nik",
                NIK_MESSAGE.format(shown=mask(digits)),
                NIK_SUGGESTION,
            )
        yield from _phones(source, number, text, ctx)
        yield from _emails(source, number, text, ctx)


def _phones(
    source: SourceFile, line: int, text: str, ctx: CheckContext
) -> Iterator[Problem]:
    for match in PHONE.finditer(text):
        digits = national_phone(match.group(0))
        if not MIN_DIGITS <= len(digits) <= MAX_DIGITS:
            continue
        if ctx.contacts.allows_phone(digits):
            continue
        shown = digits[:4] + "•" * (len(digits) - 7) + digits[-3:]
        yield problem(
            source,
            line,
            ERROR,
            "telepon",
            PHONE_MESSAGE.format(shown=shown),
            PHONE_SUGGESTION,
        )


def _emails(
    source: SourceFile, line: int, text: str, ctx: CheckContext
) -> Iterator[Problem]:
    if "@" not in text:
        return
    for match in EMAIL.finditer(text):
        address = match.group(0)
        if ctx.contacts.allows_email(address) or is_file_name(address):
            continue
        local, _, domain = address.partition("@")
        official = ctx.contacts.domains[:1]
        yield problem(
            source,
            line,
            ERROR,
            "email",
            EMAIL_MESSAGE.format(shown=f"{local[:1]}•••@{domain}"),
            "hapus alamat pribadi; "
            + (f"pakai alamat resmi @{official[0]}, atau " if official else "")
            + "tambahkan alamat layanan resmi ke data/kontak-resmi.yml",
        )
