"""The allow-list of official service contacts (``data/kontak-resmi.yml``).

A phone number or e-mail address in a post is personal data unless it is an
official service contact: Savira's WhatsApp number, a ``semarangkota.go.id``
mailbox. The list is a YAML file that admins can extend in a pull request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .yamlfile import YamlFileError, load_yaml


@dataclass(frozen=True)
class Contacts:
    """Phone numbers (national form, digits only), e-mails and mail domains."""

    phones: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    domains: tuple[str, ...] = ()

    def allows_phone(self, number: str) -> bool:
        """Whether ``number`` (any format) is an official contact."""
        return national_phone(number) in self.phones

    def allows_email(self, address: str) -> bool:
        """Whether ``address`` is listed or lives under an official domain."""
        address = address.casefold()
        domain = address.rpartition("@")[2]
        return address in self.emails or any(
            domain == d or domain.endswith("." + d) for d in self.domains
        )


def national_phone(number: str) -> str:
    """Digits of an Indonesian number in national form: +62 812… -> 0812…."""
    digits = re.sub(r"\D", "", number)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


def load_contacts(path: Path) -> Contacts:
    """Read the allow-list; a missing file allows nothing (every number is flagged).

    Raises :class:`YamlFileError` naming the file and line for a broken file.
    """
    if not path.exists():
        return Contacts()
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise YamlFileError(path, 1, "harus berisi kunci telepon, email, domain_email")
    unknown = sorted(set(data) - {"telepon", "email", "domain_email"})
    if unknown:
        raise YamlFileError(
            path,
            1,
            f"kunci tidak dikenal {', '.join(unknown)}; "
            "yang dikenal: telepon, email, domain_email",
        )
    phones = set()
    for entry in data.get("telepon") or []:
        number = str(entry.get("nomor", "")) if isinstance(entry, dict) else str(entry)
        if len(national_phone(number)) < 5:
            raise YamlFileError(path, None, f"nomor telepon {number!r} tidak terbaca")
        phones.add(national_phone(number))
    emails = {str(e).strip().casefold() for e in data.get("email") or []}
    domains = tuple(str(d).strip().casefold() for d in data.get("domain_email") or [])
    return Contacts(frozenset(phones), frozenset(emails), domains)
