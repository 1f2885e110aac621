"""The privacy rules of ``invoke check``, as data the browser can run.

The check owns the rules (``contentcheck.personal``, ``contentcheck.nik``,
``contentcheck.contacts``, the placeholder rule); this module only exports
their patterns, limits, allow-list and messages, so the editor refuses what
the check refuses without a second copy of any of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pelita.tools.check import nik, personal
from pelita.tools.check.config import load_config
from pelita.tools.check.contacts import load_contacts
from pelita.tools.check.metadata import PLACEHOLDER_RE

_INLINE_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
_JS_FLAGS = {"i": "i", "m": "m", "s": "s", "u": ""}


class BrowserRuleError(ValueError):
    """A rule's pattern cannot run as a JavaScript regular expression."""


def js_pattern(pattern: re.Pattern[str]) -> dict[str, str]:
    """A Python pattern as ``{"source", "flags"}`` for ``new RegExp``."""
    source = pattern.pattern
    flags = ""
    found = _INLINE_FLAGS.match(source)
    if found:
        for flag in found.group(1):
            if flag not in _JS_FLAGS:
                raise BrowserRuleError(
                    f"{source!r}: inline flag {flag!r} has no JavaScript equivalent"
                )
            flags += _JS_FLAGS[flag]
        source = source[found.end() :]
    if pattern.flags & re.IGNORECASE and "i" not in flags:
        flags += "i"
    for python_only in ("(?P<", "(?P=", r"\Z", r"\A", "(?#"):
        if python_only in source:
            raise BrowserRuleError(
                f"{source!r}: {python_only!r} has no JavaScript equivalent"
            )
    return {"source": source, "flags": flags}


def privacy_rules(settings: dict[str, Any], base: Path) -> dict[str, Any]:
    """Patterns, limits, allow-list and messages for the editor's checks."""
    config = load_config(settings)
    contacts = load_contacts(base / config.contacts_file)
    return {
        "nik": {
            "candidate": js_pattern(nik.CANDIDATE),
            "label": js_pattern(nik.LABEL),
            "labelWindow": nik.LABEL_WINDOW,
            "provinces": sorted(nik.PROVINCES),
            "femaleDayOffset": nik.FEMALE_DAY_OFFSET,
            "message": personal.NIK_MESSAGE,
            "suggestion": personal.NIK_SUGGESTION,
        },
        "phone": {
            "pattern": js_pattern(personal.PHONE),
            "minDigits": personal.MIN_DIGITS,
            "maxDigits": personal.MAX_DIGITS,
            "message": personal.PHONE_MESSAGE,
            "suggestion": personal.PHONE_SUGGESTION,
        },
        "email": {
            "pattern": js_pattern(personal.EMAIL),
            "fileSuffixes": sorted(personal.FILE_SUFFIXES),
            "message": personal.EMAIL_MESSAGE,
        },
        "contacts": {
            "phones": sorted(contacts.phones),
            "emails": sorted(contacts.emails),
            "domains": list(contacts.domains),
        },
        "notProse": sorted(personal.NOT_PROSE),
        "placeholder": js_pattern(PLACEHOLDER_RE),
        "photoMaxBytes": config.image_max_bytes,
    }
