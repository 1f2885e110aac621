"""An office's public contact details from a registry: phone, e-mail, web site.

The OPD list may give an office's address, phone number, e-mail and web
site; the OPD page shows them to residents as links (``tel:``, ``mailto:``,
``https://``). A value that is not a phone number, an e-mail address or a
plain web address must not reach those links, so each is read here once and
either normalized or refused with what was expected. ``invoke check`` reports
the refusals as errors; the build leaves a refused value out of the page and
keeps the rest of the office's details.

Phone numbers are read with ``phonenumbers`` (the library behind Android's
dialler) in the city's country, e-mail addresses with ``email-validator``
(shape only, no DNS look-up: the build is offline).
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from pelita.core.urlsafety import web_url_problem

DEFAULT_REGION = "ID"
MAX_ADDRESS_LENGTH = 300


@dataclass(frozen=True)
class Phone:
    """A phone number as shown (``(024) 3513366``) and as dialled (E.164)."""

    display: str
    e164: str

    @property
    def href(self) -> str:
        """The ``tel:`` link that dials the number from any country."""
        return f"tel:{self.e164}"


@dataclass(frozen=True)
class ContactProblem:
    """Why a contact value cannot be shown, and the closest valid spelling."""

    field: str
    value: str
    message: str
    suggestion: str


def parse_phone(value: str, region: str = DEFAULT_REGION) -> Phone | ContactProblem:
    """``value`` as a dialable number of ``region``, or why it is not one."""
    text = value.strip()
    expected = (
        "nomor lengkap dengan kode area, misalnya (024) 3513366 atau 0812-3456-7890"
    )
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return ContactProblem("telepon", value, "bukan nomor telepon", expected)
    if not phonenumbers.is_valid_number(number):
        return ContactProblem(
            "telepon",
            value,
            "bukan nomor telepon yang bisa dihubungi (kode area atau panjangnya "
            "tidak cocok)",
            expected,
        )
    national = phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.NATIONAL
    )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(national, e164)


def parse_email(value: str) -> str | ContactProblem:
    """``value`` as a normalized e-mail address, or why it is not one."""
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        return ContactProblem(
            "email",
            value,
            f"bukan alamat e-mail: {exc}",
            "tulis satu alamat lengkap, misalnya humas@semarangkota.go.id",
        )


def parse_website(value: str) -> str | ContactProblem:
    """``value`` as an https address (a bare host gets ``https://``)."""
    text = value.strip()
    url = text if "://" in text else f"https://{text.rstrip('/')}/"
    found = web_url_problem(url)
    if found is None:
        return url
    return ContactProblem("website", value, found.message, found.suggestion)


def parse_address(value: str) -> str | ContactProblem:
    """``value`` as one line of postal address, or why it cannot be shown."""
    text = " ".join(value.split())
    if len(text) > MAX_ADDRESS_LENGTH:
        return ContactProblem(
            "alamat",
            value,
            f"terlalu panjang ({len(text)} karakter)",
            f"tulis jalan, nomor dan kode pos saja (paling banyak "
            f"{MAX_ADDRESS_LENGTH} karakter)",
        )
    if "<" in text or "://" in text:
        return ContactProblem(
            "alamat",
            value,
            "memuat tanda < atau alamat web",
            "tulis alamat jalan saja; situs web masuk kolom website",
        )
    return text
