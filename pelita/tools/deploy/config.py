"""The ``DEPLOY`` setting: defaults, environment overrides and validation.

``publishconf.py`` holds a ``DEPLOY`` dict merged over :data:`DEFAULTS` once;
an unknown key is an error naming the allowed keys. Any scalar value can also
come from the environment as ``PELITA_DEPLOY_<KEY>`` (top level) or
``PELITA_DEPLOY_<TARGET>_<KEY>`` (per target), which is how the nightly job
picks its target and host without editing files. Secrets never live here:
they come only from the environment (see :data:`SECRET_VARIABLES`).
"""

from __future__ import annotations

import copy
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pelita.core.registries import closest
from pelita.core.settings import DEPLOY

from .errors import DeployConfigError

TARGETS = ("rsync", "ghpages", "s3")
ENV_PREFIX = "PELITA_DEPLOY_"

# Environment variables read directly by the targets (never stored in settings).
SECRET_VARIABLES = {
    "PELITA_DEPLOY_SSH_KEY": "private SSH key (the key itself) for the rsync target",
    "PELITA_DEPLOY_KNOWN_HOSTS": "known_hosts lines for the rsync target's server",
}

# Declared (keys, defaults, docs) once, in pelita.core.settings; this module
# adds the environment overrides and the type checks.
DEFAULTS: dict[str, Any] = DEPLOY.defaults()


@dataclass(frozen=True)
class RsyncConfig:
    """Where and how the rsync target uploads releases over SSH."""

    host: str
    user: str
    port: int
    path: str
    keep_releases: int
    identity_file: str
    known_hosts_file: str
    ssh_options: tuple[str, ...]
    rsync_options: tuple[str, ...]
    rsync_path: str
    timeout: int
    lock_wait: int
    precompress: bool = True


@dataclass(frozen=True)
class GhPagesConfig:
    """The git remote and branch GitHub Pages serves from."""

    remote: str
    branch: str
    cname: str
    message: str
    nojekyll: bool


@dataclass(frozen=True)
class S3Config:
    """The bucket (AWS S3, Cloudflare R2, MinIO, ...) and its cache rules."""

    bucket: str
    prefix: str
    region: str
    endpoint_url: str
    addressing_style: str
    max_deletes: int
    workers: int
    cache_control: Mapping[str, str]
    immutable_patterns: tuple[str, ...]
    gzip: bool = True


@dataclass(frozen=True)
class DeployConfig:
    """The merged ``DEPLOY`` setting."""

    target: str
    link_check_ignore: tuple[str, ...]
    rsync: RsyncConfig
    ghpages: GhPagesConfig
    s3: S3Config


def load_deploy_config(
    setting: Mapping[str, Any] | None, environ: Mapping[str, str] | None = None
) -> DeployConfig:
    """Merge ``setting`` and ``PELITA_DEPLOY_*`` variables over the defaults."""
    environ = os.environ if environ is None else environ
    merged = _merge(DEFAULTS, setting or {}, "DEPLOY")
    _apply_environment(merged, environ)
    from_env = bool(environ.get(f"{ENV_PREFIX}TARGET"))
    _check_target(
        merged["target"], f"{ENV_PREFIX}TARGET" if from_env else "DEPLOY['target']"
    )
    return _to_config(merged)


def _merge(defaults: Mapping[str, Any], given: Mapping[str, Any], where: str) -> dict:
    if not isinstance(given, Mapping):
        raise DeployConfigError(
            f"{where} must be a dict, got {type(given).__name__}: {given!r}"
        )
    merged = copy.deepcopy(dict(defaults))
    for key, value in given.items():
        if key not in defaults:
            raise DeployConfigError(_unknown(f"{where}[{key!r}]", key, defaults))
        default = defaults[key]
        if isinstance(default, dict):
            merged[key] = _merge(default, value, f"{where}[{key!r}]")
        else:
            merged[key] = _checked_type(value, default, f"{where}[{key!r}]")
    return merged


def _checked_type(value: Any, default: Any, where: str) -> Any:
    expected = type(default)
    if expected is list and isinstance(value, list | tuple):
        return [str(item) for item in value]
    if expected is int and isinstance(value, bool):
        raise DeployConfigError(f"{where} must be a whole number, got {value!r}")
    if not isinstance(value, expected):
        raise DeployConfigError(
            f"{where} must be {_type_name(expected)}, got {value!r} "
            f"({type(value).__name__})"
        )
    return value


def _apply_environment(merged: dict, environ: Mapping[str, str]) -> None:
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or name in SECRET_VARIABLES:
            continue
        if raw == "":
            continue  # an unset GitHub variable arrives as an empty string
        section, key = _locate(name)
        target = merged if section is None else merged[section]
        target[key] = _from_text(raw, target[key], name)


def _locate(name: str) -> tuple[str | None, str]:
    rest = name[len(ENV_PREFIX) :].lower()
    if rest in DEFAULTS and not isinstance(DEFAULTS[rest], dict | list):
        return None, rest
    for section in TARGETS:
        key = rest.removeprefix(f"{section}_")
        if key != rest and key in DEFAULTS[section]:
            if isinstance(DEFAULTS[section][key], dict | list):
                break
            return section, key
    allowed = [f"{ENV_PREFIX}TARGET", *SECRET_VARIABLES] + [
        f"{ENV_PREFIX}{section.upper()}_{key.upper()}"
        for section in TARGETS
        for key, value in DEFAULTS[section].items()
        if not isinstance(value, dict | list)
    ]
    raise DeployConfigError(_unknown(f"environment variable {name}", name, allowed))


def _from_text(raw: str, default: Any, name: str) -> Any:
    if isinstance(default, bool):
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise DeployConfigError(f"{name}={raw!r}: expected true or false")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise DeployConfigError(
                f"{name}={raw!r}: expected a whole number such as {default}"
            ) from None
    return raw.strip()


def _check_target(target: str, where: str) -> None:
    if target not in TARGETS:
        suggestion = closest(target, TARGETS, limit=1)
        hint = f"; did you mean {suggestion[0]!r}?" if suggestion else ""
        raise DeployConfigError(
            f"{where} is {target!r}, expected one of {', '.join(TARGETS)}{hint}"
        )


def _unknown(where: str, key: str, allowed: Any) -> str:
    allowed = sorted(allowed)
    suggestion = closest(str(key), allowed, limit=1)
    hint = f"; did you mean {suggestion[0]!r}?" if suggestion else ""
    return f"{where} is not a known key (allowed: {', '.join(allowed)}){hint}"


def _type_name(expected: type) -> str:
    return {str: "text", int: "a whole number", bool: "true or false"}.get(
        expected, expected.__name__
    )


def _to_config(merged: dict) -> DeployConfig:
    rsync = dict(merged["rsync"])
    s3 = dict(merged["s3"])
    return DeployConfig(
        target=merged["target"],
        link_check_ignore=tuple(merged["link_check_ignore"]),
        rsync=RsyncConfig(
            **{
                **rsync,
                "ssh_options": tuple(rsync["ssh_options"]),
                "rsync_options": tuple(rsync["rsync_options"]),
            }
        ),
        ghpages=GhPagesConfig(**merged["ghpages"]),
        s3=S3Config(
            **{**s3, "immutable_patterns": tuple(s3["immutable_patterns"])},
        ),
    )
