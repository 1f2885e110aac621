"""The one way tests build a site: a content folder plus settings overrides.

In-process (:func:`build_site`) when a test wants Pelican's objects or speed,
or in a subprocess (:func:`run_pelican`) as ``make site`` and ``invoke
build`` run it, when a test needs a fresh process (an aborted build's state,
the log, the exit code). Both start from a settings file of the repository
(``pelicanconf.py`` unless ``conf`` says otherwise) and run from the
repository's root, where the settings' relative paths point.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent


def plugins(conf: str = "pelicanconf.py", without: Iterable[str] = ()) -> list[str]:
    """``PLUGINS`` of ``conf``, leaving out each plugin whose name ends with one
    of ``without`` (``"guard"``, ``"pelita.build.images"``)."""
    from pelican.settings import get_settings_from_file

    left_out = tuple(without)
    names = get_settings_from_file(str(REPO / conf))["PLUGINS"]
    return [name for name in names if not left_out or not name.endswith(left_out)]


def _overrides(
    content: Path | None,
    cache: Path | None,
    conf: str,
    without: Iterable[str],
    overrides: Mapping[str, Any],
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if content is not None:
        found["PATH"] = str(content)
    if cache is not None:
        found["CACHE_PATH"] = str(cache)
    without = tuple(without)
    if without:
        found["PLUGINS"] = plugins(conf, without)
    return {**found, **overrides}


def site_settings(
    content: Path,
    output: Path,
    *,
    cache: Path | None = None,
    conf: str = "pelicanconf.py",
    without: Iterable[str] = (),
    **overrides: Any,
) -> dict[str, Any]:
    """The settings of ``conf`` with the folders and ``overrides`` applied.

    ``without`` leaves plugins out (e.g. the guard, to test the layer under it).
    """
    from pelican.settings import read_settings

    override = _overrides(content, cache, conf, without, overrides)
    override["OUTPUT_PATH"] = str(output)
    return read_settings(str(REPO / conf), override=override)


def build_site(
    content: Path,
    output: Path,
    *,
    cache: Path | None = None,
    conf: str = "pelicanconf.py",
    without: Iterable[str] = (),
    **overrides: Any,
) -> Path:
    """Build ``content`` into ``output`` in this process; return ``output``."""
    from pelican import Pelican

    settings = site_settings(
        content, output, cache=cache, conf=conf, without=without, **overrides
    )
    Pelican(settings).run()
    return output


def run_pelican(
    content: Path | None,
    output: Path,
    *,
    cache: Path | None = None,
    conf: str = "pelicanconf.py",
    without: Iterable[str] = (),
    env: Mapping[str, str] | None = None,
    args: Iterable[str] = (),
    check: bool = True,
    **overrides: Any,
) -> subprocess.CompletedProcess[str]:
    """Build in a subprocess (``python -m pelican``) from the repository's root.

    ``overrides`` go through ``-e`` as JSON, ``env`` is added to the
    environment, ``args`` to the command (``"-v"``, ``"--fatal", "errors"``).
    With ``check``, a failed build fails the test with its log.
    """
    settings = _overrides(None, cache, conf, without, overrides)
    command = [sys.executable, "-m", "pelican"]
    if content is not None:
        command.append(str(content))
    command += ["-s", conf, "-o", str(output), *args]
    if settings:
        command += ["-e", *(f"{k}={json.dumps(v)}" for k, v in settings.items())]
    result = subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if check and result.returncode != 0:
        pytest.fail(
            f"{' '.join(command)} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    return result


def incremental_build(
    content: Path,
    output: Path,
    cache: Path,
    cached: bool,
    extra: Mapping[str, Any] | None = None,
) -> str:
    """A production build with the page cache on (``cached``) or off; its log.

    The incremental-build tests compare such builds with each other and with
    clean ones, so the time, the terminal width and the address are fixed.
    """
    result = run_pelican(
        None,
        output,
        conf="publishconf.py",
        args=["-v", "--fatal", "errors"],
        env={
            "SITEURL": "https://kabar.example.go.id",
            "COLUMNS": "400",
            "SOURCE_DATE_EPOCH": "1735689600",
        },
        **{
            "PATH": str(content),
            "CACHE_PATH": str(cache),
            "CACHE_CONTENT": cached,
            "LOAD_CONTENT_CACHE": cached,
            "BUILDSPEED": {"page_cache": cached},
            **(extra or {}),
        },
    )
    return result.stdout + result.stderr
