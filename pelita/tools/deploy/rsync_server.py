"""The rsync target's side on the server: small POSIX shell scripts, and what they say.

Each script runs with ``sh -s`` over the deploy's SSH connection, with the
release folder (``DEPLOY['rsync']['path']``) as ``$1``; the layout they keep
is described in :mod:`rsync_ssh`. Only names this package made
(:func:`release.is_release_name`) are ever switched to or pruned.
"""

from __future__ import annotations

from dataclasses import dataclass

from pelita.core.registries import closest

from .errors import DeployError
from .pin import Pin, parse_pin
from .release import is_release_name

LOOK_SCRIPT = r"""
set -eu
if [ "$2" != clean ] && [ ! -d "$1" ]; then exit 0; fi
mkdir -p "$1/releases"
cd "$1"
if [ -e current ] && [ ! -L current ]; then
  echo "$1/current exists and is not a symlink; move it aside once" >&2
  exit 3
fi
if [ "$2" = clean ]; then rm -rf releases/.partial-*; fi
if [ -L current ]; then printf 'current %s\n' "$(readlink current)"; fi
if [ -f pin.json ]; then printf 'pin %s\n' "$(tr '\n' ' ' < pin.json)"; fi
for entry in releases/*; do
  if [ -d "$entry" ]; then printf 'release %s\n' "${entry#releases/}"; fi
done
"""

ACTIVATE_SCRIPT = r"""
set -eu
cd "$1"
name=$2
shift 2
mv "releases/.partial-$name" "releases/$name"
ln -sfn "releases/$name" ".current-$$"
mv -T ".current-$$" current
rm -f pin.json
for old in "$@"; do rm -rf "releases/$old"; done
"""

SWITCH_SCRIPT = r"""
set -eu
cd "$1"
if [ ! -d "releases/$2" ]; then echo "no release $2 in $1/releases" >&2; exit 4; fi
ln -sfn "releases/$2" ".current-$$"
mv -T ".current-$$" current
if [ -n "$3" ]; then printf '%s\n' "$3" > .pin.json.tmp && mv .pin.json.tmp pin.json; fi
"""

PIN_SCRIPT = r"""
set -eu
cd "$1"
if [ -n "$2" ]; then printf '%s\n' "$2" > .pin.json.tmp && mv .pin.json.tmp pin.json
else rm -f pin.json; fi
"""


@dataclass(frozen=True)
class ServerState:
    """The releases on the server and the one ``current`` points to."""

    current: str | None
    releases: tuple[str, ...]
    pin: Pin | None = None


def read_state(text: str) -> ServerState:
    """Parse what :data:`LOOK_SCRIPT` printed."""
    current, releases, pin = None, [], None
    for line in text.splitlines():
        kind, _, value = line.partition(" ")
        if kind == "current":
            current = value.removeprefix("releases/").strip("/") or None
        elif kind == "release" and is_release_name(value):
            releases.append(value)
        elif kind == "pin":
            pin = parse_pin(value)
    return ServerState(current, tuple(sorted(releases)), pin)


def releases_to_prune(releases: list[str], count: int, *, keep: str) -> list[str]:
    """The releases beyond the newest ``count``, never ``keep``."""
    ordered = sorted(set(releases))
    return [name for name in ordered[: max(0, len(ordered) - count)] if name != keep]


def rollback_target(state: ServerState, to: str | None) -> str:
    """The release a rollback switches to, or a clear error."""
    if to:
        if to not in state.releases:
            hint = closest(to, state.releases, limit=1)
            raise DeployError(
                f"deploy: rollback: there is no release {to!r} on the server"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
                + f" (releases: {', '.join(state.releases) or 'none'})"
            )
        return to
    if state.current is None or state.current not in state.releases:
        raise DeployError("deploy: rollback: nothing is deployed on the server yet")
    index = state.releases.index(state.current)
    if index == 0:
        raise DeployError(
            f"deploy: rollback: {state.current} is the oldest release kept; "
            "there is nothing older to go back to"
        )
    return state.releases[index - 1]
