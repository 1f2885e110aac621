"""Personal data: NIK/KK numbers, personal phone numbers and e-mail addresses.

Official service contacts are allowed (``data/kontak-resmi.yml``); everything
else is an error, because a published post (and the repository's history)
keeps it public. Messages mask the number so the report does not leak it again.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from pelita.core.htmlsafety import BIDI_AND_INVISIBLE

from .contacts import national_phone
from .context import ERROR, CheckContext, problem
from .model import Problem
from .nik import find_niks, mask
from .source import SourceFile

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


# Joiners and the Mongolian vowel separator: invisible too, and only ever
# between digits to hide them from a scan.
_JOINERS = re.compile("[\u200c\u200d\u180e]")
_TAGS_BETWEEN_DIGITS = re.compile(r"(?<=\d)(?:\s*<[^<>]*>\s*)+(?=\d)")
_TAG = re.compile(r"<[^<>]*>")
# Markdown's inline marks render as nothing: 3374**0157**... reads 33740157...
_MARKS_BETWEEN_DIGITS = re.compile(r"(?<=\d)[*_`~\\]+(?=\d)")


def visible_text(line: str) -> str:
    """The text a reader sees on a line, as the privacy scans must read it.

    Entities are decoded (``&#51;`` is a 3), compatibility forms folded
    (full-width digits are digits), invisible characters dropped, and tags
    or Markdown marks that sit between digits removed: a number split by
    any of these is whole on the page, so it must be whole for the scan.
    """
    text = html.unescape(html.unescape(line))
    text = unicodedata.normalize("NFKC", text)
    text = _JOINERS.sub("", BIDI_AND_INVISIBLE.sub("", text))
    text = _TAGS_BETWEEN_DIGITS.sub("", text)
    text = _TAG.sub(" ", text)
    return _MARKS_BETWEEN_DIGITS.sub("", text)


def _texts(source: SourceFile) -> Iterator[tuple[int, str]]:
    """Every header value that is prose, and every body line, code included.

    Code blocks are scanned too: they are published as they are, so a NIK
    in one is as public as a NIK in a paragraph.
    """
    for entry in source.header:
        if entry.key not in NOT_PROSE:
            yield entry.line, visible_text(entry.value)
    for number, line in source.body_lines():
        yield number, visible_text(line)


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
