"""The three site builders compared on one synthetic corpus.

* bare Pelican 4.12: its ``simple`` theme, no plugins, default settings;
* Hugo (Debian's ``hugo``): a minimal layout over the same posts, their
  Pelican metadata rewritten as YAML front matter (not timed);
* Pelita: this repository's ``publishconf.py`` (what the nightly deploys),
  its plugins and theme, then the Pagefind index when the theme has one.

Each builder is a command line run from a fresh process, so the measurement
covers start-up, reading, plugins and writing, as a nightly run would.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITEURL = "https://kabar.example.go.id"

BARE_SETTINGS = """\
AUTHOR = "Pemerintah Kota Semarang"
SITENAME = "Kota Semarang"
SITEURL = ""
PATH = "content"
THEME = "simple"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
CACHE_PATH = "cache"
"""


BARE_CACHED_SETTINGS = """\
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
"""


def bare_pelican(
    project: Path, content: Path, output: Path, cached: bool = False
) -> list[str]:
    """The command for bare Pelican on ``content`` (writes its settings file).

    ``cached`` turns Pelican's content cache on (its own settings, checked by
    modification time, the default): what bare Pelican offers for rebuilds.
    """
    project.mkdir(parents=True, exist_ok=True)
    settings = BARE_SETTINGS + (BARE_CACHED_SETTINGS if cached else "")
    (project / "bareconf.py").write_text(settings, encoding="utf-8")
    return [
        sys.executable, "-m", "pelican", str(content),
        "-s", str(project / "bareconf.py"), "-o", str(output), "-q",
    ]  # fmt: skip


def pelita_settings(content: Path, cache_path: Path, cached: bool) -> list[str]:
    """``-e`` overrides that point Pelita's production settings at a corpus.

    ``cached`` turns on what a nightly rebuild reuses (Pelican's content cache
    and the page cache); derived images are cached in ``cache_path`` always.
    """
    values = {
        "PATH": str(content),
        "CACHE_PATH": str(cache_path),
        "CACHE_CONTENT": cached,
        "LOAD_CONTENT_CACHE": cached,
        "BUILDSPEED": {"page_cache": cached},
    }
    return ["-e", *(f"{key}={json.dumps(value)}" for key, value in values.items())]


def pelita(content: Path, output: Path, cache_path: Path, cached: bool) -> list[str]:
    """Pelita's production build of ``content``; ``cached``: content cache on."""
    return [
        sys.executable, "-m", "pelican", "-s", str(REPO / "publishconf.py"),
        "-o", str(output), "-q", *pelita_settings(content, cache_path, cached),
    ]  # fmt: skip


def pelita_env() -> dict[str, str]:
    return {"SITEURL": SITEURL, "PELITA_DEMO": "0"}


def pagefind(output: Path, cache: Path | None = None) -> list[str]:
    """The search index over a built site, made as ``invoke build`` makes it.

    ``cache`` keeps the unchanged older parts of the index between builds,
    as ``invoke build`` does in ``CACHE_PATH``; None indexes every part.
    """
    script = (
        "import sys; from pathlib import Path; "
        "from pelita.tools.sitesearch import build_search_index; "
        "build_search_index(sys.argv[1], 'id', "
        "cache=Path(sys.argv[2]) if sys.argv[2:] else None)"
    )
    return [sys.executable, "-c", script, str(output), *([str(cache)] if cache else [])]


def hugo(project: Path, output: Path) -> list[str]:
    return ["hugo", "--quiet", "--source", str(project), "--destination", str(output)]


def hugo_available() -> bool:
    return shutil.which("hugo") is not None
