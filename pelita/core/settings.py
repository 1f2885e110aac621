"""One dict setting per plugin, merged over the plugin's defaults.

Every Pelita plugin reads its options from one dict in ``pelicanconf.py``
(``SEO = {...}``, ``IMAGES = {...}``). A misspelt key would otherwise be
ignored in silence, so an unknown key is an error that names the allowed keys
and the closest one.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pelita.core.registries import closest


class PluginSettingsError(ValueError):
    """A plugin's dict setting has an unknown key or is not a dict."""


def merge_settings(
    settings: Mapping[str, Any], name: str, defaults: Mapping[str, Any]
) -> dict[str, Any]:
    """Return ``settings[name]`` merged over ``defaults`` (a deep copy).

    Raises :class:`PluginSettingsError` when the setting is not a dict or has
    a key the plugin does not know.
    """
    given = settings.get(name) or {}
    if not isinstance(given, Mapping):
        raise PluginSettingsError(
            f"{name}: expected a dict of options, got {type(given).__name__} "
            f"{given!r}; allowed keys: {', '.join(sorted(defaults))}"
        )
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        key = unknown[0]
        hint = closest(key, defaults, limit=1)
        did_you_mean = f"; did you mean {hint[0]!r}?" if hint else ""
        raise PluginSettingsError(
            f"{name}: unknown key {key!r}{did_you_mean} "
            f"Allowed keys: {', '.join(sorted(defaults))}"
        )
    merged = copy.deepcopy(dict(defaults))
    merged.update(copy.deepcopy(dict(given)))
    return merged


def plugin_enabled(settings: Mapping[str, Any], name: str) -> bool:
    """Whether the plugin ``name`` is in ``settings["PLUGINS"]``.

    Pelican's signals are global: a handler connected for one build stays
    connected for the next build in the same process (tests build many sites),
    whatever that build's PLUGINS. Handlers that must not run uninvited check
    this first.
    """
    plugins = settings.get("PLUGINS") or ()
    return name in {str(plugin).rsplit(".", 1)[-1] for plugin in plugins}
