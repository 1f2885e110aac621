"""The settings a city's block (``CITY_PROFILE``) stands for, derived in one place.

Pelican, the theme and the plugins read ``CITY``, ``SITENAME``, ``AUTHOR``,
``SITESUBTITLE``, ``VIRTUAL_ASSISTANT``, ``REGISTRIES``, ``REPOSITORY_URL``
and ``SHAREKIT['hashtags']``. A city writing each of them by hand would miss
one (and the site would say another city's name), so ``pelicanconf.py`` holds
one block, ``CITY_PROFILE``, and ends with::

    globals().update(city_settings(globals()))
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .catalog.city import ASSISTANT_KEYS, CITY_PROFILE
from .merge import PluginSettingsError

# The settings derived from the block: a city sets them in CITY_PROFILE only.
DERIVED = (
    "CITY",
    "SITENAME",
    "SITESUBTITLE",
    "AUTHOR",
    "VIRTUAL_ASSISTANT",
    "REGISTRIES",
    "REPOSITORY_URL",
)
_REGION_WORDS = re.compile(r"^(kota|kabupaten|kab\.)\s+", re.IGNORECASE)
_DIGITS = re.compile(r"^[1-9][0-9]{6,14}$")


class CitySettingsError(PluginSettingsError):
    """The city block is missing its name or has a value of the wrong shape."""


def _text(profile: Mapping[str, Any], key: str, default: str) -> str:
    value = profile[key]
    if value is None:
        return default
    if not isinstance(value, str) or not value.strip():
        raise CitySettingsError(
            f"CITY_PROFILE[{key!r}] = {value!r}; expected a line of text "
            f"(or None for {default!r})"
        )
    return " ".join(value.split())


def _name(profile: Mapping[str, Any]) -> str:
    name = profile["name"]
    if not isinstance(name, str) or not name.strip():
        raise CitySettingsError(
            f"CITY_PROFILE['name'] = {name!r}; expected the city's name as the "
            'site says it, e.g. "Kota Salatiga"'
        )
    return " ".join(name.split())


def _assistant(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise CitySettingsError(
            f"CITY_PROFILE['assistant'] = {value!r}; expected a dict with "
            f"{', '.join(ASSISTANT_KEYS)}, or None for a city without one"
        )
    unknown = sorted(set(value) - set(ASSISTANT_KEYS), key=str)
    missing = [k for k in ("name", "whatsapp", "phone_display") if not value.get(k)]
    if unknown or missing:
        what = f"unknown key {unknown[0]!r}" if unknown else f"no {missing[0]!r}"
        raise CitySettingsError(
            f"CITY_PROFILE['assistant']: {what}; allowed keys: "
            f"{', '.join(ASSISTANT_KEYS)} (name, whatsapp and phone_display "
            "are required)"
        )
    whatsapp = str(value["whatsapp"])
    if not _DIGITS.match(whatsapp):
        raise CitySettingsError(
            f"CITY_PROFILE['assistant']['whatsapp'] = {whatsapp!r}; expected the "
            "number in international digits without + or spaces, e.g. "
            "'6281234567890'"
        )
    services = value.get("services") or []
    if isinstance(services, str) or not all(isinstance(s, str) for s in services):
        raise CitySettingsError(
            f"CITY_PROFILE['assistant']['services'] = {services!r}; expected a "
            "list of service names"
        )
    assistant = {key: value.get(key) or "" for key in ASSISTANT_KEYS}
    assistant["full_name"] = assistant["full_name"] or assistant["name"]
    assistant["services"] = list(services)
    return assistant


def _sharekit(settings: Mapping[str, Any], hashtags: Any) -> dict[str, Any]:
    sharekit = dict(settings.get("SHAREKIT") or {})
    if "hashtags" in sharekit:
        raise CitySettingsError(
            "SHAREKIT['hashtags'] is the city's: set CITY_PROFILE['hashtags'] "
            f"instead (found {sharekit['hashtags']!r})"
        )
    sharekit["hashtags"] = list(hashtags or [])
    return sharekit


def city_settings(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The settings derived from ``settings["CITY_PROFILE"]``, to update them with.

    Raises :class:`CitySettingsError` (naming the key, the value and what
    was expected) for a missing name or a value of the wrong shape, and an
    unknown key names the closest one.
    """
    try:
        profile = CITY_PROFILE.merge(settings)
    except PluginSettingsError as exc:
        raise CitySettingsError(str(exc)) from exc
    name = _name(profile)
    short = _REGION_WORDS.sub("", name) or name
    return {
        "CITY": name,
        "SITENAME": _text(profile, "site_name", f"Pelita {short}"),
        "SITESUBTITLE": _text(
            profile, "subtitle", f"Kabar dan prestasi {name} dari semua kanal resmi"
        ),
        "AUTHOR": _text(profile, "author", f"Pemerintah {name}"),
        "VIRTUAL_ASSISTANT": _assistant(profile["assistant"]),
        "REGISTRIES": profile["registries"],
        "REPOSITORY_URL": str(profile["repository_url"] or ""),
        "SHAREKIT": _sharekit(settings, profile["hashtags"]),
    }
