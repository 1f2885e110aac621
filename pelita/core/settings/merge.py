"""One dict setting per plugin or tool, declared once and merged one way.

Every Pelita plugin and tool reads its options from one dict in
``pelicanconf.py`` (``SEO = {...}``, ``IMPORTER = {...}``). Each dict is
declared once, as a :class:`Setting` of :class:`Option` s with a default and
a doc: the merge, its errors and the settings manual (``docs/settings.md``)
all come from that declaration. A misspelt key would otherwise be ignored in
silence, so an unknown key is an error that names the allowed keys and the
closest one, also inside a nested dict (``DEPLOY['rsync']``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class PluginSettingsError(ValueError):
    """A dict setting has an unknown key or is not a dict."""


@dataclass(frozen=True)
class Option:
    """One key of a dict setting: its default and what it does.

    ``options`` makes the value itself a dict of known keys (merged key by
    key, unknown keys refused); without it a dict value is taken whole.
    """

    key: str
    default: Any
    doc: str
    options: tuple[Option, ...] = ()

    def defaults(self) -> Any:
        """The default value (a fresh copy; a dict of defaults for ``options``)."""
        if self.options:
            return {option.key: option.defaults() for option in self.options}
        return copy.deepcopy(self.default)


@dataclass(frozen=True)
class Setting:
    """A dict setting: its name, who reads it, what it is for, its options."""

    name: str
    owner: str
    doc: str
    options: tuple[Option, ...]

    def defaults(self) -> dict[str, Any]:
        """Every option's default, as a new dict."""
        return {option.key: option.defaults() for option in self.options}

    def option(self, key: str) -> Option:
        """The option called ``key`` (KeyError when there is none)."""
        for option in self.options:
            if option.key == key:
                return option
        raise KeyError(key)

    def merge(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        """``settings[self.name]`` over the defaults; see :func:`merge_settings`."""
        return _merge(settings.get(self.name), self.options, self.name)


def _unknown_key(where: str, key: Any, allowed: list[str]) -> PluginSettingsError:
    # Imported here: the registries read their own setting (REGISTRIES) through
    # this module, so a module-level import would be circular.
    from pelita.core.registries.names import closest  # noqa: PLC0415

    hint = closest(str(key), allowed, limit=1)
    did_you_mean = f"; did you mean {hint[0]!r}?" if hint else ""
    return PluginSettingsError(
        f"{where}: unknown key {key!r}{did_you_mean} "
        f"Allowed keys: {', '.join(sorted(allowed))}"
    )


def _merge(given: Any, options: tuple[Option, ...], where: str) -> dict[str, Any]:
    allowed = [option.key for option in options]
    given = given or {}
    if not isinstance(given, Mapping):
        raise PluginSettingsError(
            f"{where}: expected a dict of options, got {type(given).__name__} "
            f"{given!r}; allowed keys: {', '.join(sorted(allowed))}"
        )
    by_key = {option.key: option for option in options}
    for key in sorted(given, key=str):
        if key not in by_key:
            raise _unknown_key(where, key, allowed)
    merged = {}
    for option in options:
        if option.key not in given:
            merged[option.key] = option.defaults()
        elif option.options:
            value = given[option.key]
            merged[option.key] = _merge(
                value, option.options, f"{where}[{option.key!r}]"
            )
        else:
            merged[option.key] = copy.deepcopy(given[option.key])
    return merged


def merge_settings(settings: Mapping[str, Any], setting: Setting) -> dict[str, Any]:
    """Return ``settings[setting.name]`` merged over its defaults (a deep copy).

    Raises :class:`PluginSettingsError` when the setting (or a nested dict
    option) is not a dict or has a key that is not declared.
    """
    return setting.merge(settings)


def plugin_enabled(settings: Mapping[str, Any], name: str) -> bool:
    """Whether the plugin ``name`` is in ``settings["PLUGINS"]``.

    Pelican's signals are global: a handler connected for one build stays
    connected for the next build in the same process (tests build many sites),
    whatever that build's PLUGINS. Handlers that must not run uninvited check
    this first.
    """
    plugins = settings.get("PLUGINS") or ()
    return name in {str(plugin).rsplit(".", 1)[-1] for plugin in plugins}
